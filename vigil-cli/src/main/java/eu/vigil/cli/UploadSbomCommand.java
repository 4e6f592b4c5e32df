package eu.vigil.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Uploads an SBOM to a running Vigil server from a CI pipeline: the release (product key and
 * version) is created when missing, the SBOM is matched at once and the answer printed.
 * The server's certificate is trusted through the JDK trust store, a CA file ({@code --ca}), or
 * a pinned SHA-256 fingerprint ({@code --insecure-fingerprint}); never blindly.
 */
// no mixinStandardHelpOptions: its --version would clash with the release's --version
@Command(name = "upload-sbom",
        description = {"Upload an SBOM to a Vigil server for a product's release (created when missing).",
                "Prints one JSON line with what was stored and found; exit 1 when the server refuses the SBOM."})
final class UploadSbomCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--server", required = true, paramLabel = "URL", description = "Vigil's base URL, https://host:port.")
    String server;

    @Option(names = "--token-file", required = true, paramLabel = "FILE", description = "File holding an API token (vgl_...).")
    Path tokenFile;

    @Option(names = "--product", required = true, paramLabel = "KEY", description = "The product's key, such as cam-x.")
    String product;

    @Option(names = "--version", required = true, paramLabel = "V", description = "The release's version.")
    String version;

    @Parameters(paramLabel = "FILE", arity = "1", description = "The SBOM (CycloneDX JSON/XML, SPDX JSON/tag-value).")
    Path file;

    @ArgGroup(exclusive = true)
    Trust trust;

    static final class Trust {
        @Option(names = "--ca", paramLabel = "FILE", description = "PEM file of the certificate(s) to trust for the server.")
        Path ca;

        @Option(names = "--insecure-fingerprint", paramLabel = "SHA256",
                description = "Trust exactly the server certificate with this SHA-256 fingerprint (hex, colons allowed), "
                        + "as Vigil prints it on first start; no other check is made.")
        String fingerprint;
    }

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT5M",
            description = "How long to wait for the server (ISO-8601). Default: ${DEFAULT-VALUE}.")
    Duration timeout;

    @Option(names = "--format", defaultValue = "json", description = "json (default) or text.")
    String format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        URI base;
        try {
            base = URI.create(server.endsWith("/") ? server.substring(0, server.length() - 1) : server);
        } catch (IllegalArgumentException e) {
            return usage(err, "--server is not a URL: " + e.getMessage());
        }
        if (!"https".equalsIgnoreCase(base.getScheme())) {
            return usage(err, "--server must be an https:// URL (Vigil serves HTTPS only)");
        }
        if (!Files.isReadable(file)) {
            return usage(err, "cannot read " + file);
        }
        if (!Files.isReadable(tokenFile)) {
            return usage(err, "cannot read the token file " + tokenFile);
        }
        String token = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
        SSLContext tls;
        try {
            tls = sslContext();
        } catch (GeneralSecurityException | IOException | IllegalArgumentException e) {
            return usage(err, "cannot set up TLS trust: " + e.getMessage());
        }
        String boundary = "vigil-" + UUID.randomUUID();
        byte[] body = multipart(boundary, file);
        URI target = base.resolve("/api/v1/sboms?product=" + URLEncoder.encode(product, StandardCharsets.UTF_8)
                + "&version=" + URLEncoder.encode(version, StandardCharsets.UTF_8));
        HttpClient client = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(30)).build();
        HttpRequest request = HttpRequest.newBuilder(target).timeout(timeout)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("file", file.toString());
            error.put("error", "cannot reach " + base + ": " + describe(e));
            print(out, error);
            return VigilCli.FINDING_OR_INVALID;
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(response.body());
        } catch (IOException e) {
            answer = null;
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("file", file.toString());
        line.put("status", response.statusCode());
        if (response.statusCode() / 100 == 2 && answer != null) {
            line.put("product", product);
            line.put("version", version);
            answer.properties().forEach(e -> line.put(e.getKey(), e.getValue()));
            print(out, line);
            return VigilCli.OK;
        }
        line.put("error", answer != null && answer.hasNonNull("detail") ? answer.get("detail").asText()
                : "the server answered " + response.statusCode());
        print(out, line);
        return VigilCli.FINDING_OR_INVALID;
    }

    private void print(PrintWriter out, Map<String, Object> line) throws IOException {
        if ("text".equalsIgnoreCase(format)) {
            if (line.containsKey("error")) {
                out.println("Refused (" + line.get("status") + "): " + line.get("error"));
            } else {
                out.println("Uploaded " + file + " to " + product + " " + version + ": " + line.get("components")
                        + " components, " + line.get("newFindings") + " new findings.");
            }
        } else {
            out.println(JSON.writeValueAsString(line));
        }
        out.flush();
    }

    private int usage(PrintWriter err, String message) {
        err.println("vigil upload-sbom: " + message);
        err.flush();
        return VigilCli.USAGE;
    }

    private static String describe(IOException e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }

    private static byte[] multipart(String boundary, Path file) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String name = file.getFileName().toString().replace("\"", "");
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        try (InputStream in = Files.newInputStream(file)) {
            in.transferTo(body);
        }
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private SSLContext sslContext() throws GeneralSecurityException, IOException {
        SSLContext context = SSLContext.getInstance("TLS");
        if (trust != null && trust.ca != null) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int n = 0;
            try (InputStream in = Files.newInputStream(trust.ca)) {
                for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    store.setCertificateEntry("ca-" + n++, certificate);
                }
            }
            if (n == 0) {
                throw new IllegalArgumentException(trust.ca + " holds no PEM certificate");
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            context.init(null, factory.getTrustManagers(), null);
        } else if (trust != null && trust.fingerprint != null) {
            String pinned = trust.fingerprint.replace(":", "").strip().toLowerCase(Locale.ROOT);
            if (!pinned.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("--insecure-fingerprint is not a SHA-256 fingerprint (64 hex digits)");
            }
            context.init(null, new javax.net.ssl.TrustManager[] {new PinnedCertificate(pinned)}, null);
        } else {
            context.init(null, null, null); // the JDK trust store
        }
        return context;
    }

    /** Trusts exactly one server certificate, by the SHA-256 of its encoding. */
    static final class PinnedCertificate extends X509ExtendedTrustManager {

        private final String sha256;

        PinnedCertificate(String sha256) {
            this.sha256 = sha256;
        }

        private void check(X509Certificate[] chain) throws CertificateException {
            if (chain == null || chain.length == 0) {
                throw new CertificateException("the server sent no certificate");
            }
            try {
                String actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(chain[0].getEncoded()));
                if (!MessageDigest.isEqual(actual.getBytes(StandardCharsets.US_ASCII), sha256.getBytes(StandardCharsets.US_ASCII))) {
                    throw new CertificateException("the server's certificate has the SHA-256 fingerprint " + actual
                            + ", not the pinned one");
                }
                chain[0].checkValidity();
            } catch (GeneralSecurityException e) {
                throw e instanceof CertificateException c ? c : new CertificateException(e);
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("not a server");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            throw new CertificateException("not a server");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            throw new CertificateException("not a server");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
