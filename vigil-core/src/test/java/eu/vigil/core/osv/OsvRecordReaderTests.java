package eu.vigil.core.osv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import eu.vigil.core.InvalidInputException;
import eu.vigil.core.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OsvRecordReaderTests {

    private static List<Path> jsonFiles(Path folder, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    /**
     * The osv-linter test records: the nine valid ones read; of the three its linter flags,
     * {@code nointroduced-*} breaks the schema and is refused, while {@code nondistinct-*}
     * (repeated packages) and {@code nopackage-*} (a package name PyPI lacks) are schema-valid
     * and read: the schema allows several entries per package, and no registry is consulted here.
     */
    @Test
    void readsTheLinterRecordsAndRefusesTheOneWithoutIntroduced() throws IOException {
        List<Path> files = jsonFiles(TestData.require("osv/osv-linter-testdata"), ".json");
        assertThat(files).hasSize(12);
        for (Path file : files) {
            byte[] json = Files.readAllBytes(file);
            String name = file.getFileName().toString();
            if (name.startsWith("nointroduced-")) {
                assertThatThrownBy(() -> OsvRecordReader.read(json, name))
                        .isInstanceOf(InvalidInputException.class)
                        .hasMessage(name + " (CVE-2023-41045): affected[0].ranges[0].events has no introduced event");
            } else {
                OsvVulnerability v = OsvRecordReader.read(json, name);
                assertThat(name).contains(v.id().replace(':', '_'));
                assertThat(v.modified()).isNotBlank();
            }
        }
    }

    @Test
    void readsTheGhsaAndRedHatConverterOutputs() throws IOException {
        List<Path> files = new java.util.ArrayList<>(jsonFiles(TestData.require("osv/ghsa-conversion-testdata"), ".osv.json"));
        files.addAll(jsonFiles(TestData.require("osv/redhat-conversion-osv"), ".json"));
        assertThat(files).hasSize(13);
        for (Path file : files) {
            OsvVulnerability v = OsvRecordReader.read(Files.readAllBytes(file), file.toString());
            assertThat(v.affected()).isNotEmpty();
            assertThat(v.affected()).allSatisfy(a -> assertThat(a.hasPackage()).isTrue());
        }
        OsvVulnerability withdrawn = OsvRecordReader.read(
                Files.readAllBytes(TestData.require("osv/ghsa-conversion-testdata").resolve("withdrawn.osv.json")), "w");
        assertThat(withdrawn.isWithdrawn()).isTrue();
    }

    @Test
    void keepsSeverityVectorsAndDatabaseSeverity() {
        OsvVulnerability v = OsvFixtures.record("""
                {"id": "GHSA-xxxx-yyyy-zzzz", "modified": "2024-01-01T00:00:00Z",
                 "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"},
                              {"type": "CVSS_V4", "score": "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"}],
                 "database_specific": {"severity": "CRITICAL"},
                 "affected": [{"package": {"ecosystem": "npm", "name": "x"}, "versions": ["1.0.0"],
                               "database_specific": {"severity": "HIGH"}}]}
                """);
        assertThat(v.severities()).extracting(OsvSeverity::type).containsExactly("CVSS_V3", "CVSS_V4");
        assertThat(v.severities().get(0).score()).isEqualTo("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
        assertThat(v.databaseSeverity()).isEqualTo("CRITICAL");
        assertThat(v.affected().get(0).databaseSeverity()).isEqualTo("HIGH");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "[]",
            "{\"modified\": \"2024-01-01T00:00:00Z\"}",
            "{\"id\": \"X-1\"}",
            "{\"id\": \"X-1\", \"modified\": 5}",
            "{\"id\": \"X-1\", \"id\": \"X-2\", \"modified\": \"m\"}",
            "{\"id\": \"X-1\", \"modified\": \"m\", \"schema_version\": \"2.0.0\"}",
            "{\"id\": \"X-1\", \"modified\": \"m\", \"affected\": [{\"package\": {\"name\": \"a\"}}]}",
            "{\"id\": \"X-1\", \"modified\": \"m\", \"affected\": [{\"ranges\": [{\"type\": \"NEW\", \"events\": [{\"introduced\": \"0\"}]}]}]}",
            "{\"id\": \"X-1\", \"modified\": \"m\", \"affected\": [{\"ranges\": [{\"type\": \"GIT\", \"events\": [{\"introduced\": \"0\"}]}]}]}",
            "{\"id\": \"X-1\", \"modified\": \"m\", \"affected\": [{\"ranges\": [{\"type\": \"SEMVER\", \"events\": []}]}]}",
            "{\"id\": \"X-1\", \"modified\": \"m\", \"affected\": [{\"ranges\": [{\"type\": \"SEMVER\", \"events\": [{\"introduced\": \"0\", \"fixed\": \"1.0.0\"}]}]}]}",
            "{\"id\": \"X-1\", \"modified\": \"m\", \"affected\": [{\"ranges\": [{\"type\": \"SEMVER\", \"events\": [{\"introduced\": \"0\"}, {\"fixed\": \"1.0.0\"}, {\"last_affected\": \"0.9.0\"}]}]}]}",
            "{\"id\": \"X-1\", \"modified\": \"m\", \"affected\": [{\"ranges\": [{\"type\": \"SEMVER\", \"events\": [{\"introduced\": \"0\"}, {\"patched\": \"1.0.0\"}]}]}]}",
            "{\"id\": \"X-1\", \"modified\": \"m\"} trailing",
            "{\"id\": \"X-1\", \"modified\": \"m\"",
            "not json"})
    void refusesMalformedRecordsWithAClearMessage(String json) {
        assertThatThrownBy(() -> OsvRecordReader.read(json.getBytes(StandardCharsets.UTF_8), "bad.json"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("bad.json");
    }

    @Test
    void namesTheRecordAndTheFieldThatIsWrong() {
        assertThatThrownBy(() -> OsvFixtures.record("""
                {"id": "PYSEC-1", "modified": "m", "affected": [{"package": {"ecosystem": "PyPI", "name": "a"},
                 "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": 1}]}]}]}"""))
                .hasMessage("fixture (PYSEC-1): affected[0].ranges[0].events[0].introduced must be a non-blank string");
    }

    @Test
    void stopsReadingAStreamAtTheRecordSizeLimit() {
        java.io.InputStream endless = new java.io.InputStream() {
            @Override
            public int read() {
                return ' ';
            }
        };
        assertThatThrownBy(() -> OsvRecordReader.read(endless, "endless.json"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("endless.json: not a readable OSV JSON record")
                .hasMessageContaining("length");
    }

    @Test
    void refusesDeeplyNestedInput() {
        String deep = "{\"id\": \"X\", \"modified\": \"m\", \"database_specific\": " + "[".repeat(10_000)
                + "]".repeat(10_000) + "}";
        assertThatThrownBy(() -> OsvFixtures.record(deep)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("nesting depth");
    }
}
