package eu.vigil.audit.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

import eu.vigil.core.syslog.OctetCountingFraming;
import eu.vigil.core.syslog.Rfc5424Parser;
import eu.vigil.core.syslog.SyslogMessage;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A small RFC 5424 collector over TCP or TLS, for tests: parses what arrives into a queue. */
final class TestCollector implements AutoCloseable {

    final BlockingQueue<SyslogMessage> received = new LinkedBlockingQueue<>();
    private final java.util.List<Socket> connections = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final ServerSocket server;
    private final Thread thread;

    private TestCollector(ServerSocket server) {
        this.server = server;
        this.thread = Thread.ofPlatform().daemon().start(this::accept);
    }

    static TestCollector plain(int port) throws IOException {
        return new TestCollector(new ServerSocket(port, 50, InetAddress.getLoopbackAddress()));
    }

    static TestCollector tls(int port, Certificate certificate) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(certificate.keyStore(), "secret".toCharArray());
        context.init(keys.getKeyManagers(), null, null);
        SSLServerSocket server = (SSLServerSocket) context.getServerSocketFactory()
                .createServerSocket(port, 50, InetAddress.getLoopbackAddress());
        return new TestCollector(server);
    }

    static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.add(socket);
                Thread.ofPlatform().daemon().start(() -> read(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void read(Socket socket) {
        try (socket) {
            OctetCountingFraming.Reader reader = new OctetCountingFraming.Reader(socket.getInputStream(), 64 * 1024);
            for (String frame; (frame = reader.next()) != null; ) {
                received.add(Rfc5424Parser.parse(frame));
            }
        } catch (IOException | RuntimeException e) {
            // connection closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket connection : connections) {
            connection.close();
        }
    }

    /** A self-signed certificate for localhost, as a key store for the server and a trust store for the client. */
    record Certificate(KeyStore keyStore, Path trustStore) {
        static Certificate localhost(Path folder) throws Exception {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256);
            KeyPair pair = generator.generateKeyPair();
            X500Name name = new X500Name("CN=localhost");
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.TEN,
                    new Date(System.currentTimeMillis() - 60_000), new Date(System.currentTimeMillis() + 86_400_000L),
                    name, pair.getPublic());
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName(GeneralName.dNSName, "localhost")));
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(null, null);
            keyStore.setKeyEntry("collector", pair.getPrivate(), "secret".toCharArray(), new X509Certificate[] {certificate});
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("collector", certificate);
            Path trustStore = folder.resolve("collector-trust.p12");
            try (var out = Files.newOutputStream(trustStore)) {
                trust.store(out, "trust".toCharArray());
            }
            return new Certificate(keyStore, trustStore);
        }
    }
}
