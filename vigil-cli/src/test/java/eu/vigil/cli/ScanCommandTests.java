package eu.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanCommandTests {

    @TempDir
    Path folder;
    Path sbom;
    Path osv;

    @BeforeEach
    void fixtures() throws IOException {
        sbom = folder.resolve("camera-fw.cdx.json");
        Files.writeString(sbom, """
                {"bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1,
                 "metadata": {"component": {"bom-ref": "fw", "type": "firmware", "name": "camera-fw", "version": "2.1"}},
                 "components": [
                   {"bom-ref": "jinja", "type": "library", "name": "Jinja2", "version": "2.10", "purl": "pkg:pypi/jinja2@2.10"},
                   {"bom-ref": "safe", "type": "library", "name": "requests", "version": "2.32.3", "purl": "pkg:pypi/requests@2.32.3"},
                   {"bom-ref": "blob", "type": "file", "name": "calibration.bin"}
                 ],
                 "dependencies": [{"ref": "fw", "dependsOn": ["jinja", "safe"]}]}
                """);
        Path records = Files.createDirectories(folder.resolve("osv"));
        Files.writeString(records.resolve("GHSA-test-0001.json"), """
                {"schema_version": "1.6.0", "id": "GHSA-test-0001", "modified": "2026-01-01T00:00:00Z",
                 "aliases": ["CVE-2099-0001"], "summary": "Sandbox escape in templates",
                 "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N"}],
                 "affected": [{"package": {"ecosystem": "PyPI", "name": "jinja2"},
                   "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "2.10.1"}]}]}]}
                """);
        Files.writeString(records.resolve("PYSEC-test-0002.json"), """
                {"schema_version": "1.6.0", "id": "PYSEC-test-0002", "modified": "2026-01-01T00:00:00Z",
                 "affected": [{"package": {"ecosystem": "PyPI", "name": "requests"},
                   "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "2.20.0"}]}]}]}
                """);
        osv = records;
    }

    @Test
    void reportsOneFindingPerComponentAndVulnerabilityWithScoreAndFix() {
        CommandRun run = CommandRun.of("scan", "--sbom", sbom.toString(), "--osv", osv.toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.jsonLines()).hasSize(1);
        JsonNode finding = run.json();
        assertThat(finding.get("purl").asText()).isEqualTo("pkg:pypi/jinja2@2.10");
        assertThat(finding.get("vulnerability").asText()).isEqualTo("CVE-2099-0001");
        assertThat(finding.get("aliases").toString()).contains("GHSA-test-0001");
        assertThat(finding.get("severity").asText()).isEqualTo("HIGH");
        assertThat(finding.get("score").asDouble()).isEqualTo(7.5);
        assertThat(finding.get("fixedVersions").toString()).contains("2.10.1");
        assertThat(run.err()).contains("\"findings\":1").contains("\"withoutPurlOrVersion\":2");
    }

    @Test
    void failsOnlyWhenAFindingReachesTheThreshold() {
        assertThat(CommandRun.of("scan", "--sbom", sbom.toString(), "--osv", osv.toString(), "--fail-on", "high").status())
                .isEqualTo(1);
        assertThat(CommandRun.of("scan", "--sbom", sbom.toString(), "--osv", osv.toString(), "--fail-on", "CRITICAL").status())
                .isZero();
        assertThat(CommandRun.of("scan", "--sbom", sbom.toString(), "--osv", osv.toString(), "--fail-on", "SEVERE").status())
                .isEqualTo(2);
    }

    @Test
    void aBrokenSbomIsAClearErrorNotAScan() throws IOException {
        Files.writeString(sbom, "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.6\", \"components\": [");
        CommandRun run = CommandRun.of("scan", "--sbom", sbom.toString(), "--osv", osv.toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.json().get("error").asText()).isNotBlank();
    }
}
