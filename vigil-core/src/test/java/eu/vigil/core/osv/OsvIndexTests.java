package eu.vigil.core.osv;

import static eu.vigil.core.osv.OsvFixtures.record;
import static eu.vigil.core.osv.OsvFixtures.withRange;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import eu.vigil.core.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OsvIndexTests {

    private static boolean affected(OsvVulnerability record, String version) {
        OsvAffected a = record.affected().get(0);
        return !OsvIndex.of(List.of(record)).query(a.ecosystem(), a.name(), version).isEmpty();
    }

    // The examples of the OSV schema's "Examples" section, as our own records.

    @Test
    void unfixedVulnerabilityAffectsEveryVersion() {
        OsvVulnerability r = withRange("X-1", "npm", "p", "SEMVER", "{\"introduced\": \"0\"}");
        assertThat(affected(r, "0.0.1")).isTrue();
        assertThat(affected(r, "99.0.0")).isTrue();
        assertThat(affected(r, "1.0.0-alpha")).isTrue();
    }

    @Test
    void fixedVulnerabilityAffectsEverythingBeforeTheFix() {
        OsvVulnerability r = withRange("X-1", "npm", "p", "SEMVER", "{\"introduced\": \"0\"}, {\"fixed\": \"1.0.2\"}");
        assertThat(affected(r, "1.0.1")).isTrue();
        assertThat(affected(r, "1.0.2-rc.1")).isTrue();
        assertThat(affected(r, "1.0.2")).isFalse();
        assertThat(affected(r, "2.0.0")).isFalse();
    }

    @Test
    void multipleRangesInOneEventList() {
        OsvVulnerability r = withRange("X-1", "npm", "p", "SEMVER",
                "{\"introduced\": \"1.0.0\"}, {\"fixed\": \"1.0.2\"}, {\"introduced\": \"3.0.0\"}, {\"fixed\": \"3.2.5\"}");
        assertThat(affected(r, "0.9.0")).isFalse();
        assertThat(affected(r, "1.0.0")).isTrue();
        assertThat(affected(r, "1.0.2")).isFalse();
        assertThat(affected(r, "2.5.0")).isFalse();
        assertThat(affected(r, "3.2.4")).isTrue();
        assertThat(affected(r, "3.2.5")).isFalse();
    }

    @Test
    void lastAffectedIsItselfAffected() {
        OsvVulnerability r = withRange("X-1", "PyPI", "p", "ECOSYSTEM",
                "{\"introduced\": \"0\"}, {\"last_affected\": \"2.1.214\"}");
        assertThat(affected(r, "2.1.214")).isTrue();
        assertThat(affected(r, "2.1.214.post1")).isFalse();
        assertThat(affected(r, "2.1.215")).isFalse();
    }

    @Test
    void limitBoundsTheRange() {
        OsvVulnerability r = withRange("X-1", "Maven", "g:a", "ECOSYSTEM",
                "{\"introduced\": \"1.0\"}, {\"limit\": \"2.0\"}");
        assertThat(affected(r, "1.5")).isTrue();
        assertThat(affected(r, "2.0")).isFalse();
        OsvVulnerability star = withRange("X-2", "Maven", "g:a", "ECOSYSTEM",
                "{\"introduced\": \"1.0\"}, {\"limit\": \"*\"}");
        assertThat(affected(star, "9.0")).isTrue();
    }

    @Test
    void eventsAreSortedBeforeEvaluation() {
        // written out of order, as the GHSA converter does (equals_with_patch.osv.json)
        OsvVulnerability r = withRange("X-1", "npm", "p", "SEMVER",
                "{\"introduced\": \"0\"}, {\"introduced\": \"2.0.0\"}, {\"fixed\": \"2.0.1\"}, {\"fixed\": \"1.3.2\"}");
        assertThat(affected(r, "1.3.1")).isTrue();
        assertThat(affected(r, "1.3.2")).isFalse();
        assertThat(affected(r, "2.0.0")).isTrue();
        assertThat(affected(r, "2.0.1")).isFalse();
    }

    @Test
    void anIntroducedAndFixedPairOfOneVersionIsEmpty() {
        // RUSTSEC-2022-0012 writes "introduced 0.10.0, fixed 0.10.0" last
        OsvVulnerability r = withRange("X-1", "crates.io", "p", "SEMVER",
                "{\"introduced\": \"0.0.0-0\"}, {\"fixed\": \"0.7.1\"}, {\"introduced\": \"0.10.0\"}, {\"fixed\": \"0.10.0\"}");
        assertThat(affected(r, "0.7.0")).isTrue();
        assertThat(affected(r, "0.10.0")).isFalse();
        assertThat(affected(r, "5.0.0")).isFalse();
    }

    @Test
    void adjacentIntervalsJoinWhateverTheWrittenOrder() {
        // PYSEC-2022-42972: [0.13.0, 0.14.0rc1) written before [0.12.2, 0.13.0)
        OsvVulnerability r = withRange("X-1", "PyPI", "p", "ECOSYSTEM",
                "{\"introduced\": \"0.13.0\"}, {\"fixed\": \"0.14.0rc1\"}, {\"introduced\": \"0.12.2\"}, {\"fixed\": \"0.13.0\"}");
        assertThat(affected(r, "0.12.2")).isTrue();
        assertThat(affected(r, "0.13.0")).isTrue();
        assertThat(affected(r, "0.14.0rc1")).isFalse();
    }

    @Test
    void listedVersionsMatchAsWrittenAndByTheEcosystemsEquality() {
        OsvVulnerability r = record("""
                {"id": "PYSEC-X", "modified": "m", "affected": [{"package": {"ecosystem": "PyPI", "name": "Foo_Bar"},
                 "versions": ["1.0", "not pep 440"]}]}""");
        OsvIndex index = OsvIndex.of(List.of(r));
        assertThat(index.query("PyPI", "foo-bar", "1.0.0").matches()).singleElement()
                .satisfies(m -> assertThat(m.listed()).isTrue());
        assertThat(index.query("PyPI", "FOO.BAR", "not pep 440").matches()).hasSize(1);
        assertThat(index.query("PyPI", "foo-bar", "1.0.1").matches()).isEmpty();
    }

    @Test
    void reportsGitRangesAndUnparsableVersionsAsNotEvaluated() {
        OsvVulnerability r = record("""
                {"id": "X-1", "modified": "m", "affected": [{"package": {"ecosystem": "PyPI", "name": "p"},
                 "ranges": [{"type": "GIT", "repo": "https://example.org/p.git",
                             "events": [{"introduced": "0"}, {"fixed": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}]},
                            {"type": "ECOSYSTEM", "events": [{"introduced": "1.0"}, {"fixed": "2.0"}]}]}]}""");
        OsvIndex index = OsvIndex.of(List.of(r));
        OsvQueryResult outside = index.query("PyPI", "p", "3.0");
        assertThat(outside.matches()).isEmpty();
        assertThat(outside.unevaluated()).singleElement().satisfies(u -> {
            assertThat(u.recordId()).isEqualTo("X-1");
            assertThat(u.reason()).startsWith("GIT range");
        });
        // the ECOSYSTEM range decides: no need to report the GIT range then
        assertThat(index.query("PyPI", "p", "1.5").unevaluated()).isEmpty();
        assertThat(index.query("PyPI", "p", "junk!").unevaluated())
                .extracting(OsvUnevaluated::reason).anyMatch(reason -> reason.contains("not a PEP 440 version"));
    }

    @Test
    void mergesAliasesIntoOneVulnerabilityWithAStablePrimaryId() {
        OsvVulnerability ghsa = record("""
                {"id": "GHSA-aaaa-bbbb-cccc", "modified": "m", "aliases": ["CVE-2024-1"], "summary": "from GHSA",
                 "affected": [{"package": {"ecosystem": "PyPI", "name": "p"},
                   "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "2.0"}]}]}]}""");
        OsvVulnerability pysec = record("""
                {"id": "PYSEC-2024-9", "modified": "m", "aliases": ["CVE-2024-1", "GHSA-aaaa-bbbb-cccc"],
                 "affected": [{"package": {"ecosystem": "PyPI", "name": "p"},
                   "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "1.9"}]}]}]}""");
        for (List<OsvVulnerability> order : List.of(List.of(ghsa, pysec), List.of(pysec, ghsa))) {
            OsvQueryResult result = OsvIndex.of(order).query("PyPI", "p", "1.0");
            assertThat(result.matches()).singleElement().satisfies(m -> {
                assertThat(m.id()).isEqualTo("CVE-2024-1");
                assertThat(m.aliases()).containsExactly("GHSA-aaaa-bbbb-cccc", "PYSEC-2024-9");
                assertThat(m.recordIds()).containsExactly("GHSA-aaaa-bbbb-cccc", "PYSEC-2024-9");
                assertThat(m.summary()).isEqualTo("from GHSA");
                assertThat(m.fixedVersions()).containsExactly("1.9", "2.0");
                assertThat(m.ranges()).hasSize(2);
            });
        }
    }

    @Test
    void answersTheSameWhenCompiledAhead() {
        OsvVulnerability r = withRange("X-1", "npm", "p", "SEMVER", "{\"introduced\": \"0\"}, {\"fixed\": \"1.0.2\"}");
        OsvIndex ahead = OsvIndex.of(List.of(r)).compileAll();
        assertThat(ahead.query("npm", "p", "1.0.1")).isEqualTo(OsvIndex.of(List.of(r)).query("npm", "p", "1.0.1"));
        assertThat(ahead.query("npm", "p", "1.0.2").matches()).isEmpty();
    }

    @Test
    void leavesOutWithdrawnRecords() throws IOException {
        Path file = TestData.require("osv/ghsa-conversion-testdata").resolve("withdrawn.osv.json");
        OsvIndex index = OsvLoader.load(file).index();
        assertThat(index.size()).isZero();
        assertThat(index.withdrawnCount()).isEqualTo(1);
        assertThat(index.query("RubyGems", "activesupport", "3.2.1").matches()).isEmpty();
    }

    @Test
    void matchesReleasesOfAnEcosystem() {
        OsvVulnerability alpine = record("""
                {"id": "CVE-2018-5407", "modified": "m", "affected": [
                 {"package": {"ecosystem": "Alpine:v3.3", "name": "openssl"},
                  "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "1.0.2q-r0"}]}]},
                 {"package": {"ecosystem": "Alpine:v3.9", "name": "openssl"},
                  "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "1.1.1a-r0"}]}]}]}""");
        OsvIndex index = OsvIndex.of(List.of(alpine));
        assertThat(index.query("Alpine:v3.3", "openssl", "1.0.2p-r0").matches()).hasSize(1);
        assertThat(index.query("Alpine:v3.3", "openssl", "1.0.2q-r0").matches()).isEmpty();
        assertThat(index.query("Alpine:v3.9", "openssl", "1.1.1-r0").matches()).hasSize(1);
        assertThat(index.query("Alpine:v3.10", "openssl", "1.0.0-r0").matches()).isEmpty();
        assertThat(index.query("Alpine", "openssl", "1.1.0-r0").matches()).hasSize(1);
        OsvVulnerability debian = withRange("DSA-1", "Debian", "openssl", "ECOSYSTEM",
                "{\"introduced\": \"0\"}, {\"fixed\": \"1.1.1n-0+deb11u1\"}");
        assertThat(OsvIndex.of(List.of(debian)).query("Debian:11", "openssl", "1.1.1k-1+deb11u1").matches()).hasSize(1);
    }

    @Test
    void matchesGoModulesWithTheVPrefixAndTheStandardLibraryWithGo() {
        OsvVulnerability r = withRange("GO-1", "Go", "stdlib", "SEMVER",
                "{\"introduced\": \"0\"}, {\"fixed\": \"1.21.12\"}, {\"introduced\": \"1.22.0-0\"}, {\"fixed\": \"1.22.5\"}");
        OsvIndex index = OsvIndex.of(List.of(r));
        assertThat(index.query("Go", "stdlib", "go1.21.11").matches()).hasSize(1);
        assertThat(index.query("Go", "stdlib", "v1.22.0").matches()).hasSize(1);
        assertThat(index.query("Go", "stdlib", "1.22.5").matches()).isEmpty();
        assertThat(index.query("Go", "stdlib", "go1.22.5").matches().isEmpty()).isTrue();
    }

    @Test
    void loadsFoldersAndZipsAndSkipsCorruptRecords(@TempDir Path dir) throws IOException {
        Path linter = TestData.require("osv/osv-linter-testdata");
        Path zip = dir.resolve("PyPI").resolve("all.zip");
        Files.createDirectories(zip.getParent());
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("PYSEC-2023-74.json"));
            z.write(Files.readAllBytes(linter.resolve("PYSEC-2023-74.json")));
            z.putNextEntry(new ZipEntry("BROKEN-1.json"));
            z.write("{\"id\": \"BROKEN-1\"".getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("README.txt"));
            z.write("not a record".getBytes(StandardCharsets.UTF_8));
        }
        Files.writeString(dir.resolve("bad.json"), "{\"id\": 7}");
        Files.copy(linter.resolve("GO-2020-0001.json"), dir.resolve("GO-2020-0001.json"));
        OsvLoadResult result = OsvLoader.load(dir);
        assertThat(result.records()).extracting(OsvVulnerability::id).containsExactlyInAnyOrder("PYSEC-2023-74", "GO-2020-0001");
        assertThat(result.problems()).extracting(OsvLoadProblem::source)
                .containsExactlyInAnyOrder(dir.resolve("bad.json").toString(), zip + "!BROKEN-1.json");
        assertThat(result.records()).filteredOn(r -> r.id().equals("PYSEC-2023-74")).singleElement()
                .extracting(OsvVulnerability::source).isEqualTo(zip + "!PYSEC-2023-74.json");
        OsvIndex index = result.index();
        assertThat(index.query("PyPI", "requests", "2.30.0").matches()).hasSize(1);
        assertThat(index.query("Go", "github.com/gin-gonic/gin", "v1.5.0").matches()).hasSize(1);
    }

    @Test
    void skipsAnOverlongZipEntry(@TempDir Path dir) throws IOException {
        Path zip = dir.resolve("all.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("BOMB-1.json"));
            byte[] blanks = new byte[1024 * 1024];
            java.util.Arrays.fill(blanks, (byte) ' ');
            for (int i = 0; i <= OsvRecordReader.MAX_RECORD_BYTES / blanks.length; i++) {
                z.write(blanks);
            }
            z.write("{\"id\": \"BOMB-1\", \"modified\": \"m\"}".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(Files.size(zip)).isLessThan(100_000);
        OsvLoadResult result = OsvLoader.load(zip);
        assertThat(result.records()).isEmpty();
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.source()).endsWith("!BOMB-1.json");
            assertThat(p.message()).contains("larger than " + OsvRecordReader.MAX_RECORD_BYTES);
        });
    }

    @Test
    void reportsAZipThatIsNotOne(@TempDir Path dir) throws IOException {
        Path zip = dir.resolve("all.zip");
        Files.writeString(zip, "garbage");
        OsvLoadResult result = OsvLoader.load(zip);
        assertThat(result.records()).isEmpty();
        assertThat(result.problems()).singleElement().satisfies(p -> assertThat(p.message()).startsWith("not a readable zip"));
    }
}
