package eu.vigil.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The server certificate made on first start when none is configured: ECDSA P-256, valid for
 * localhost and this host's name, stored as PKCS#12 in the data folder with a random password
 * kept in a file beside it that only the owner can read.
 */
record SelfSignedCertificate(Path keyStore, String password, String sha256Fingerprint) {

    static final String ALIAS = "vigil";
    private static final Duration VALIDITY = Duration.ofDays(825);

    static SelfSignedCertificate loadOrCreate(Path folder) throws IOException {
        Path keyStore = folder.resolve("server.p12");
        Path passwordFile = folder.resolve("server.p12.password");
        try {
            if (!Files.exists(keyStore) || !Files.exists(passwordFile)) {
                create(keyStore, passwordFile);
            }
            String password = Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keyStore)) {
                store.load(in, password.toCharArray());
            }
            X509Certificate certificate = (X509Certificate) store.getCertificate(ALIAS);
            return new SelfSignedCertificate(keyStore, password, fingerprint(certificate));
        } catch (GeneralSecurityException e) {
            throw new IOException("TLS key store " + keyStore + " cannot be read: " + e.getMessage(), e);
        }
    }

    static String fingerprint(X509Certificate certificate) throws GeneralSecurityException {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    }

    private static void create(Path keyStore, Path passwordFile) throws IOException, GeneralSecurityException {
        try {
            createUnchecked(keyStore, passwordFile);
        } catch (org.bouncycastle.operator.OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign the certificate", e);
        }
    }

    private static void createUnchecked(Path keyStore, Path passwordFile)
            throws IOException, GeneralSecurityException, org.bouncycastle.operator.OperatorCreationException {
        SecureRandom random = new SecureRandom();
        byte[] secret = new byte[24];
        random.nextBytes(secret);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);

        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), random);
        KeyPair keyPair = generator.generateKeyPair();

        String host = hostName();
        X500Name subject = new X500Name("CN=" + host + ",O=Vigil self-signed");
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                new BigInteger(127, random), Date.from(now.minus(Duration.ofMinutes(5))),
                Date.from(now.plus(VALIDITY)), subject, keyPair.getPublic());
        List<GeneralName> names = new ArrayList<>();
        names.add(new GeneralName(GeneralName.dNSName, "localhost"));
        names.add(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
        names.add(new GeneralName(GeneralName.iPAddress, "::1"));
        if (!"localhost".equals(host)) {
            names.add(new GeneralName(GeneralName.dNSName, host));
        }
        builder.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(names.toArray(GeneralName[]::new)));
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keyPair.getPrivate())));

        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(ALIAS, keyPair.getPrivate(), password.toCharArray(), new X509Certificate[] {certificate});

        // Written beside the target and moved in place, so a crash never leaves half a key store.
        Path storeTemp = Files.createTempFile(keyStore.getParent(), "server", ".p12.tmp");
        try (OutputStream out = Files.newOutputStream(storeTemp)) {
            store.store(out, password.toCharArray());
        }
        DataFolder.restrictToOwner(storeTemp);
        Path passwordTemp = Files.createTempFile(keyStore.getParent(), "server", ".password.tmp");
        DataFolder.restrictToOwner(passwordTemp);
        Files.writeString(passwordTemp, password, StandardCharsets.UTF_8);
        Files.move(passwordTemp, passwordFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Files.move(storeTemp, keyStore, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static String hostName() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            return name == null || name.isBlank() ? "localhost" : name;
        } catch (IOException e) {
            return "localhost";
        }
    }
}
