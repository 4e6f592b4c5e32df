package eu.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;

import com.fasterxml.jackson.databind.JsonNode;
import eu.vigil.VigilApplication;
import eu.vigil.identity.Role;
import eu.vigil.identity.internal.ApiTokens;
import eu.vigil.identity.internal.UserAccounts;
import eu.vigil.sbom.Portfolio;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code vigil upload-sbom} against a real Vigil server started here over HTTPS with its own
 * self-signed certificate: trusted by a pinned fingerprint or by the certificate as a CA file,
 * refused with the JDK trust store or a wrong pin; a bad SBOM is refused with the server's message.
 */
class UploadSbomCommandTests {

    @TempDir static Path temp;
    static ConfigurableApplicationContext server;
    static String url;
    static String fingerprint;
    static Path tokenFile;
    static Path caFile;

    @BeforeAll
    static void startServer() throws Exception {
        Path data = temp.resolve("data");
        server = VigilApplication.start("--server.port=0", "--vigil.data=" + data, "--spring.main.banner-mode=off",
                "--vigil.jobs.enabled=false");
        url = "https://localhost:" + server.getEnvironment().getRequiredProperty("local.server.port");
        fingerprint = server.getEnvironment().getRequiredProperty("vigil.tls.fingerprint");
        long user = server.getBean(UserAccounts.class).insert("ci-bot", "CI", null, "{noop}unused",
                EnumSet.of(Role.SECURITY), null, false, null, Instant.now());
        String token = server.getBean(ApiTokens.class).create(user, "ci", EnumSet.of(Role.SECURITY),
                Instant.now().plus(Duration.ofHours(1)));
        tokenFile = Files.writeString(temp.resolve("token"), token + "\n");
        server.getBean(JdbcClient.class).sql("""
                INSERT INTO sbom_product (product_key, name, cra_category, created_at) VALUES ('cam-x', 'Camera X', 'default', CURRENT_TIMESTAMP)""")
                .update();
        // the self-signed certificate as a PEM "CA" file
        Path tls = data.resolve("tls");
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(tls.resolve("server.p12"))) {
            store.load(in, Files.readString(tls.resolve("server.p12.password")).strip().toCharArray());
        }
        X509Certificate certificate = (X509Certificate) store.getCertificate("vigil");
        caFile = Files.writeString(temp.resolve("vigil-ca.pem"), "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n");
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    static Path sbom(String name, String content) throws Exception {
        return Files.writeString(temp.resolve(name), content);
    }

    static final String BOM = """
            {"bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1,
             "metadata": {"component": {"type": "firmware", "bom-ref": "root", "name": "cam-x", "version": "%s"}},
             "components": [{"type": "library", "bom-ref": "zlib", "name": "zlib", "version": "1.3.1",
               "purl": "pkg:generic/zlib@1.3.1"}],
             "dependencies": [{"ref": "root", "dependsOn": ["zlib"]}]}""";

    @Test
    void uploadsWithAPinnedFingerprintAndCreatesTheRelease() throws Exception {
        CommandRun run = CommandRun.of("upload-sbom", "--server", url, "--token-file", tokenFile.toString(),
                "--product", "cam-x", "--version", "3.0", "--insecure-fingerprint", fingerprint,
                sbom("bom-3.0.json", BOM.formatted("3.0")).toString());
        assertThat(run.status()).as(run.out() + run.err()).isZero();
        JsonNode line = run.jsonLines().get(0);
        assertThat(line.get("status").asInt()).isEqualTo(201);
        assertThat(line.get("components").asInt()).isEqualTo(2);
        assertThat(line.get("format").asText()).isEqualTo("CYCLONEDX_JSON");
        Portfolio portfolio = server.getBean(Portfolio.class);
        long product = portfolio.products().stream().filter(p -> p.key().equals("cam-x")).findFirst().orElseThrow().id();
        assertThat(portfolio.releases(product)).extracting(Portfolio.Release::version).contains("3.0");
    }

    @Test
    void uploadsTrustingTheCertificateAsACaFile() throws Exception {
        CommandRun run = CommandRun.of("upload-sbom", "--server", url, "--token-file", tokenFile.toString(),
                "--product", "cam-x", "--version", "3.1", "--ca", caFile.toString(), "--format", "text",
                sbom("bom-3.1.json", BOM.formatted("3.1")).toString());
        assertThat(run.status()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("Uploaded", "cam-x 3.1", "2 components");
    }

    @Test
    void neverTrustsTheSelfSignedCertificateSilently() throws Exception {
        Path bom = sbom("bom-3.2.json", BOM.formatted("3.2"));
        CommandRun jdkTrust = CommandRun.of("upload-sbom", "--server", url, "--token-file", tokenFile.toString(),
                "--product", "cam-x", "--version", "3.2", bom.toString());
        assertThat(jdkTrust.status()).isEqualTo(1);
        assertThat(jdkTrust.jsonLines().get(0).get("error").asText()).contains("cannot reach");
        CommandRun wrongPin = CommandRun.of("upload-sbom", "--server", url, "--token-file", tokenFile.toString(),
                "--product", "cam-x", "--version", "3.2", "--insecure-fingerprint", "00".repeat(32), bom.toString());
        assertThat(wrongPin.status()).isEqualTo(1);
        assertThat(wrongPin.jsonLines().get(0).get("error").asText()).contains("not the pinned one");
        CommandRun plainHttp = CommandRun.of("upload-sbom", "--server", url.replace("https", "http"), "--token-file",
                tokenFile.toString(), "--product", "cam-x", "--version", "3.2", bom.toString());
        assertThat(plainHttp.status()).isEqualTo(2);
    }

    @Test
    void aBadSbomIsRefusedWithTheServersMessage() throws Exception {
        CommandRun run = CommandRun.of("upload-sbom", "--server", url, "--token-file", tokenFile.toString(),
                "--product", "cam-x", "--version", "3.3", "--insecure-fingerprint", fingerprint,
                sbom("bad.json", "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.1\"}").toString());
        assertThat(run.status()).isEqualTo(1);
        JsonNode line = run.jsonLines().get(0);
        assertThat(line.get("status").asInt()).isEqualTo(400);
        assertThat(line.get("error").asText()).contains("The SBOM was refused");
        CommandRun unknownProduct = CommandRun.of("upload-sbom", "--server", url, "--token-file", tokenFile.toString(),
                "--product", "no-such", "--version", "1", "--insecure-fingerprint", fingerprint,
                sbom("ok.json", BOM.formatted("1")).toString());
        assertThat(unknownProduct.status()).isEqualTo(1);
        assertThat(unknownProduct.jsonLines().get(0).get("status").asInt()).isEqualTo(404);
    }
}
