package eu.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SbomCommandTests {

    private static final String FIRMWARE = """
            SPDXVersion: SPDX-2.3
            SPDXID: SPDXRef-DOCUMENT
            DocumentName: camera-fw-2.1
            DocumentNamespace: https://example.com/spdx/camera-fw-2.1
            Relationship: SPDXRef-DOCUMENT DESCRIBES SPDXRef-fw

            PackageName: camera-fw
            SPDXID: SPDXRef-fw
            PackageVersion: 2.1
            PrimaryPackagePurpose: FIRMWARE

            PackageName: busybox
            SPDXID: SPDXRef-busybox
            PackageVersion: 1.36.1
            PackageLicenseConcluded: GPL-2.0-only
            ExternalRef: PACKAGE-MANAGER purl pkg:yocto/core/busybox@1.36.1
            ExternalRef: SECURITY cpe23Type cpe:2.3:a:busybox:busybox:1.36.1:*:*:*:*:*:*:*
            Relationship: SPDXRef-fw CONTAINS SPDXRef-busybox
            """;

    @Test
    void printsTheComponentModelAsJsonLines(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("fw.spdx");
        Files.writeString(file, FIRMWARE);
        PurlCommandTests.Run run = PurlCommandTests.run("", "sbom", "read", file.toString());
        assertThat(run.status()).isZero();
        List<JsonNode> lines = run.lines();
        assertThat(lines).hasSize(4);
        JsonNode document = lines.get(0);
        assertThat(document.get("record").asText()).isEqualTo("sbom");
        assertThat(document.get("format").asText()).isEqualTo("SPDX_TAG_VALUE");
        assertThat(document.get("specVersion").asText()).isEqualTo("SPDX-2.3");
        assertThat(document.get("rootRef").asText()).isEqualTo("SPDXRef-fw");
        assertThat(document.get("components").asInt()).isEqualTo(2);
        JsonNode busybox = lines.get(2);
        assertThat(busybox.get("record").asText()).isEqualTo("component");
        assertThat(busybox.get("canonicalPurl").asText()).isEqualTo("pkg:yocto/core/busybox@1.36.1");
        assertThat(busybox.get("cpes").get(0).asText()).startsWith("cpe:2.3:a:busybox");
        assertThat(busybox.get("licenses").get(0).asText()).isEqualTo("GPL-2.0-only");
        assertThat(busybox.has("group")).isFalse();
        JsonNode edge = lines.get(3);
        assertThat(edge.get("record").asText()).isEqualTo("dependency");
        assertThat(edge.get("from").asText()).isEqualTo("SPDXRef-fw");
        assertThat(edge.get("kind").asText()).isEqualTo("CONTAINS");
    }

    @Test
    void readsStandardInputWhenNoFileIsGiven() throws Exception {
        PurlCommandTests.Run run = PurlCommandTests.run(FIRMWARE, "sbom", "read", "--summary");
        assertThat(run.status()).isZero();
        assertThat(run.lines()).singleElement().satisfies(line -> {
            assertThat(line.get("file").asText()).isEqualTo("-");
            assertThat(line.get("dependencies").asInt()).isEqualTo(1);
        });
    }

    @Test
    void readsCycloneDxWithNestedComponentsAndFlagsInvalidPurls(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bom.json");
        Files.writeString(file, """
                {"bomFormat": "CycloneDX", "specVersion": "1.6",
                 "metadata": {"component": {"type": "firmware", "bom-ref": "fw", "name": "nvr-fw", "version": "4.2"}},
                 "components": [
                   {"type": "library", "bom-ref": "ssl", "group": "org.openssl", "name": "openssl", "version": "3.0.13",
                    "purl": "pkg:generic/openssl@3.0.13", "scope": "required",
                    "hashes": [{"alg": "SHA-1", "content": "E6B1000B94E835FFD37F4C6DCBDAD43F4B48A02A"}],
                    "components": [{"type": "library", "name": "libcrypto", "purl": "pkg:maven/libcrypto@3"}]}],
                 "dependencies": [{"ref": "fw", "dependsOn": ["ssl"]}]}
                """);
        PurlCommandTests.Run run = PurlCommandTests.run("", "sbom", "read", file.toString());
        assertThat(run.status()).isZero();
        assertThat(run.lines()).hasSize(1 + 3 + 1);
        assertThat(run.lines().get(0).get("name").asText()).isEqualTo("nvr-fw");
        JsonNode openssl = run.lines().get(2);
        assertThat(openssl.get("group").asText()).isEqualTo("org.openssl");
        assertThat(openssl.get("scope").asText()).isEqualTo("required");
        assertThat(openssl.get("hashes").get("SHA-1").asText()).isEqualTo("e6b1000b94e835ffd37f4c6dcbdad43f4b48a02a");
        JsonNode libcrypto = run.lines().get(3);
        assertThat(libcrypto.get("parentRef").asText()).isEqualTo("ssl");
        assertThat(libcrypto.get("ref").asText()).startsWith("vigil:");
        assertThat(libcrypto.get("purlError").asText()).contains("maven purl needs a namespace");
        assertThat(run.lines().get(4).get("to").asText()).isEqualTo("ssl");
    }

    @Test
    void reportsUnreadableSbomsAndGoesOn(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"0.9\"}");
        Path good = dir.resolve("fw.spdx");
        Files.writeString(good, FIRMWARE);
        PurlCommandTests.Run run = PurlCommandTests.run("", "sbom", "read", "--summary", broken.toString(),
                dir.resolve("missing.json").toString(), good.toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.lines()).hasSize(3);
        assertThat(run.lines().get(0).get("error").asText()).contains("unsupported CycloneDX specVersion '0.9'");
        assertThat(run.lines().get(1).get("error").asText()).contains("missing.json");
        assertThat(run.lines().get(2).get("record").asText()).isEqualTo("sbom");
    }

    @Test
    void refusesSbomsAboveTheSizeLimit(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("fw.spdx");
        Files.writeString(file, FIRMWARE);
        PurlCommandTests.Run run = PurlCommandTests.run("", "sbom", "read", "--max-bytes", "100", file.toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.lines().get(0).get("error").asText()).contains("larger than the limit of 100 bytes");
    }

    @Test
    void validatesCycloneDxAgainstTheSchema(@TempDir Path dir) throws Exception {
        Path valid = dir.resolve("valid.json");
        Files.writeString(valid, """
                {"bomFormat": "CycloneDX", "specVersion": "1.5", "version": 1,
                 "components": [{"type": "library", "name": "zlib", "version": "1.3.1"}]}
                """);
        Path invalid = dir.resolve("invalid.json");
        Files.writeString(invalid, """
                {"bomFormat": "CycloneDX", "specVersion": "1.5", "version": 1,
                 "metadata": {"timestamp": "yesterday"},
                 "components": [{"type": "library", "name": "zlib", "version": "1.3.1"}]}
                """);
        PurlCommandTests.Run run = PurlCommandTests.run("", "sbom", "validate", valid.toString(), invalid.toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.lines()).hasSize(2);
        assertThat(run.lines().get(0).get("valid").asBoolean()).isTrue();
        assertThat(run.lines().get(0).get("specVersion").asText()).isEqualTo("1.5");
        assertThat(run.lines().get(1).get("valid").asBoolean()).isFalse();
        assertThat(run.lines().get(1).get("violations").get(0).asText()).contains("date-time");
    }
}
