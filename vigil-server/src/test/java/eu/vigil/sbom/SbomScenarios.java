package eu.vigil.sbom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import eu.vigil.identity.CurrentUser;
import eu.vigil.identity.Role;
import eu.vigil.identity.internal.ApiTokens;
import eu.vigil.identity.internal.UserAccounts;
import eu.vigil.keys.BlobStore;
import eu.vigil.notifications.Notice;
import eu.vigil.vulndb.internal.FeedImporter;
import eu.vigil.vulndb.internal.FeedSource;
import eu.vigil.vulndb.internal.ImportRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SBOM repository end to end on a real database, with the real knowledge base (records
 * imported through the vulndb importer): products and releases, upload with shared components and
 * paths, bad SBOMs refused with nothing stored, findings and notices, triage carried forward,
 * re-matching on a changed record, impact queries, VEX out and in, licences, access and pages.
 * Run on H2 and on PostgreSQL by the subclasses.
 */
@SpringBootTest(properties = {"vigil.sbom.max-sbom-size=200KB", "vigil.vulndb.resume-interval=PT1H"})
@AutoConfigureMockMvc
@RecordApplicationEvents
abstract class SbomScenarios {

    @Autowired MockMvc mvc;
    @Autowired UserAccounts users;
    @Autowired ApiTokens tokens;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;
    @Autowired FeedImporter importer;
    @Autowired BlobStore blobs;
    @Autowired Portfolio portfolio;
    @Autowired ApplicationEvents events;
    @Autowired eu.vigil.audit.AuditIntegrity auditIntegrity;

    @TempDir Path temp;

    String security;
    String auditor;
    CurrentUser securityUser;

    @BeforeEach
    void setUp() throws IOException {
        String name = "sec-" + System.nanoTime();
        long id = users.insert(name, "Sam Security", null, "{noop}unused", EnumSet.of(Role.SECURITY), null, false, null, Instant.now());
        securityUser = new CurrentUser(id, name, "Sam Security", EnumSet.of(Role.SECURITY), null);
        security = tokens.create(id, "ci", EnumSet.of(Role.SECURITY), Instant.now().plus(Duration.ofHours(1)));
        String auditorName = "aud-" + System.nanoTime();
        long auditorId = users.insert(auditorName, "Ada Auditor", null, "{noop}unused", EnumSet.of(Role.AUDITOR), null, false, null, Instant.now());
        auditor = tokens.create(auditorId, "read", EnumSet.of(Role.AUDITOR), Instant.now().plus(Duration.ofHours(1)));
        importOsv("VIGIL-TEST-0001", SbomFixtures.osv("VIGIL-TEST-0001", "CVE-2099-0001", "2026-01-01T00:00:00Z", "npm",
                "left-pad", "1.3.0", SbomFixtures.CRITICAL));
        importOsv("GHSA-aaaa-bbbb-cccc", SbomFixtures.osv("GHSA-aaaa-bbbb-cccc", "CVE-2099-0002", "2026-01-01T00:00:00Z",
                "Maven", "org.example:parser", "2.5.1", SbomFixtures.MODERATE));
    }

    ImportRun importOsv(String id, String record) throws IOException {
        Path file = Files.writeString(temp.resolve(id + "-" + System.nanoTime() + ".json"), record);
        ImportRun queued = importer.queuePaths(FeedSource.OSV, List.of(file), null, "tester");
        return importer.run(queued, n -> { }).orElseThrow();
    }

    <B extends org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder<B>> B api(B request, String token) {
        return request.header("Authorization", "Bearer " + token).accept(MediaType.APPLICATION_JSON);
    }

    MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String token, String body) {
        return api(request, token).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    RequestPostProcessor signedIn() {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(securityUser, null,
                List.of(new SimpleGrantedAuthority(Role.SECURITY.authority()))));
    }

    JsonNode read(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString());
    }

    long product(String key) throws Exception {
        return read(mvc.perform(json(post("/api/v1/products"), security, """
                {"key": "%s", "name": "Camera %s", "vendor": "ACME", "owner": "Jo Owner", "purl": "pkg:generic/acme/%s",
                 "craCategory": "important-class-1", "supportEnds": "2031-12-31"}""".formatted(key, key, key)))
                .andExpect(status().isCreated()).andReturn()).get("id").asLong();
    }

    long release(long product, String version, String status) throws Exception {
        return read(mvc.perform(json(post("/api/v1/products/" + product + "/releases"), security, """
                {"version": "%s", "releasedOn": "2026-06-01", "status": "%s"}""".formatted(version, status)))
                .andExpect(status().isCreated()).andReturn()).get("id").asLong();
    }

    JsonNode upload(long release, String sbom) throws Exception {
        return read(mvc.perform(api(multipart("/api/v1/releases/" + release + "/sboms")
                        .file(new MockMultipartFile("file", "bom.cdx.json", "application/json", sbom.getBytes(StandardCharsets.UTF_8))), security))
                .andExpect(status().isCreated()).andReturn());
    }

    JsonNode findings(String query) throws Exception {
        return read(mvc.perform(api(get("/api/v1/findings?" + query), security)).andExpect(status().isOk()).andReturn());
    }

    @Test
    void anUploadedSbomIsStoredSharedMatchedAndExplained() throws Exception {
        long product = product("cam-a");
        long release = release(product, "1.0", "supported");
        long componentsBefore = jdbc.sql("SELECT COUNT(*) FROM sbom_component").query(Long.class).single();
        JsonNode result = upload(release, SbomFixtures.cycloneDx("cam-a", "1.0", "1.2.0"));
        assertThat(result.get("format").asString()).isEqualTo("CYCLONEDX_JSON");
        assertThat(result.get("components").asInt()).isEqualTo(5);
        assertThat(result.get("newFindings").asInt()).isEqualTo(2);

        JsonNode page = findings("releaseId=" + release);
        assertThat(page.get("total").asLong()).isEqualTo(2);
        JsonNode critical = page.get("items").get(0);
        assertThat(critical.get("vulnId").asString()).isEqualTo("CVE-2099-0001");
        assertThat(critical.get("severity").asString()).isEqualTo("CRITICAL");
        assertThat(critical.get("cvssScore").asDouble()).isEqualTo(9.8);
        assertThat(critical.get("fixedVersions").get(0).asString()).isEqualTo("1.3.0");
        assertThat(critical.get("state").asString()).isEqualTo("IN_TRIAGE");
        assertThat(critical.get("path").asString()).isEqualTo("cam-a@1.0 > app@1.0.0 > left-pad@1.2.0");
        assertThat(page.get("items").get(1).get("severity").asString()).isEqualTo("MEDIUM");
        assertThat(findings("releaseId=" + release + "&severity=high").get("total").asLong()).isEqualTo(1);
        assertThat(findings("releaseId=" + release + "&q=parser").get("total").asLong()).isEqualTo(1);

        // components tree: direct vs transitive
        JsonNode components = read(mvc.perform(api(get("/api/v1/releases/" + release + "/components?q=left-pad"), auditor))
                .andExpect(status().isOk()).andReturn());
        assertThat(components.get("items").get(0).get("depth").asInt()).isEqualTo(2);

        // the SBOM itself is kept encrypted and comes back as uploaded
        JsonNode documents = read(mvc.perform(api(get("/api/v1/releases/" + release + "/sboms"), security)).andReturn());
        String blobId = documents.get(0).get("blobId").asString();
        try (var in = blobs.open(blobId)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("left-pad");
        }
        mvc.perform(api(get("/api/v1/releases/" + release + "/sboms/" + documents.get(0).get("id").asLong()), security))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("\"bomFormat\"")));

        // a second release with the same components shares them; its findings are its own
        long release2 = release(product, "1.1", "supported");
        long componentsBetween = jdbc.sql("SELECT COUNT(*) FROM sbom_component").query(Long.class).single();
        assertThat(componentsBetween).isGreaterThan(componentsBefore);
        upload(release2, SbomFixtures.cycloneDx("cam-a", "1.1", "1.2.0"));
        long componentsAfter = jdbc.sql("SELECT COUNT(*) FROM sbom_component").query(Long.class).single();
        assertThat(componentsAfter - componentsBetween).isEqualTo(1); // only the root is new: cam-a 1.1
        assertThat(findings("releaseId=" + release2).get("total").asLong()).isEqualTo(2);

        // critical findings on a supported release are announced
        assertThat(events.stream(Notice.class).filter(n -> n.tags().get("product").equals("cam-a")))
                .isNotEmpty().allSatisfy(n -> {
                    assertThat(n.topic()).isEqualTo("sbom.finding");
                    assertThat(n.urgency()).isEqualTo(Notice.Urgency.CRITICAL);
                    assertThat(n.audience()).containsExactly(Role.SECURITY);
                    assertThat(n.body()).contains("CVE-2099-0001");
                });

        // the Portfolio contract for the other modules
        assertThat(portfolio.product(product)).hasValueSatisfying(p -> assertThat(p.key()).isEqualTo("cam-a"));
        assertThat(portfolio.releases(product)).extracting(Portfolio.Release::version).containsExactlyInAnyOrder("1.0", "1.1");
        assertThat(portfolio.finding(critical.get("id").asLong())).hasValueSatisfying(f -> {
            assertThat(f.componentPurl()).isEqualTo("pkg:npm/left-pad@1.2.0");
            assertThat(f.fixedVersions()).containsExactly("1.3.0");
            assertThat(f.aliases()).contains("VIGIL-TEST-0001");
        });

        auditIntegrity.chainPending();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'sbom.upload' AND object_id = ?")
                .param(String.valueOf(release)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void badSbomsAreRefusedAndNothingIsStored() throws Exception {
        long release = release(product("cam-b"), "1.0", "development");
        long documents = jdbc.sql("SELECT COUNT(*) FROM sbom_document").query(Long.class).single();
        long components = jdbc.sql("SELECT COUNT(*) FROM sbom_component").query(Long.class).single();
        record Bad(String content, String message) {
        }
        List<Bad> bad = List.of(
                new Bad("{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.5\", \"components\": [", "The SBOM was refused"),
                new Bad("{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.1\", \"components\": []}", "1.1"),
                new Bad("{\"spdxVersion\": \"SPDX-2.1\", \"SPDXID\": \"SPDXRef-DOCUMENT\"}", "SPDX-2.1"),
                new Bad("hello", "not a recognised SBOM"),
                new Bad("{\"x\": \"" + "a".repeat(210 * 1024) + "\"}", "larger than the limit of 204800 bytes"));
        for (Bad b : bad) {
            mvc.perform(api(multipart("/api/v1/releases/" + release + "/sboms")
                            .file(new MockMultipartFile("file", "bad.json", "application/json", b.content().getBytes(StandardCharsets.UTF_8))), security))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.field").value("file"))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(b.message())));
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sbom_document").query(Long.class).single()).isEqualTo(documents);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sbom_component").query(Long.class).single()).isEqualTo(components);

        // other bad input names the field
        mvc.perform(json(post("/api/v1/products"), security, "{\"key\": \"Bad Key\", \"name\": \"x\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("key"));
        mvc.perform(json(post("/api/v1/products"), security, "{\"key\": \"cam-b\", \"name\": \"again\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("exists already")));
        mvc.perform(json(post("/api/v1/products/" + 999999 + "/releases"), security, "{\"version\": \"1\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(api(get("/api/v1/impact?q=pkg:"), security)).andExpect(status().isBadRequest());
        mvc.perform(api(get("/api/v1/findings?severity=extreme"), security)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("severity"));
        // the auditor reads but does not write
        mvc.perform(api(get("/api/v1/releases/" + release), auditor)).andExpect(status().isOk());
        mvc.perform(api(multipart("/api/v1/releases/" + release + "/sboms")
                .file(new MockMultipartFile("file", "b.json", "application/json", "{}".getBytes())), auditor))
                .andExpect(status().isForbidden());
    }

    @Test
    void triageCarriesForwardAndIsRevisitedWhenTheVersionChanges() throws Exception {
        long product = product("cam-c");
        long r1 = release(product, "1.0", "supported");
        long r2 = release(product, "1.1", "supported");
        upload(r1, SbomFixtures.cycloneDx("cam-c", "1.0", "1.2.0"));
        upload(r2, SbomFixtures.cycloneDx("cam-c", "1.1", "1.2.0"));
        long f1 = findings("releaseId=" + r1 + "&vulnerability=CVE-2099-0001").get("items").get(0).get("id").asLong();

        mvc.perform(json(put("/api/v1/findings/" + f1 + "/analysis"), security, "{\"state\": \"not_affected\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("justification"));
        JsonNode decided = read(mvc.perform(json(put("/api/v1/findings/" + f1 + "/analysis"), security, """
                {"state": "false_positive", "detail": "left-pad is only used by the build"}"""))
                .andExpect(status().isOk()).andReturn());
        assertThat(decided.get("finding").get("state").asString()).isEqualTo("FALSE_POSITIVE");
        assertThat(decided.get("carriedTo").asInt()).isEqualTo(1); // to 1.1, uploaded before the decision

        JsonNode in11 = findings("releaseId=" + r2 + "&vulnerability=CVE-2099-0001").get("items").get(0);
        assertThat(in11.get("state").asString()).isEqualTo("FALSE_POSITIVE");
        assertThat(in11.get("note").asString()).contains("Carried forward from release 1.0");

        // a later release with the same component gets the decision when it is matched
        long r3 = release(product, "1.2", "supported");
        upload(r3, SbomFixtures.cycloneDx("cam-c", "1.2", "1.2.0"));
        assertThat(findings("releaseId=" + r3 + "&vulnerability=CVE-2099-0001").get("items").get(0).get("state").asString())
                .isEqualTo("FALSE_POSITIVE");
        // ... but where the component's version changed, it is to be revisited
        long r4 = release(product, "2.0", "supported");
        upload(r4, SbomFixtures.cycloneDx("cam-c", "2.0", "1.2.1"));
        JsonNode revisit = findings("releaseId=" + r4 + "&vulnerability=CVE-2099-0001").get("items").get(0);
        assertThat(revisit.get("state").asString()).isEqualTo("IN_TRIAGE");
        assertThat(revisit.get("note").asString()).contains("version 1.2.0", "version 1.2.1", "second look");

        // history with the source of each decision
        JsonNode history = read(mvc.perform(api(get("/api/v1/findings/" + in11.get("id").asLong()), auditor)).andReturn())
                .get("history");
        assertThat(history.get(0).get("source").asString()).contains("Carried forward from release 1.0");
        auditIntegrity.chainPending();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'sbom.finding.analyse' AND object_id = ?")
                .param(String.valueOf(f1)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void impactAnswersByVulnerabilityAndByPackageRange() throws Exception {
        long product = product("cam-d");
        long r1 = release(product, "1.0", "supported");
        long r2 = release(product, "2.0", "development");
        upload(r1, SbomFixtures.cycloneDx("cam-d", "1.0", "1.2.0"));
        upload(r2, SbomFixtures.cycloneDx("cam-d", "2.0", "1.3.0")); // fixed version: no finding

        JsonNode byCve = read(mvc.perform(api(get("/api/v1/impact?q=CVE-2099-0001"), auditor)).andExpect(status().isOk()).andReturn());
        JsonNode hit = null;
        for (JsonNode h : byCve.get("hits")) {
            if (h.get("productKey").asString().equals("cam-d")) {
                hit = h;
                assertThat(h.get("releaseVersion").asString()).isEqualTo("1.0");
            }
        }
        assertThat(hit).isNotNull();
        assertThat(hit.get("path").asString()).isEqualTo("cam-d@1.0 > app@1.0.0 > left-pad@1.2.0");
        assertThat(hit.get("fixAvailable").asBoolean()).isTrue();
        assertThat(hit.get("fixedVersions").get(0).asString()).isEqualTo("1.3.0");
        // the OSV id and the alias name the same vulnerability
        assertThat(read(mvc.perform(api(get("/api/v1/impact?q=vigil-test-0001"), auditor)).andReturn()).get("total").asLong())
                .isEqualTo(byCve.get("total").asLong());

        JsonNode byRange = read(mvc.perform(api(get("/api/v1/impact").param("q", "pkg:npm/left-pad@<1.2.1"), auditor))
                .andExpect(status().isOk()).andReturn());
        assertThat(byRange.get("hits")).allSatisfy(h -> assertThat(h.get("componentVersion").asString()).isEqualTo("1.2.0"));
        JsonNode anyVersion = read(mvc.perform(api(get("/api/v1/impact").param("q", "pkg:npm/left-pad")
                .param("size", "200"), auditor)).andReturn());
        assertThat(anyVersion.get("hits")).anySatisfy(h -> assertThat(h.get("componentVersion").asString()).isEqualTo("1.3.0"));
        assertThat(anyVersion.get("total").asLong()).isGreaterThan(byRange.get("total").asLong());
        // the counts agree with the hits they count
        for (String q : List.of("CVE-2099-0001", "pkg:npm/left-pad")) {
            JsonNode all = read(mvc.perform(api(get("/api/v1/impact").param("q", q).param("size", "200"), auditor))
                    .andExpect(status().isOk()).andReturn());
            Set<String> products = new HashSet<>();
            Set<String> releases = new HashSet<>();
            all.get("hits").forEach(h -> {
                products.add(h.get("productKey").asString());
                releases.add(h.get("releaseId").asString());
            });
            assertThat(all.get("total").asLong()).as(q).isEqualTo(all.get("hits").size());
            assertThat(all.get("products").asLong()).as(q).isEqualTo(products.size());
            assertThat(all.get("releases").asLong()).as(q).isEqualTo(releases.size());
        }
        JsonNode none = read(mvc.perform(api(get("/api/v1/impact?q=CVE-1999-0000"), auditor)).andReturn());
        assertThat(none.get("total").asLong()).isZero();
    }

    @Test
    void aChangedRecordRematchesItsPackagesOnly() throws Exception {
        long product = product("cam-e");
        long r1 = release(product, "1.0", "supported");
        upload(r1, SbomFixtures.cycloneDx("cam-e", "1.0", "1.2.0"));
        long parserMatchesBefore = jdbc.sql("SELECT COUNT(*) FROM sbom_match WHERE vuln_id = 'CVE-2099-0002'").query(Long.class).single();
        // the record now says 1.2.0 is the fix: left-pad 1.2.0 is no longer affected
        importOsv("VIGIL-TEST-0001", SbomFixtures.osv("VIGIL-TEST-0001", "CVE-2099-0001", "2026-02-01T00:00:00Z", "npm",
                "left-pad", "1.2.0", SbomFixtures.CRITICAL));
        long deadline = System.currentTimeMillis() + 20_000;
        long open;
        do {
            Thread.sleep(100);
            open = findings("releaseId=" + r1 + "&vulnerability=CVE-2099-0001").get("total").asLong();
        } while (open > 0 && System.currentTimeMillis() < deadline);
        assertThat(open).isZero();
        assertThat(jdbc.sql("SELECT active FROM sbom_finding f JOIN sbom_release r ON r.id = f.release_id WHERE r.id = ? AND f.vuln_id = 'CVE-2099-0001'")
                .param(r1).query(Boolean.class).single()).isFalse();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sbom_match WHERE vuln_id = 'CVE-2099-0002'").query(Long.class).single())
                .isEqualTo(parserMatchesBefore);
        // and back again
        importOsv("VIGIL-TEST-0001", SbomFixtures.osv("VIGIL-TEST-0001", "CVE-2099-0001", "2026-03-01T00:00:00Z", "npm",
                "left-pad", "1.3.0", SbomFixtures.CRITICAL));
        deadline = System.currentTimeMillis() + 20_000;
        do {
            Thread.sleep(100);
            open = findings("releaseId=" + r1 + "&vulnerability=CVE-2099-0001").get("total").asLong();
        } while (open == 0 && System.currentTimeMillis() < deadline);
        assertThat(open).isEqualTo(1);
    }

    @Test
    void vexGoesOutAndComesBackIn() throws Exception {
        long product = product("cam-f");
        long r1 = release(product, "1.0", "supported");
        upload(r1, SbomFixtures.cycloneDx("cam-f", "1.0", "1.2.0"));
        long leftPad = findings("releaseId=" + r1 + "&vulnerability=CVE-2099-0001").get("items").get(0).get("id").asLong();
        mvc.perform(json(put("/api/v1/findings/" + leftPad + "/analysis"), security, """
                {"state": "not_affected", "justification": "code_not_reachable", "detail": "padding is never called"}"""))
                .andExpect(status().isOk());

        String cdx = mvc.perform(api(get("/api/v1/releases/" + r1 + "/vex?format=cyclonedx"), auditor))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(cdx).contains("\"state\" : \"not_affected\"", "\"justification\" : \"code_not_reachable\"",
                "pkg:npm/left-pad@1.2.0", "\"state\" : \"in_triage\"");
        String openVex = mvc.perform(api(get("/api/v1/releases/" + r1 + "/vex?format=openvex"), auditor))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(openVex).contains("\"justification\" : \"vulnerable_code_not_in_execute_path\"",
                "\"@id\" : \"pkg:generic/acme/cam-f@1.0\"", "\"status\" : \"under_investigation\"");

        String csaf = mvc.perform(api(get("/api/v1/releases/" + r1 + "/vex?format=csaf"), auditor))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(csaf).contains("\"category\" : \"csaf_vex\"", "\"known_not_affected\"", "\"under_investigation\"",
                "\"label\" : \"vulnerable_code_not_in_execute_path\"", "Camera cam-f 1.0");

        // a supplier's OpenVEX says the parser is not affected
        String statement = """
                {"@context": "https://openvex.dev/ns/v0.2.0", "@id": "https://example.org/vex/1", "author": "Parser Inc",
                 "timestamp": "2026-11-01T00:00:00Z",
                 "statements": [
                   {"vulnerability": {"name": "CVE-2099-0002"}, "products": [{"@id": "pkg:generic/acme/cam-f@1.0",
                     "subcomponents": [{"@id": "pkg:maven/org.example/parser@2.1.0"}]}],
                    "status": "not_affected", "justification": "vulnerable_code_not_present"},
                   {"vulnerability": {"name": "CVE-2000-0001"}, "products": [{"@id": "pkg:npm/nothing@1"}], "status": "fixed"}]}""";
        JsonNode imported = read(mvc.perform(api(multipart("/api/v1/releases/" + r1 + "/vex?format=openvex")
                        .file(new MockMultipartFile("file", "vex.json", "application/json", statement.getBytes(StandardCharsets.UTF_8))), security))
                .andExpect(status().isOk()).andReturn());
        assertThat(imported.get("applied").asInt()).isEqualTo(1);
        assertThat(imported.get("notFound").get(0).asString()).contains("CVE-2000-0001");
        JsonNode parser = findings("releaseId=" + r1 + "&vulnerability=GHSA-aaaa-bbbb-cccc").get("items").get(0);
        assertThat(parser.get("state").asString()).isEqualTo("NOT_AFFECTED");
        assertThat(parser.get("justification").asString()).isEqualTo("code_not_present");
        JsonNode history = read(mvc.perform(api(get("/api/v1/findings/" + parser.get("id").asLong()), auditor)).andReturn()).get("history");
        assertThat(history.get(0).get("source").asString()).isEqualTo("OpenVEX import https://example.org/vex/1");
        // and the CycloneDX export reads back in
        JsonNode roundTrip = read(mvc.perform(api(multipart("/api/v1/releases/" + r1 + "/vex?format=cyclonedx")
                        .file(new MockMultipartFile("file", "vex.json", "application/json", cdx.getBytes(StandardCharsets.UTF_8))), security))
                .andExpect(status().isOk()).andReturn());
        assertThat(roundTrip.get("notFound")).isEmpty();
        mvc.perform(api(multipart("/api/v1/releases/" + r1 + "/vex?format=openvex")
                        .file(new MockMultipartFile("file", "vex.json", "application/json", "{\"a\":1}".getBytes())), security))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("@context")));
    }

    @Test
    void licencesAreJudgedByThePolicy() throws Exception {
        long r1 = release(product("cam-g"), "1.0", "development");
        upload(r1, SbomFixtures.cycloneDx("cam-g", "1.0", "1.2.0"));
        mvc.perform(json(put("/api/v1/licence-policy/GPL-3.0-only"), security, "{\"decision\": \"forbidden\"}")).andExpect(status().isOk());
        mvc.perform(json(put("/api/v1/licence-policy/MIT"), security, "{\"decision\": \"allowed\"}")).andExpect(status().isOk());
        mvc.perform(json(put("/api/v1/licence-policy/MIT"), security, "{\"decision\": \"maybe\"}")).andExpect(status().isBadRequest());
        JsonNode report = read(mvc.perform(api(get("/api/v1/releases/" + r1 + "/licences"), auditor)).andExpect(status().isOk()).andReturn());
        assertThat(report.get("counts").get("FORBIDDEN").asLong()).isEqualTo(1);
        assertThat(report.get("counts").get("ALLOWED").asLong()).isEqualTo(2); // left-pad MIT; app "MIT OR Apache-2.0"
        JsonNode first = report.get("violations").get(0);
        assertThat(first.get("component").asString()).isEqualTo("parser");
        assertThat(first.get("decision").asString()).isEqualTo("FORBIDDEN");
        assertThat(report.get("violations").get(1).get("reason").asString()).contains("not an SPDX expression");
    }

    @Test
    void thePagesShowThePortfolio() throws Exception {
        long product = product("cam-h");
        long r1 = release(product, "1.0", "supported");
        upload(r1, SbomFixtures.cycloneDx("cam-h", "1.0", "1.2.0"));
        long finding = findings("releaseId=" + r1 + "&vulnerability=CVE-2099-0001").get("items").get(0).get("id").asLong();
        long component = findings("releaseId=" + r1 + "&vulnerability=CVE-2099-0001").get("items").get(0).get("componentId").asLong();
        for (String page : List.of("/sbom", "/sbom/products/" + product, "/sbom/releases/" + r1, "/sbom/findings?severity=critical",
                "/sbom/findings/" + finding, "/sbom/impact?q=CVE-2099-0001", "/sbom/components/" + component,
                "/sbom/vulnerabilities/CVE-2099-0001", "/sbom/licences")) {
            String html = mvc.perform(get(page).with(signedIn())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(html).as(page).contains("Vigil");
        }
        String release = mvc.perform(get("/sbom/releases/" + r1).with(signedIn())).andReturn().getResponse().getContentAsString();
        assertThat(release).contains("CVE-2099-0001", "cam-h@1.0 &gt; app@1.0.0 &gt; left-pad@1.2.0", "Upload and match");
        String impact = mvc.perform(get("/sbom/impact?q=CVE-2099-0001").with(signedIn())).andReturn().getResponse().getContentAsString();
        assertThat(impact).contains("Camera cam-h", "fixed in 1.3.0");
    }

    @Test
    void aFindingIsPromotedToAPsirtCaseOnce() throws Exception {
        long product = product("cam-p");
        long r1 = release(product, "1.0", "supported");
        upload(r1, SbomFixtures.cycloneDx("cam-p", "1.0", "1.2.0"));
        long finding = findings("releaseId=" + r1 + "&vulnerability=CVE-2099-0001").get("items").get(0).get("id").asLong();
        String page = mvc.perform(get("/sbom/findings/" + finding).with(signedIn())).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("/psirt/findings/" + finding + "/promote");

        String location = mvc.perform(post("/psirt/findings/" + finding + "/promote").with(signedIn()).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/psirt/cases/");
        long caseId = Long.parseLong(location.substring("/psirt/cases/".length()));
        Map<String, Object> row = jdbc.sql("SELECT product_id, finding_id, cve_id, origin, state FROM psirt_case WHERE id = ?")
                .param(caseId).query().singleRow();
        assertThat(((Number) row.get("product_id")).longValue()).isEqualTo(product);
        assertThat(((Number) row.get("finding_id")).longValue()).isEqualTo(finding);
        assertThat(row.get("cve_id")).isEqualTo("CVE-2099-0001");
        assertThat(row.get("origin")).isEqualTo("FINDING");
        assertThat(row.get("state")).isEqualTo("RECEIVED");

        mvc.perform(post("/psirt/findings/" + finding + "/promote").with(signedIn()).with(csrf()))
                .andExpect(status().is4xxClientError());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM psirt_case WHERE finding_id = ?").param(finding).query(Long.class).single())
                .as("promoted once").isEqualTo(1);
    }
}
