package eu.vigil.core.csaf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The advisory writer and the trusted-provider layout, checked by our validator and by real gpg. */
class CsafPublishingTests {

    private static final CsafValidator VALIDATOR = new CsafValidator();
    private static final OpenPgpSigner SIGNER = OpenPgpSigner.generate("Example PSIRT <psirt@example.com>");

    static CsafAdvisory advisory(String id, Instant first, Instant second) {
        var publisher = new CsafAdvisory.Publisher("Example Devices", "https://example.com", "psirt@example.com");
        var product = new CsafAdvisory.Product("Example Devices", "Camera X", List.of(
                new CsafAdvisory.ProductVersion("CSAFPID-1", "2.0.0", "pkg:generic/example/camera-x@2.0.0",
                        "cpe:2.3:o:example:camera-x_firmware:2.0.0:*:*:*:*:*:*:*"),
                new CsafAdvisory.ProductVersion("CSAFPID-2", "2.0.1", "pkg:generic/example/camera-x@2.0.1", null)));
        var vulnerability = new CsafAdvisory.Vulnerability("CVE-2026-12345", null, "Stored XSS in the web UI",
                "A <script> in the camera name runs in the operator's browser.", "CWE-79",
                CweCatalogue.name("CWE-79"), "CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:C/C:L/I:L/A:N",
                "CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:P/VC:L/VI:L/VA:N/SC:L/SI:L/SA:N",
                List.of("CSAFPID-1"), List.of("CSAFPID-2"), List.of(), List.of(),
                List.of(new CsafAdvisory.Remediation("vendor_fix", "Update to 2.0.1.", "https://example.com/fw",
                        List.of("CSAFPID-1"))), true);
        return new CsafAdvisory(id, "Camera X: stored XSS", "en", "WHITE", "final", publisher,
                "Camera X firmware before 2.0.1 lets a user store script in the camera name.",
                second == null ? List.of(new CsafAdvisory.Revision(1, first, "Initial version"))
                        : List.of(new CsafAdvisory.Revision(1, first, "Initial version"),
                                new CsafAdvisory.Revision(2, second, "Fixed release named")),
                List.of(product), List.of(vulnerability),
                List.of(new CsafAdvisory.Reference("self", "This advisory", "https://example.com/advisories/" + id)),
                List.of(new CsafAdvisory.Acknowledgment(List.of("A. Researcher"), null, "reported the issue")));
    }

    @Test
    void writtenAdvisoriesPassTheSchemaAndEveryMandatoryTest() {
        byte[] document = CsafWriter.bytes(advisory("EXAMPLE-SA-2026-0001", Instant.parse("2026-03-01T10:00:00Z"),
                Instant.parse("2026-03-05T09:30:00Z")));
        CsafValidation result = VALIDATOR.validate(document);
        assertThat(result.failures()).isEmpty();
        JsonNode tree = VALIDATOR.read(document);
        assertThat(tree.at("/document/tracking/version").asText()).isEqualTo("2");
        assertThat(tree.at("/vulnerabilities/0/scores/0/cvss_v3/baseScore").asDouble()).isEqualTo(5.4);
        assertThat(tree.at("/product_tree/branches/0/branches/0/branches/0/product/product_identification_helper/purl")
                .asText()).isEqualTo("pkg:generic/example/camera-x@2.0.0");
        assertThat(CsafWriter.fileName("EXAMPLE-SA-2026-0001")).isEqualTo("example-sa-2026-0001.json");
        assertThat(CsafWriter.fileName("Acme SA:2026/7")).isEqualTo("acme_sa_2026_7.json");
    }

    @Test
    void anAdvisoryWithAWrongCweNameFailsWithTestAndPath() {
        ObjectMapper mapper = new ObjectMapper();
        var tree = CsafWriter.write(advisory("EXAMPLE-SA-2026-0002", Instant.parse("2026-03-01T10:00:00Z"), null));
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.at("/vulnerabilities/0/cwe")).put("name", "XSS");
        CsafValidation result = VALIDATOR.validate(mapper.valueToTree(tree));
        assertThat(result.failures()).singleElement().satisfies(f -> {
            assertThat(f.test()).isEqualTo("6.1.11");
            assertThat(f.path()).isEqualTo("/vulnerabilities/0/cwe/name");
        });
    }

    @Test
    void providerLayoutHasIndexesFeedsHashesAndSignaturesThatGpgVerifies(@TempDir Path dir) throws Exception {
        var older = new CsafProviderLayout.Published("EXAMPLE-SA-2025-0009", "Older", "WHITE",
                Instant.parse("2025-12-30T10:00:00Z"), Instant.parse("2025-12-30T10:00:00Z"),
                CsafWriter.bytes(advisory("EXAMPLE-SA-2025-0009", Instant.parse("2025-12-30T10:00:00Z"), null)));
        var newer = new CsafProviderLayout.Published("EXAMPLE-SA-2026-0001", "Newer", "WHITE",
                Instant.parse("2026-03-01T10:00:00Z"), Instant.parse("2026-03-05T09:30:00Z"),
                CsafWriter.bytes(advisory("EXAMPLE-SA-2026-0001", Instant.parse("2026-03-01T10:00:00Z"),
                        Instant.parse("2026-03-05T09:30:00Z"))));
        Map<String, byte[]> files = CsafProviderLayout.build(
                new CsafProviderLayout.Provider("https://psirt.example.com", "Example Devices", "https://example.com",
                        "psirt@example.com"), SIGNER, List.of(older, newer), Instant.parse("2026-03-05T10:00:00Z"));

        JsonNode metadata = VALIDATOR.read(files.get("provider-metadata.json"));
        assertThat(VALIDATOR.schemas().validateProviderMetadata(metadata)).isEmpty();
        assertThat(metadata.at("/role").asText()).isEqualTo("csaf_trusted_provider");
        assertThat(metadata.at("/public_openpgp_keys/0/fingerprint").asText()).isEqualTo(SIGNER.fingerprint());
        assertThat(files).containsKeys("white/2025/example-sa-2025-0009.json", "white/2026/example-sa-2026-0001.json",
                "white/2026/example-sa-2026-0001.json.sha256", "white/2026/example-sa-2026-0001.json.sha512",
                "white/2026/example-sa-2026-0001.json.asc", "white/csaf-feed-tlp-white.json",
                "openpgp/" + SIGNER.fingerprint() + ".asc");
        assertThat(text(files, "white/index.txt"))
                .isEqualTo("2025/example-sa-2025-0009.json\n2026/example-sa-2026-0001.json\n");
        assertThat(text(files, "white/changes.csv")).isEqualTo("\"2026/example-sa-2026-0001.json\",\"2026-03-05T09:30:00Z\"\n"
                + "\"2025/example-sa-2025-0009.json\",\"2025-12-30T10:00:00Z\"\n");
        JsonNode feed = VALIDATOR.read(files.get("white/csaf-feed-tlp-white.json"));
        assertThat(feed.at("/feed/entry")).hasSize(2);
        assertThat(feed.at("/feed/entry/0/content/src").asText())
                .isEqualTo("https://psirt.example.com/.well-known/csaf/white/2026/example-sa-2026-0001.json");
        for (String name : files.keySet()) {
            if (name.endsWith(".json") && name.startsWith("white/20")) {
                assertThat(VALIDATOR.validate(files.get(name)).failures()).as(name).isEmpty();
            }
        }

        // write the tree out and check the hash files with sha256sum/sha512sum and the signature with gpg
        for (var file : files.entrySet()) {
            Path target = dir.resolve("csaf").resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, file.getValue());
        }
        Path year = dir.resolve("csaf/white/2026");
        assertThat(run(year, null, "sha256sum", "-c", "example-sa-2026-0001.json.sha256")).isZero();
        assertThat(run(year, null, "sha512sum", "-c", "example-sa-2026-0001.json.sha512")).isZero();
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/gpg")), "gpg is not installed");
        Path home = Files.createDirectory(dir.resolve("gnupg"));
        Files.setPosixFilePermissions(home, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        assertThat(run(dir, home, "gpg", "--batch", "--import",
                dir.resolve("csaf/openpgp/" + SIGNER.fingerprint() + ".asc").toString())).isZero();
        assertThat(run(year, home, "gpg", "--batch", "--verify", "example-sa-2026-0001.json.asc",
                "example-sa-2026-0001.json")).isZero();
        Files.writeString(year.resolve("example-sa-2026-0001.json"), " ", java.nio.file.StandardOpenOption.APPEND);
        assertThat(run(year, home, "gpg", "--batch", "--verify", "example-sa-2026-0001.json.asc",
                "example-sa-2026-0001.json")).isNotZero();
    }

    @Test
    void theSecretKeyRoundTripsAndKeepsItsFingerprint() {
        OpenPgpSigner again = OpenPgpSigner.load(SIGNER.exportSecretKey());
        assertThat(again.fingerprint()).isEqualTo(SIGNER.fingerprint()).hasSize(40);
        assertThat(again.armoredPublicKey()).startsWith("-----BEGIN PGP PUBLIC KEY BLOCK-----");
        assertThat(again.sign("x".getBytes(StandardCharsets.UTF_8))).startsWith("-----BEGIN PGP SIGNATURE-----");
    }

    private static String text(Map<String, byte[]> files, String name) {
        return new String(files.get(name), StandardCharsets.UTF_8);
    }

    private static int run(Path dir, Path gnupgHome, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        if (gnupgHome != null) {
            builder.environment().put("GNUPGHOME", gnupgHome.toString());
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        System.out.println(String.join(" ", command) + " -> " + process.exitValue() + "\n" + output);
        return process.exitValue();
    }
}
