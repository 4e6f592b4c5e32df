package eu.vigil.core.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import eu.vigil.core.TestData;
import eu.vigil.core.feeds.csaf.CsafFeedReader;
import eu.vigil.core.feeds.nvd.NvdFeedReader;
import eu.vigil.core.osv.OsvAffected;
import eu.vigil.core.osv.OsvEvent;
import eu.vigil.core.osv.OsvIndex;
import eu.vigil.core.osv.OsvPackageRef;
import eu.vigil.core.osv.OsvRange;
import eu.vigil.core.osv.OsvVulnerability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedReaderTests {

    @TempDir Path temp;

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = FeedReaderTests.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    private static List<FeedRecord> all(FeedReader reader) {
        List<FeedRecord> items = new ArrayList<>();
        try (reader) {
            for (FeedRecord r = reader.next(); r != null; r = reader.next()) {
                items.add(r);
            }
        }
        return items;
    }

    @Test
    void nvdCvesBecomeOsvRecordsWithCpeRangesCvssAndCwe() throws IOException {
        List<FeedRecord> items = NvdFeedReader.read(resource("nvd/nvd-cve-api-2.0-sample.json"), "sample.json");
        assertThat(items).hasSize(4);
        assertThat(items.get(2).isProblem()).isTrue();
        assertThat(items.get(2).ref()).isEqualTo("sample.json vulnerabilities[2]");
        assertThat(items.get(2).problem()).contains("CVE-YYYY-NNNN");

        OsvVulnerability log = items.get(0).record();
        assertThat(log.id()).isEqualTo("CVE-2026-10001");
        assertThat(log.modified()).isEqualTo("2026-04-02T17:40:12.850Z");
        assertThat(log.published()).isEqualTo("2026-03-10T10:15:09.143Z");
        assertThat(log.summary()).isEqualTo("Example Logger before 2.15.0 lets a remote attacker run code through crafted lookups.");
        // NVD's own (Primary) 3.1 vector is chosen over the CNA's, and the 2.0 one kept
        assertThat(log.severities()).extracting(s -> s.type() + " " + s.score()).containsExactly(
                "CVSS_V3 CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", "CVSS_V2 AV:N/AC:M/Au:N/C:C/I:C/A:C");
        assertThat(log.affected()).extracting(OsvAffected::ecosystem, OsvAffected::name).containsExactly(
                org.assertj.core.groups.Tuple.tuple("CPE", "example:logger"),
                org.assertj.core.groups.Tuple.tuple("CPE", "example:camera_firmware"));
        OsvAffected logger = log.affected().get(0);
        assertThat(logger.versions()).containsExactly("2.0");
        assertThat(logger.ranges()).extracting(OsvRange::events).containsExactly(
                List.of(new OsvEvent(OsvEvent.Kind.INTRODUCED, "2.0.1"), new OsvEvent(OsvEvent.Kind.FIXED, "2.12.2")),
                List.of(new OsvEvent(OsvEvent.Kind.INTRODUCED, "2.13.0"), new OsvEvent(OsvEvent.Kind.FIXED, "2.15.0")));
        assertThat(log.affected().get(1).ranges().getFirst().events()).containsExactly(
                new OsvEvent(OsvEvent.Kind.INTRODUCED, "0"), new OsvEvent(OsvEvent.Kind.LAST_AFFECTED, "4.2.1"));
        String json = new String(items.get(0).osvJson(), StandardCharsets.UTF_8);
        assertThat(json).contains("\"cwe_ids\":[\"CWE-917\",\"CWE-502\"]").doesNotContain("NVD-CWE-Other")
                .contains("\"type\":\"FIX\",\"url\":\"https://github.com/example/logger/commit/abc123\"");

        assertThat(items.get(1).record().isWithdrawn()).isTrue();
        OsvVulnerability camera = items.get(3).record();
        assertThat(camera.severities()).extracting(s -> s.type()).containsExactly("CVSS_V4");
        assertThat(camera.affected().getFirst().versions()).containsExactly("3.1.7", "3.1.8");

        // the records match like any OSV record: 2.14.1 is inside [2.13.0, 2.15.0)
        OsvIndex index = OsvIndex.of(items.stream().filter(r -> !r.isProblem()).map(FeedRecord::record).toList());
        assertThat(index.query(new OsvPackageRef("CPE", "example:logger"), "2.14.1").matches()).hasSize(1);
        assertThat(index.query(new OsvPackageRef("CPE", "example:logger"), "2.15.0").matches()).isEmpty();
    }

    @Test
    void anNvdFileIsStreamedAndSkipsToACursor() throws IOException {
        Path file = Files.write(temp.resolve("nvdcve-2.0-2026.json"), resource("nvd/nvd-cve-api-2.0-sample.json"));
        List<FeedRecord> full = all(new NvdFeedReader(List.of(file)));
        try (FeedReader reader = new NvdFeedReader(List.of(file))) {
            reader.skip(3);
            assertThat(reader.next().record().id()).isEqualTo(full.get(3).record().id());
            assertThat(reader.next()).isNull();
        }
        // a file cut in the middle gives the records before the cut and one problem
        byte[] bytes = resource("nvd/nvd-cve-api-2.0-sample.json");
        String text = new String(bytes, StandardCharsets.UTF_8);
        Path cut = Files.writeString(temp.resolve("cut.json"), text.substring(0, text.indexOf("CVE-2026-10004") + 40));
        List<FeedRecord> partial = all(new NvdFeedReader(List.of(cut)));
        assertThat(partial).extracting(FeedRecord::isProblem).containsExactly(false, false, true, true);
        assertThat(partial.get(3).problem()).contains("not readable JSON");
    }

    @Test
    void aBareCveObjectIsOneRecord() {
        String cve = """
                {"id": "CVE-2026-20001", "published": "2026-01-01T00:00:00.000", "lastModified": "2026-01-02T00:00:00.000",
                 "descriptions": [{"lang": "en", "value": "Something."}]}""";
        List<FeedRecord> items = NvdFeedReader.read(cve.getBytes(StandardCharsets.UTF_8), "one.json");
        assertThat(items).singleElement().satisfies(r -> assertThat(r.record().id()).isEqualTo("CVE-2026-20001"));
    }

    @Test
    void redHatCsafAdvisoriesBecomeRecordsUnderTheirPurlPackages() throws IOException {
        Path file = TestData.require("csaf/real-redhat-via-osv-schema/rhsa-2024_4546.json");
        List<FeedRecord> items = CsafFeedReader.read(Files.readAllBytes(file), file.toString());
        assertThat(items).singleElement().satisfies(r -> {
            OsvVulnerability v = r.record();
            assertThat(v.id()).isEqualTo("RHSA-2024:4546");
            assertThat(v.aliases()).containsExactly("CVE-2023-45288");
            assertThat(v.modified()).isEqualTo("2024-07-16T13:38:03+00:00");
            assertThat(v.severities()).extracting(s -> s.score()).containsExactly("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H");
            assertThat(v.affected()).extracting(OsvAffected::ecosystem).containsOnly("rpm");
            OsvAffected gitLfs = v.affected().stream().filter(a -> a.name().equals("redhat/git-lfs")).findFirst().orElseThrow();
            assertThat(gitLfs.ranges().getFirst().events()).containsExactly(new OsvEvent(OsvEvent.Kind.INTRODUCED, "0"),
                    new OsvEvent(OsvEvent.Kind.FIXED, "2.13.3-3.el8_6.1"));
        });
        // every real Red Hat advisory converts without a problem
        try (Stream<Path> files = Files.list(file.getParent())) {
            for (Path p : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                assertThat(CsafFeedReader.read(Files.readAllBytes(p), p.toString()))
                        .as(p.toString()).isNotEmpty().allSatisfy(r -> assertThat(r.problem()).isNull());
            }
        }
    }

    @Test
    void csafProductsWithOnlyACpeAreStoredAsCpeWithTheirVersions() throws IOException {
        Path file = TestData.require("csaf/csaf_2.0/examples/csaf/bsi-2022-0001.json");
        OsvVulnerability v = CsafFeedReader.read(Files.readAllBytes(file), file.toString()).getFirst().record();
        assertThat(v.id()).isEqualTo("BSI-2022-0001");
        assertThat(v.aliases()).containsExactly("CVE-2022-27193");
        OsvAffected converter = v.affected().getFirst();
        assertThat(converter.ecosystem()).isEqualTo("CPE");
        assertThat(converter.name()).isEqualTo("csaf-tools:cvrf-csaf-converter");
        assertThat(converter.versions()).containsExactly("1.0.0-alpha", "1.0.0-dev1", "1.0.0-dev2", "1.0.0-dev3", "1.0.0-rc1");
    }

    @Test
    void csafWithoutHeaderIsAProblemNamingTheFile() {
        List<FeedRecord> items = CsafFeedReader.read("{\"vulnerabilities\": []}".getBytes(StandardCharsets.UTF_8), "x.json");
        assertThat(items).singleElement().satisfies(r -> assertThat(r.problem()).contains("no \"document\" object"));
    }

    @Test
    void osvZipsAreReadInAFixedOrderAndSkipWithoutReading() throws IOException {
        Path crates = TestData.require("osv/crates.io");
        Path zip = temp.resolve("all.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip)); Stream<Path> files = Files.list(crates)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().limit(50).toList()) {
                out.putNextEntry(new ZipEntry(f.getFileName().toString()));
                Files.copy(f, out);
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry("broken.json"));
            out.write("{\"id\": \"BROKEN-1\", ".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        List<FeedRecord> full = all(new OsvFeedReader(List.of(zip)));
        assertThat(full).hasSize(51);
        assertThat(full.getLast().ref()).isEqualTo("BROKEN-1");
        try (FeedReader reader = new OsvFeedReader(List.of(zip))) {
            reader.skip(30);
            assertThat(reader.next().record().id()).isEqualTo(full.get(30).record().id());
        }
    }
}
