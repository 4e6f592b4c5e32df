package eu.vigil.psirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import eu.vigil.core.csaf.CsafValidator;
import eu.vigil.identity.CurrentUser;
import eu.vigil.identity.Role;
import eu.vigil.identity.internal.ApiTokens;
import eu.vigil.identity.internal.UserAccounts;
import eu.vigil.notifications.Notice;
import eu.vigil.testing.SharedTestData;
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
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The security response centre end to end on a real database: a researcher's report (escaped,
 * encrypted, rate-limited, attachments checked), triage with CVSS, the CRA clock and its reports,
 * an advisory that must pass the CSAF checks before it is published, the trusted-provider files
 * (signature checked with gpg), CVE JSON 5, and the update notice.
 */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
abstract class PsirtScenarios {

    private static final AtomicInteger ADDRESS = new AtomicInteger(10);
    private static final String SCRIPT = "<script>alert('x')</script>";

    @Autowired eu.vigil.audit.AuditIntegrity auditIntegrity;
    @Autowired MockMvc mvc;
    @Autowired UserAccounts users;
    @Autowired ApiTokens tokens;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;
    @Autowired ApplicationEvents events;
    @Autowired eu.vigil.psirt.internal.CraReminders reminders;

    String security;
    CurrentUser securityUser;

    @BeforeEach
    void users() {
        String name = "sec-" + System.nanoTime();
        long id = users.insert(name, "Sam Security", null, "{noop}unused", EnumSet.of(Role.SECURITY), null, false, null,
                Instant.now());
        securityUser = new CurrentUser(id, name, "Sam Security", EnumSet.of(Role.SECURITY), null);
        security = tokens.create(id, "psirt", EnumSet.of(Role.SECURITY), Instant.now().plus(Duration.ofHours(1)));
    }

    private MockHttpServletRequestBuilder api(MockHttpServletRequestBuilder request) {
        return request.header("Authorization", "Bearer " + security).accept(MediaType.APPLICATION_JSON);
    }

    private MockHttpServletRequestBuilder body(MockHttpServletRequestBuilder request, String body) {
        return api(request).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private RequestPostProcessor signedIn() {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(securityUser, null,
                List.of(new SimpleGrantedAuthority(Role.SECURITY.authority()))));
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private static String freshAddress() {
        return "192.0.2." + ADDRESS.incrementAndGet();
    }

    private JsonNode read(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString());
    }

    private MockMultipartHttpServletRequestBuilder report(String product, String version, MockMultipartFile attachment) {
        MockMultipartHttpServletRequestBuilder request = multipart("/api/v1/public/reports");
        if (attachment != null) {
            request.file(attachment);
        }
        request.param("product", product).param("description", SCRIPT + " in the camera name field runs in the browser.")
                .param("contact", SCRIPT + "researcher@example.org");
        if (version != null) {
            request.param("version", version);
        }
        return request;
    }

    @Test
    void aResearchersReportIsStoredEncryptedAndShownEscaped() throws Exception {
        MockMultipartFile poc = new MockMultipartFile("attachment", "poc.txt", "text/plain",
                ("curl -d 'name=" + SCRIPT + "' https://camera/api").getBytes(StandardCharsets.UTF_8));
        JsonNode ack = read(mvc.perform(report(SCRIPT, SCRIPT, poc).with(from(freshAddress())))
                .andExpect(status().isCreated()).andReturn());
        String token = ack.get("trackingToken").asString();
        assertThat(token).hasSizeGreaterThanOrEqualTo(40);
        long caseId = Long.parseLong(ack.get("reference").asString().substring("PSIRT-".length()));

        // stored: the description and contact sealed, the token only as a hash
        String sealed = jdbc.sql("SELECT description_sealed FROM psirt_case WHERE id = ?").param(caseId)
                .query(String.class).single();
        assertThat(sealed).doesNotContain("camera name");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM psirt_report WHERE token_hash = ?").param(token)
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT attachment_blob FROM psirt_report WHERE case_id = ?").param(caseId)
                .query(String.class).single()).isNotBlank();

        // the reporter follows it with the token
        JsonNode status = read(mvc.perform(get("/api/v1/public/reports/status").header("X-Tracking-Token", token))
                .andExpect(status().isOk()).andReturn());
        assertThat(status.get("state").asString()).isEqualTo("RECEIVED");
        mvc.perform(get("/api/v1/public/reports/status").header("X-Tracking-Token", token + "x"))
                .andExpect(status().isNotFound());

        // the team's page shows every field escaped
        String page = mvc.perform(get("/psirt/cases/" + caseId).with(signedIn())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain(SCRIPT).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        assertThat(page).contains("poc.txt");

        // a message to the reporter is shown on the status page
        mvc.perform(post("/psirt/cases/" + caseId + "/messages").with(signedIn()).with(csrf())
                .param("kind", "TO_REPORTER").param("body", "Thanks, we can reproduce it."))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/psirt/cases/" + caseId + "/messages").with(signedIn()).with(csrf())
                .param("kind", "INTERNAL").param("body", "Owner: firmware team"))
                .andExpect(status().is3xxRedirection());
        String reporterPage = mvc.perform(post("/report-vulnerability/status").with(csrf()).param("token", token))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(reporterPage).contains("Thanks, we can reproduce it.").doesNotContain("firmware team");
        auditIntegrity.chainPending();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action LIKE 'psirt.%' AND object_id = ?")
                .param(Long.toString(caseId)).query(Integer.class).single()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void badAttachmentsAndMissingFieldsAreRefusedAndChangeNothing() throws Exception {
        int before = jdbc.sql("SELECT COUNT(*) FROM psirt_case").query(Integer.class).single();
        MockMultipartFile exe = new MockMultipartFile("attachment", "poc.pdf", "application/pdf",
                new byte[] {'M', 'Z', 0, 0});
        JsonNode problem = read(mvc.perform(report("Camera X", "1.0", exe).with(from(freshAddress())))
                .andExpect(status().isBadRequest()).andReturn());
        assertThat(problem.get("detail").asString()).contains("attachment must be one of");
        MockMultipartFile large = new MockMultipartFile("attachment", "poc.txt", "text/plain",
                "a".repeat(6 * 1024 * 1024).getBytes(StandardCharsets.UTF_8));
        problem = read(mvc.perform(report("Camera X", "1.0", large).with(from(freshAddress())))
                .andExpect(status().isBadRequest()).andReturn());
        assertThat(problem.get("detail").asString()).contains("at most 5242880");
        mvc.perform(multipart("/api/v1/public/reports").param("product", "Camera X").with(from(freshAddress())))
                .andExpect(status().isBadRequest());
        // the public form shows the message on the page
        String page = mvc.perform(multipart("/report-vulnerability").file(exe).with(csrf()).with(from(freshAddress()))
                        .param("product", "Camera X").param("description", "d").param("contact", "c"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Your report was not accepted").contains("attachment must be one of");
        // and without the CSRF token the form is refused
        mvc.perform(multipart("/report-vulnerability").param("product", "Camera X").param("description", "d")
                .param("contact", "c")).andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM psirt_case").query(Integer.class).single()).isEqualTo(before);
    }

    @Test
    void reportsAreRateLimitedPerAddress() throws Exception {
        String address = freshAddress();
        for (int i = 0; i < 5; i++) {
            mvc.perform(report("Camera X", "1.0", null).with(from(address))).andExpect(status().isCreated());
        }
        JsonNode problem = read(mvc.perform(report("Camera X", "1.0", null).with(from(address)))
                .andExpect(status().isTooManyRequests()).andReturn());
        assertThat(problem.get("detail").asString()).contains("at most 5 an hour");
        mvc.perform(report("Camera X", "1.0", null).with(from(freshAddress()))).andExpect(status().isCreated());
    }

    @Test
    void anAdvisoryThatFailsTheCsafTestsCannotBePublished() throws Exception {
        JsonNode ack = read(mvc.perform(report("Camera X", "all versions before 2.0", null).with(from(freshAddress())))
                .andExpect(status().isCreated()).andReturn());
        long caseId = Long.parseLong(ack.get("reference").asString().substring("PSIRT-".length()));
        JsonNode validation = read(mvc.perform(body(post("/api/v1/psirt/cases/" + caseId + "/advisory"), "{}"))
                .andExpect(status().isOk()).andReturn());
        assertThat(validation.get("valid").asBoolean()).isFalse();
        JsonNode problem = read(mvc.perform(body(post("/api/v1/psirt/cases/" + caseId + "/advisory/publish"), "{}"))
                .andExpect(status().isUnprocessableContent()).andReturn());
        JsonNode failure = problem.get("failures").get(0);
        assertThat(failure.get("test").asString()).isEqualTo("6.1.31");
        assertThat(failure.get("path").asString()).isEqualTo("/product_tree/branches/0/branches/0/branches/0/name");
        assertThat(jdbc.sql("SELECT status FROM psirt_advisory WHERE case_id = ?").param(caseId).query(String.class)
                .single()).isEqualTo("DRAFT");
        // the page shows each failed test with its path
        String page = mvc.perform(get("/psirt/cases/" + caseId).with(signedIn())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("6.1.31").contains("/product_tree/branches/0/branches/0/branches/0/name");
    }

    @Test
    void triageScorePublishAndServeAsTrustedProvider(@TempDir Path dir) throws Exception {
        String key = "cam-" + System.nanoTime();
        JsonNode product = read(mvc.perform(body(post("/api/v1/products"), """
                {"key": "%s", "name": "Camera X", "vendor": "Example Devices", "purl": "pkg:generic/example/camera-x",
                 "cpe": "cpe:2.3:o:example:camera-x_firmware:*:*:*:*:*:*:*:*", "craCategory": "important-class-1"}"""
                .formatted(key))).andExpect(status().isCreated()).andReturn());
        long productId = product.get("id").asLong();
        long affected = read(mvc.perform(body(post("/api/v1/products/" + productId + "/releases"),
                "{\"version\": \"2.0.0\", \"status\": \"supported\"}")).andExpect(status().isCreated()).andReturn())
                .get("id").asLong();
        long fixed = read(mvc.perform(body(post("/api/v1/products/" + productId + "/releases"),
                "{\"version\": \"2.0.1\", \"status\": \"supported\"}")).andExpect(status().isCreated()).andReturn())
                .get("id").asLong();

        JsonNode ack = read(mvc.perform(report("Camera X", "2.0.0", null).with(from(freshAddress())))
                .andExpect(status().isCreated()).andReturn());
        long caseId = Long.parseLong(ack.get("reference").asString().substring("PSIRT-".length()));
        mvc.perform(body(post("/api/v1/psirt/cases/" + caseId + "/state"), "{\"state\": \"TRIAGED\"}"))
                .andExpect(status().isOk());
        // an impossible move is refused
        mvc.perform(body(post("/api/v1/psirt/cases/" + caseId + "/state"), "{\"state\": \"DISCLOSED\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(body(put("/api/v1/psirt/cases/" + caseId), """
                {"cvss31": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "cweId": "CWE-79"}"""))
                .andExpect(status().isOk());
        JsonNode bad = read(mvc.perform(body(put("/api/v1/psirt/cases/" + caseId),
                "{\"cvss31\": \"CVSS:3.1/AV:X\", \"cweId\": \"CWE-99999\"}")).andExpect(status().isBadRequest()).andReturn());
        assertThat(bad.get("problems")).hasSize(2);
        JsonNode updated = read(mvc.perform(body(put("/api/v1/psirt/cases/" + caseId), """
                {"productId": %d, "affectedReleaseIds": [%d], "fixedReleaseId": %d, "cveId": "CVE-2026-12345",
                 "cvss31": "CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:C/C:L/I:L/A:N",
                 "cvss40": "CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:P/VC:L/VI:L/VA:N/SC:L/SI:L/SA:N"}"""
                .formatted(productId, affected, fixed))).andExpect(status().isOk()).andReturn());
        assertThat(updated.get("psirtCase").get("severity").asString()).isEqualTo("MEDIUM");
        assertThat(updated.get("sla")).hasSize(3);

        // CRA: actively exploited starts the clock, the reports come as JSON and PDF
        JsonNode exploited = read(mvc.perform(body(post("/api/v1/psirt/cases/" + caseId + "/exploited"), "{}"))
                .andExpect(status().isOk()).andReturn());
        assertThat(exploited.get("cra")).hasSize(3);
        assertThat(exploited.get("cra").get(2).get("status").asString()).isEqualTo("PENDING");
        JsonNode early = read(mvc.perform(api(get("/api/v1/psirt/cases/" + caseId + "/cra/EARLY_WARNING")))
                .andExpect(status().isOk()).andReturn());
        assertThat(early.get("legalBasis").asString()).contains("Art. 14(2)(a)");
        assertThat(early.get("product").get("affectedReleases").get(0).asString()).isEqualTo("2.0.0");
        // reminders: nothing yet; due soon once 20 h have passed; overdue after 25 h (once per key)
        Instant aware = Instant.parse(exploited.get("psirtCase").get("exploitedAwareAt").asString());
        assertThat(reminders.remind(aware.plus(Duration.ofHours(1)))).noneMatch(n -> n.key().startsWith("psirt:" + caseId + ":"));
        assertThat(reminders.remind(aware.plus(Duration.ofHours(20)))).anySatisfy(n -> {
            assertThat(n.topic()).isEqualTo("psirt.cra.deadline");
            assertThat(n.key()).isEqualTo("psirt:" + caseId + ":cra:cra.vuln.early_warning:due-soon");
        });
        assertThat(reminders.remind(aware.plus(Duration.ofHours(25))))
                .anySatisfy(n -> assertThat(n.key()).isEqualTo("psirt:" + caseId + ":cra:cra.vuln.early_warning:overdue"));
        byte[] pdf = mvc.perform(get("/psirt/cases/" + caseId + "/cra/VULNERABILITY_NOTIFICATION.pdf").with(signedIn()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        // advisory: draft, validate, publish
        JsonNode validation = read(mvc.perform(body(post("/api/v1/psirt/cases/" + caseId + "/advisory"),
                "{\"title\": \"Camera X: stored XSS\", \"summary\": \"Update to 2.0.1.\", \"tlp\": \"WHITE\"}"))
                .andExpect(status().isOk()).andReturn());
        assertThat(validation.get("failures")).isEmpty();
        JsonNode published = read(mvc.perform(body(post("/api/v1/psirt/cases/" + caseId + "/advisory/publish"),
                "{\"revision\": \"Initial version\"}")).andExpect(status().isOk()).andReturn());
        String trackingId = published.get("trackingId").asString();
        assertThat(published.get("version").asInt()).isEqualTo(1);

        // the notice names the product and the fixed release
        assertThat(events.stream(Notice.class).filter(n -> n.topic().equals("psirt.advisory.published")))
                .anySatisfy(n -> {
                    assertThat(n.tags()).containsEntry("product", key).containsEntry("release", "2.0.1");
                    assertThat(n.key()).isEqualTo("psirt:advisory:" + trackingId + ":1");
                });

        // the provider files: metadata, indexes, the advisory, hashes and signature
        JsonNode metadata = read(mvc.perform(get("/.well-known/csaf/provider-metadata.json"))
                .andExpect(status().isOk()).andReturn());
        assertThat(metadata.get("role").asString()).isEqualTo("csaf_trusted_provider");
        String fingerprint = metadata.get("public_openpgp_keys").get(0).get("fingerprint").asString();
        String year = Integer.toString(Instant.now().atOffset(java.time.ZoneOffset.UTC).getYear());
        String file = trackingId.toLowerCase() + ".json";
        String index = mvc.perform(get("/.well-known/csaf/white/index.txt")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(index).contains(year + "/" + file);
        assertThat(mvc.perform(get("/.well-known/csaf/white/changes.csv")).andReturn().getResponse()
                .getContentAsString()).contains("\"" + year + "/" + file + "\"");
        JsonNode feed = read(mvc.perform(get("/.well-known/csaf/white/csaf-feed-tlp-white.json"))
                .andExpect(status().isOk()).andReturn());
        assertThat(feed.get("feed").get("entry").toString()).contains(trackingId);
        byte[] advisory = mvc.perform(get("/.well-known/csaf/white/" + year + "/" + file)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new CsafValidator().validate(advisory).failures()).isEmpty();
        byte[] signature = mvc.perform(get("/.well-known/csaf/white/" + year + "/" + file + ".asc"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        byte[] sha256 = mvc.perform(get("/.well-known/csaf/white/" + year + "/" + file + ".sha256"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        byte[] publicKey = mvc.perform(get("/.well-known/csaf/openpgp/" + fingerprint + ".asc"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        Files.write(dir.resolve(file), advisory);
        Files.write(dir.resolve(file + ".asc"), signature);
        Files.write(dir.resolve(file + ".sha256"), sha256);
        Files.write(dir.resolve("key.asc"), publicKey);
        assertThat(run(dir, null, "sha256sum", "-c", file + ".sha256")).isZero();
        if (Files.isExecutable(Path.of("/usr/bin/gpg"))) {
            Path home = Files.createDirectory(dir.resolve("gnupg"));
            Files.setPosixFilePermissions(home, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
            assertThat(run(dir, home, "gpg", "--batch", "--import", "key.asc")).isZero();
            assertThat(run(dir, home, "gpg", "--batch", "--verify", file + ".asc", file)).isZero();
        }

        // a new draft does not change what is published until it is published itself
        mvc.perform(body(post("/api/v1/psirt/cases/" + caseId + "/advisory"), "{\"title\": \"Camera X: stored XSS (update)\"}"))
                .andExpect(status().isOk());
        assertThat(mvc.perform(get("/.well-known/csaf/white/" + year + "/" + file)).andReturn().getResponse()
                .getContentAsByteArray()).isEqualTo(advisory);
        JsonNode second = read(mvc.perform(body(post("/api/v1/psirt/cases/" + caseId + "/advisory/publish"),
                "{\"revision\": \"Title updated\"}")).andExpect(status().isOk()).andReturn());
        assertThat(second.get("version").asInt()).isEqualTo(2);
        byte[] republished = mvc.perform(get("/.well-known/csaf/white/" + year + "/" + file)).andReturn().getResponse()
                .getContentAsByteArray();
        assertThat(new CsafValidator().validate(republished).failures()).isEmpty();
        assertThat(new String(republished, StandardCharsets.UTF_8)).contains("Title updated").contains("(update)");

        // the human page, the CVE record and security.txt
        String html = mvc.perform(get("/advisories/" + trackingId)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(html).contains("CVE-2026-12345").contains("Update to release 2.0.1 or later.");
        JsonNode cve = read(mvc.perform(api(get("/api/v1/psirt/cases/" + caseId + "/cve"))).andExpect(status().isOk())
                .andReturn());
        var schema = com.networknt.schema.SchemaRegistry.withDefaultDialect(
                com.networknt.schema.SpecificationVersion.DRAFT_7).getSchema(
                Files.readString(SharedTestData.require("cve/schema/CVE_JSON_bundled_5.1.1.json")));
        assertThat(schema.validate(new com.fasterxml.jackson.databind.ObjectMapper().readTree(cve.toString()))).isEmpty();
        String securityTxt = mvc.perform(get("/.well-known/security.txt")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(securityTxt).contains("Contact: mailto:").contains("Expires: ").contains("CSAF: ");
    }

    private static int run(Path dir, Path gnupgHome, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        if (gnupgHome != null) {
            builder.environment().put("GNUPGHOME", gnupgHome.toString());
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(output).isTrue();
        return process.exitValue();
    }
}
