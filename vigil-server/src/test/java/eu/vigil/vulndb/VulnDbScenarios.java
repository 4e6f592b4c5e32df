package eu.vigil.vulndb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import eu.vigil.core.osv.OsvPackageRef;
import eu.vigil.core.osv.OsvVulnerability;
import eu.vigil.testing.SharedTestData;
import eu.vigil.vulndb.internal.FeedImporter;
import eu.vigil.vulndb.internal.FeedSource;
import eu.vigil.vulndb.internal.ImportRun;
import eu.vigil.vulndb.internal.ImportRuns;
import eu.vigil.vulndb.internal.ImportWorker;
import org.junit.jupiter.api.Test;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The knowledge base end to end on a real database: real OSV data imported from a zip and a folder,
 * incremental re-import, a changed record and its event, a partly corrupt zip, a run resumed after
 * it stopped mid-way, and the catalogue's queries. Run on H2 and on PostgreSQL by the subclasses.
 */
@SpringBootTest(properties = "vigil.vulndb.resume-interval=PT1H")
@AutoConfigureMockMvc
@RecordApplicationEvents
abstract class VulnDbScenarios {

    @Autowired FeedImporter importer;
    @Autowired ImportWorker worker;
    @Autowired ImportRuns runs;
    @Autowired VulnerabilityCatalog catalog;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEvents events;
    @Autowired eu.vigil.audit.AuditIntegrity auditIntegrity;
    @Autowired MockMvc mvc;
    @Autowired javax.sql.DataSource dataSource;

    @Autowired eu.vigil.identity.internal.UserAccounts users;
    @Autowired eu.vigil.identity.internal.ApiTokens tokens;

    @TempDir Path temp;

    String token(eu.vigil.identity.Role role) {
        String name = role.name().toLowerCase(java.util.Locale.ROOT) + "-" + System.nanoTime();
        long id = users.insert(name, name, null, "{noop}unused", java.util.EnumSet.of(role), null, false, null, Instant.now());
        return tokens.create(id, "test", java.util.EnumSet.of(role), Instant.now().plus(java.time.Duration.ofHours(1)));
    }

    org.springframework.test.web.servlet.request.RequestPostProcessor signedIn(eu.vigil.identity.Role role) {
        eu.vigil.identity.CurrentUser user = new eu.vigil.identity.CurrentUser(1, "page-" + role, "Page User",
                java.util.EnumSet.of(role), null);
        return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication(
                org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(user, null,
                        List.of(new org.springframework.security.core.authority.SimpleGrantedAuthority(role.authority()))));
    }

    ImportRun importPaths(FeedSource source, Path... paths) {
        ImportRun queued = importer.queuePaths(source, List.of(paths), null, "tester");
        return importer.run(queued, n -> { }).orElseThrow();
    }

    static Path zipOf(Path zip, Path folder) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip));
             Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                out.putNextEntry(new ZipEntry(f.getFileName().toString()));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
        return zip;
    }

    static Path zipOfTexts(Path zip, Map<String, String> entries) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (var e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return zip;
    }

    static String record(String id, String modified, String ecosystem, String name, String alias) {
        return """
                {"schema_version": "1.6.0", "id": "%s", "modified": "%s", "published": "2026-01-02T00:00:00Z",
                 "aliases": ["%s"], "summary": "Test record %s",
                 "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}],
                 "affected": [{"package": {"ecosystem": "%s", "name": "%s"},
                   "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "2.0.0"}]}]}],
                 "references": [{"type": "ADVISORY", "url": "https://example.org/%s"}]}"""
                .formatted(id, modified, alias, id, ecosystem, name, id);
    }

    @Test
    void importsRealRustsecZipIncrementallyAndAnswersTheCatalogue() throws IOException {
        Path crates = SharedTestData.require("osv/crates.io");
        long files;
        try (Stream<Path> s = Files.list(crates)) {
            files = s.filter(p -> p.toString().endsWith(".json")).count();
        }
        Path zip = zipOf(temp.resolve("crates.io-all.zip"), crates);

        ImportRun first = importPaths(FeedSource.OSV, zip);
        assertThat(first.state()).isEqualTo(ImportRun.State.DONE);
        assertThat(first.read()).isEqualTo(files);
        assertThat(first.added()).isEqualTo(files);
        assertThat(first.failed()).isZero();
        assertThat(first.cursor()).isEqualTo(files);

        // RUSTSEC-2020-0053 (dirs) is withdrawn: stored, never returned
        assertThat(catalog.find("RUSTSEC-2020-0053")).isEmpty();
        List<OsvVulnerability> hyper = catalog.affecting(new OsvPackageRef("crates.io", "hyper"));
        assertThat(hyper).isNotEmpty().allSatisfy(v -> assertThat(v.affected())
                .anySatisfy(a -> assertThat(a.name()).isEqualTo("hyper")));
        OsvVulnerability withAlias = hyper.stream().filter(v -> !v.aliases().isEmpty()).findFirst().orElseThrow();
        assertThat(catalog.find(withAlias.aliases().getFirst())).isPresent()
                .hasValueSatisfying(v -> assertThat(v.aliases()).contains(withAlias.aliases().getFirst()));

        // the same zip again: nothing changes, no event
        long eventsBefore = events.stream(VulnerabilitiesChanged.class).count();
        ImportRun again = importPaths(FeedSource.OSV, zip);
        assertThat(again.added()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(again.unchanged()).isEqualTo(files);
        assertThat(events.stream(VulnerabilitiesChanged.class).count()).isEqualTo(eventsBefore);

        auditIntegrity.chainPending();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'vulndb.import.finish' AND object_id = ?")
                .param(String.valueOf(first.id())).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aChangedRecordIsUpdatedAndNamesOldAndNewPackages() throws IOException {
        Path v1 = Files.writeString(temp.resolve("TEST-2026-0001.json"),
                record("TEST-2026-0001", "2026-01-01T00:00:00Z", "Maven", "org.example:old-lib", "CVE-2026-90001"));
        ImportRun first = importPaths(FeedSource.OSV, v1);
        assertThat(first.added()).isEqualTo(1);
        assertThat(catalog.find("CVE-2026-90001")).map(OsvVulnerability::id).contains("TEST-2026-0001");

        // an older copy changes nothing
        Path older = Files.writeString(temp.resolve("older.json"),
                record("TEST-2026-0001", "2025-06-01T00:00:00Z", "Maven", "org.example:other", "CVE-2026-90001"));
        assertThat(importPaths(FeedSource.OSV, older).unchanged()).isEqualTo(1);

        events.clear();
        Path v2 = Files.writeString(temp.resolve("v2.json"),
                record("TEST-2026-0001", "2026-03-01T00:00:00Z", "Maven", "org.example:new-lib", "CVE-2026-90001"));
        ImportRun second = importPaths(FeedSource.OSV, v2);
        assertThat(second.updated()).isEqualTo(1);
        List<VulnerabilitiesChanged> changed = events.stream(VulnerabilitiesChanged.class).toList();
        assertThat(changed).hasSize(1);
        assertThat(changed.getFirst().vulnerabilityIds()).containsExactly("TEST-2026-0001");
        assertThat(changed.getFirst().packages()).containsExactlyInAnyOrder(
                new OsvPackageRef("Maven", "org.example:old-lib"), new OsvPackageRef("Maven", "org.example:new-lib"));
        assertThat(catalog.affecting(new OsvPackageRef("Maven", "org.example:old-lib"))).isEmpty();
        assertThat(catalog.affecting(new OsvPackageRef("Maven", "org.example:new-lib")))
                .extracting(OsvVulnerability::modified).containsExactly("2026-03-01T00:00:00Z");
    }

    @Test
    void aPartlyCorruptZipImportsTheGoodRecordsAndNamesTheBadOnes() throws IOException {
        Path linter = SharedTestData.require("osv/osv-linter-testdata");
        java.util.LinkedHashMap<String, String> entries = new java.util.LinkedHashMap<>();
        entries.put("GOOD-2026-0001.json", record("GOOD-2026-0001", "2026-01-01T00:00:00Z", "npm", "left-pad", "CVE-2026-90011"));
        entries.put("BROKEN-2026-0002.json", "{\"id\": \"BROKEN-2026-0002\", \"modified\": \"2026-01-01T00:00:00Z\", \"affected\": [");
        entries.put("nointroduced-CVE-2023-41045.json", Files.readString(linter.resolve("nointroduced-CVE-2023-41045.json")));
        entries.put("GOOD-2026-0003.json", record("GOOD-2026-0003", "2026-01-01T00:00:00Z", "PyPI", "Django_Rest", "CVE-2026-90013"));
        entries.put("BADTIME-2026-0004.json", record("BADTIME-2026-0004", "yesterday", "npm", "x", "CVE-2026-90014"));
        Path zip = zipOfTexts(temp.resolve("partly-corrupt.zip"), entries);

        ImportRun run = importPaths(FeedSource.OSV, zip);
        assertThat(run.state()).isEqualTo(ImportRun.State.DONE);
        assertThat(run.added()).isEqualTo(2);
        assertThat(run.failed()).isEqualTo(3);
        List<ImportRuns.Problem> problems = runs.problems(run.id(), 0, 10);
        assertThat(problems).extracting(ImportRuns.Problem::ref)
                .containsExactly("BROKEN-2026-0002", "CVE-2023-41045", "BADTIME-2026-0004");
        assertThat(problems).allSatisfy(p -> assertThat(p.message()).isNotBlank());
        // PyPI names compare as PEP 503 says
        assertThat(catalog.affecting(new OsvPackageRef("PyPI", "django-rest"))).extracting(OsvVulnerability::id)
                .containsExactly("GOOD-2026-0003");
    }

    @Test
    void anInterruptedRunContinuesFromItsLastBatch() throws IOException {
        Path go = SharedTestData.require("osv/Go");
        long files;
        try (Stream<Path> s = Files.list(go)) {
            files = s.filter(p -> p.toString().endsWith(".json")).count();
        }
        ImportRun queued = importer.queuePaths(FeedSource.OSV, List.of(go), null, "tester");
        ImportRun stopped = importer.run(queued, n -> { }, 2).orElseThrow();
        assertThat(stopped.state()).isEqualTo(ImportRun.State.RUNNING);
        assertThat(stopped.cursor()).isEqualTo(1000);
        assertThat(stopped.added()).isEqualTo(1000);

        // the node "died": its heartbeat is old, so another (this one) takes the run over
        jdbc.sql("UPDATE vulndb_import_run SET heartbeat_at = ? WHERE id = ?")
                .param(Instant.now().minusSeconds(600).atOffset(java.time.ZoneOffset.UTC)).param(queued.id()).update();
        List<ImportRun> resumed = worker.resumeAbandoned();
        ImportRun done = resumed.stream().filter(r -> r.id() == queued.id()).findFirst().orElseThrow();
        assertThat(done.state()).isEqualTo(ImportRun.State.DONE);
        assertThat(done.cursor()).isEqualTo(files);
        assertThat(done.read()).isEqualTo(files);
        // nothing was read twice: every record was added exactly once
        assertThat(done.added() + done.unchanged()).isEqualTo(files);
        assertThat(done.added()).isEqualTo(files);
        assertThat(catalog.affecting(new OsvPackageRef("Go", "stdlib"))).isNotEmpty();
    }

    @Test
    void manyPackagesAreAnsweredInFewRoundTrips() throws IOException {
        java.util.LinkedHashMap<String, String> entries = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 1200; i++) {
            String id = "MANY-2026-%04d".formatted(i);
            entries.put(id + ".json", record(id, "2026-01-01T00:00:00Z", "npm", "pkg-" + (i % 600), "CVE-2026-7" + "%04d".formatted(i)));
        }
        importPaths(FeedSource.OSV, zipOfTexts(temp.resolve("many.zip"), entries));
        List<OsvPackageRef> asked = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            asked.add(new OsvPackageRef("npm", "pkg-" + i));
        }
        Map<OsvPackageRef, List<OsvVulnerability>> found = catalog.affecting(asked);
        assertThat(found).hasSize(3000);
        assertThat(found.get(new OsvPackageRef("npm", "pkg-7"))).extracting(OsvVulnerability::id)
                .containsExactlyInAnyOrder("MANY-2026-0007", "MANY-2026-0607");
        assertThat(found.get(new OsvPackageRef("npm", "pkg-2999"))).isEmpty();
        assertThat(catalog.size()).isGreaterThanOrEqualTo(1200);
    }

    @Test
    void nvdCvesAreStoredWithTheirCpeConfigurations() throws IOException {
        Path file = temp.resolve("nvdcve-2.0-sample.json");
        try (var in = VulnDbScenarios.class.getResourceAsStream("nvd-cve-api-2.0-sample.json")) {
            Files.copy(in, file);
        }
        ImportRun run = importPaths(FeedSource.NVD, file);
        assertThat(run.state()).isEqualTo(ImportRun.State.DONE);
        assertThat(run.added()).isEqualTo(3);
        assertThat(run.failed()).isEqualTo(1);
        assertThat(runs.problems(run.id(), 0, 10)).extracting(ImportRuns.Problem::ref)
                .containsExactly(file + " vulnerabilities[2]");
        assertThat(catalog.affecting(new OsvPackageRef("CPE", "example:logger"))).extracting(OsvVulnerability::id)
                .containsExactly("CVE-2026-10001");
        assertThat(catalog.find("CVE-2026-10002")).as("rejected CVEs are withdrawn").isEmpty();
        assertThat(jdbc.sql("SELECT severity FROM vulndb_record WHERE id = 'CVE-2026-10001'").query(String.class).single())
                .isEqualTo("CRITICAL");
        assertThat(importPaths(FeedSource.NVD, file).unchanged()).isEqualTo(3);
    }

    @Test
    void suppliersCsafAdvisoriesAreStoredUnderPurlAndCpePackages() {
        Path redHat = SharedTestData.require("csaf/real-redhat-via-osv-schema");
        Path bsi = SharedTestData.require("csaf/csaf_2.0/examples/csaf/bsi-2022-0001.json");
        ImportRun run = importPaths(FeedSource.CSAF, redHat, bsi);
        assertThat(run.state()).isEqualTo(ImportRun.State.DONE);
        assertThat(run.failed()).isZero();
        assertThat(run.added()).isGreaterThanOrEqualTo(6);
        assertThat(catalog.find("RHSA-2024:4546")).isPresent();
        assertThat(catalog.affecting(new OsvPackageRef("rpm", "redhat/git-lfs"))).extracting(OsvVulnerability::id)
                .contains("RHSA-2024:4546");
        assertThat(catalog.find("CVE-2022-27193")).map(OsvVulnerability::id).contains("BSI-2022-0001");
        assertThat(catalog.affecting(new OsvPackageRef("CPE", "csaf-tools:cvrf-csaf-converter"))).hasSize(1);
    }

    @Test
    void securityStaffUploadAFeedOverTheApiAndFollowItsProgress() throws Exception {
        java.util.LinkedHashMap<String, String> entries = new java.util.LinkedHashMap<>();
        entries.put("API-2026-0001.json", record("API-2026-0001", "2026-01-01T00:00:00Z", "Maven", "org.example:api-lib", "CVE-2026-90021"));
        entries.put("API-2026-0002.json", "not json at all");
        byte[] zip = Files.readAllBytes(zipOfTexts(temp.resolve("api.zip"), entries));
        String security = token(eu.vigil.identity.Role.SECURITY);
        String auditor = token(eu.vigil.identity.Role.AUDITOR);
        var file = new org.springframework.mock.web.MockMultipartFile("file", "api.zip", "application/zip", zip);

        mvc.perform(multipart("/api/v1/vulndb/imports").file(file).param("source", "osv")
                        .header("Authorization", "Bearer " + auditor))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/api/v1/vulndb/imports").file(file).param("source", "spdx")
                        .header("Authorization", "Bearer " + security))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.field").value("source"));
        mvc.perform(multipart("/api/v1/vulndb/imports").file(
                        new org.springframework.mock.web.MockMultipartFile("file", "notes.txt", "text/plain", zip))
                        .param("source", "osv").header("Authorization", "Bearer " + security))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("file"));

        String location = mvc.perform(multipart("/api/v1/vulndb/imports").file(file).param("source", "osv")
                        .header("Authorization", "Bearer " + security))
                .andExpect(status().isAccepted()).andReturn().getResponse().getHeader("Location");
        String state = "";
        for (int i = 0; i < 200 && !state.equals("DONE"); i++) {
            Thread.sleep(100);
            state = com.jayway.jsonpath.JsonPath.read(mvc.perform(get(location).header("Authorization", "Bearer " + auditor))
                    .andReturn().getResponse().getContentAsString(), "$.state");
        }
        assertThat(state).isEqualTo("DONE");
        mvc.perform(get(location).header("Authorization", "Bearer " + auditor))
                .andExpect(jsonPath("$.added").value(1))
                .andExpect(jsonPath("$.failed").value(1))
                .andExpect(jsonPath("$.badRecords[0].ref").value(org.hamcrest.Matchers.endsWith("api.zip!API-2026-0002.json")));

        mvc.perform(get("/api/v1/vulnerabilities/CVE-2026-90021").header("Authorization", "Bearer " + auditor))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value("API-2026-0001"))
                .andExpect(jsonPath("$.severity").value("CRITICAL"))
                .andExpect(jsonPath("$.osv.affected[0].package.name").value("org.example:api-lib"));
        mvc.perform(get("/api/v1/vulnerabilities/CVE-2026-00000").header("Authorization", "Bearer " + auditor))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/vulnerabilities").param("q", "api-lib").header("Authorization", "Bearer " + auditor))
                .andExpect(jsonPath("$.items[0].id").value("API-2026-0001"));

        // the pages: the record with its "What it hits" link, the search, the run with its bad record
        mvc.perform(get("/vulnerabilities/CVE-2026-90021").with(signedIn(eu.vigil.identity.Role.MANAGEMENT)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/sbom/impact?q=API-2026-0001")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("org.example:api-lib")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("&lt; 2.0.0")));
        mvc.perform(get("/vulnerabilities").param("q", "API-2026").with(signedIn(eu.vigil.identity.Role.AUDITOR)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("API-2026-0001")));
        String runPath = location.replace("/api/v1", "");
        mvc.perform(get(runPath).with(signedIn(eu.vigil.identity.Role.AUDITOR)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("API-2026-0002.json")));
        mvc.perform(get("/vulndb").with(signedIn(eu.vigil.identity.Role.AUDITOR)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Import a feed file"))));
        mvc.perform(get("/vulndb").with(signedIn(eu.vigil.identity.Role.SECURITY)))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Import a feed file")));
    }

    @Test
    void theMirrorDownloadFetchesEachEcosystemOverHttpAndImportsIt() throws Exception {
        java.util.LinkedHashMap<String, String> entries = new java.util.LinkedHashMap<>();
        entries.put("MIRROR-2026-0001.json", record("MIRROR-2026-0001", "2026-02-01T00:00:00Z", "npm", "mirrored", "CVE-2026-90031"));
        byte[] zip = Files.readAllBytes(zipOfTexts(temp.resolve("mirror.zip"), entries));
        List<String> ifModifiedSince = new java.util.concurrent.CopyOnWriteArrayList<>();
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/osv/", exchange -> {
            String since = exchange.getRequestHeaders().getFirst("If-Modified-Since");
            if (exchange.getRequestURI().getPath().equals("/osv/npm/all.zip")) {
                ifModifiedSince.add(since == null ? "" : since);
                if (since != null) {
                    exchange.sendResponseHeaders(304, -1);
                } else {
                    exchange.sendResponseHeaders(200, zip.length);
                    exchange.getResponseBody().write(zip);
                }
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
            exchange.close();
        });
        server.start();
        try {
            String mirror = "http://127.0.0.1:" + server.getAddress().getPort() + "/osv/";
            eu.vigil.vulndb.internal.OsvMirror.Settings settings = new eu.vigil.vulndb.internal.OsvMirror.Settings(
                    mirror, List.of("npm", "PyPI"), true, 10_000_000, temp.resolve("downloads"));
            var osvMirror = new eu.vigil.vulndb.internal.OsvMirror(importer, runs, dataSource, settings, true);

            var first = osvMirror.downloadNow();
            assertThat(first).extracting(eu.vigil.vulndb.internal.OsvMirror.Outcome::result)
                    .containsExactly("done", "the mirror answered HTTP 404");
            assertThat(first.getFirst().run().added()).isEqualTo(1);
            assertThat(first.getFirst().run().startedBy()).isEqualTo("vulndb-mirror");
            assertThat(catalog.find("CVE-2026-90031")).isPresent();
            assertThat(temp.resolve("downloads/npm-all.zip")).doesNotExist();

            // the next run asks for changes since the last download only
            var second = osvMirror.downloadNow();
            assertThat(second.getFirst().result()).isEqualTo("not modified since the last download");
            assertThat(ifModifiedSince).hasSize(2);
            assertThat(ifModifiedSince.get(1)).endsWith("GMT");

            // plain http is refused unless allowed
            var strict = new eu.vigil.vulndb.internal.OsvMirror(importer, runs, dataSource,
                    new eu.vigil.vulndb.internal.OsvMirror.Settings(mirror, List.of("npm"), false, 10_000_000,
                            temp.resolve("downloads")), true);
            assertThat(strict.downloadNow()).singleElement()
                    .satisfies(o -> assertThat(o.result()).startsWith("refused: the mirror must be an https:// URL"));
            assertThat(ifModifiedSince).hasSize(2);
        } finally {
            server.stop(0);
        }
    }
}
