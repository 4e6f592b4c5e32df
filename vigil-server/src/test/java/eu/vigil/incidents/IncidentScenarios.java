package eu.vigil.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;

import eu.vigil.identity.CurrentUser;
import eu.vigil.identity.Role;
import eu.vigil.identity.internal.ApiTokens;
import eu.vigil.identity.internal.UserAccounts;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import eu.vigil.incidents.internal.IncidentReminders;
import eu.vigil.testing.WebhookReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Incidents end to end on a real database: the API a SIEM uses (create, deadlines, bad input),
 * significance with override, the report lifecycle (draft, submit, frozen, supersede, PDF and
 * JSON), recurring incidents, and the pages. Run on H2 and on PostgreSQL by the subclasses.
 */
@SpringBootTest(properties = {"vigil.notifications.allow-plain-transport=true", "vigil.notifications.poll-interval=200ms",
        "vigil.incidents.max-document-size=64KB"})
@AutoConfigureMockMvc
abstract class IncidentScenarios {

    static GreenMail smtp;
    static WebhookReceiver webhooks;

    @BeforeAll
    static void receivers() throws Exception {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        webhooks = new WebhookReceiver();
    }

    @AfterAll
    static void stopReceivers() {
        smtp.stop();
        webhooks.close();
    }

    @Autowired IncidentReminders reminders;
    @Autowired eu.vigil.backup.BackupFolder backupFolder;
    @Autowired eu.vigil.keys.BlobStore blobStore;
    @Autowired org.springframework.core.env.Environment environment;

    /** Entries reach audit_entry through the chainer; chain what is pending before counting. */
    @Autowired eu.vigil.audit.AuditIntegrity auditIntegrity;
    @Autowired MockMvc mvc;
    @Autowired UserAccounts users;
    @Autowired ApiTokens tokens;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;

    String security;
    String auditor;
    CurrentUser securityUser;

    @BeforeEach
    void users() {
        String name = "sec-" + System.nanoTime();
        long id = users.insert(name, "Sam Security", null, "{noop}unused", EnumSet.of(Role.SECURITY), null, false, null, Instant.now());
        securityUser = new CurrentUser(id, name, "Sam Security", EnumSet.of(Role.SECURITY), null);
        security = tokens.create(id, "siem", EnumSet.of(Role.SECURITY), Instant.now().plus(Duration.ofHours(1)));
        String auditorName = "aud-" + System.nanoTime();
        long auditorId = users.insert(auditorName, "Ada Auditor", null, "{noop}unused", EnumSet.of(Role.AUDITOR), null, false, null, Instant.now());
        auditor = tokens.create(auditorId, "read", EnumSet.of(Role.AUDITOR), Instant.now().plus(Duration.ofHours(1)));
    }

    private MockHttpServletRequestBuilder api(MockHttpServletRequestBuilder request, String token) {
        return request.header("Authorization", "Bearer " + token).accept(MediaType.APPLICATION_JSON);
    }

    private MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String token, String body) {
        return api(request, token).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private RequestPostProcessor signedIn() {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(securityUser, null,
                List.of(new SimpleGrantedAuthority(Role.SECURITY.authority()))));
    }

    private static Instant hoursAgo(long hours) {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(hours));
    }

    private JsonNode read(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString());
    }

    long createIncident(String extraJson, Instant detected, Instant aware) throws Exception {
        MvcResult created = mvc.perform(json(post("/api/v1/incidents"), security, """
                {"title": "Ransomware on file servers", "detectedAt": "%s", "awareAt": "%s"%s}"""
                .formatted(detected, aware, extraJson)))
                .andExpect(status().isCreated()).andReturn();
        return read(created).get("id").asLong();
    }

    @Test
    void aSiemOpensAnIncidentAndReadsItsDeadlines() throws Exception {
        Instant detected = hoursAgo(3);
        Instant aware = hoursAgo(2);
        MvcResult created = mvc.perform(json(post("/api/v1/incidents"), security, """
                {"title": "Ransomware on file servers", "detectedAt": "%s", "awareAt": "%s",
                 "category": "ransomware", "affectedUsers": 1200, "suspectedMalicious": "yes"}""".formatted(detected, aware)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", org.hamcrest.Matchers.matchesPattern("/api/v1/incidents/\\d+")))
                .andReturn();
        String location = created.getResponse().getHeader("Location");

        JsonNode incident = read(mvc.perform(api(get(location), security)).andExpect(status().isOk()).andReturn());
        assertThat(Instant.parse(incident.get("earlyWarningDue").asString())).isEqualTo(aware.plus(Duration.ofHours(24)));
        assertThat(Instant.parse(incident.get("notificationDue").asString())).isEqualTo(aware.plus(Duration.ofHours(72)));
        assertThat(Instant.parse(incident.get("finalReportDue").asString()))
                .isEqualTo(aware.plus(Duration.ofHours(72)).atOffset(ZoneOffset.UTC).plusMonths(1).toInstant());
        assertThat(incident.get("category").asString()).isEqualTo("RANSOMWARE");
        assertThat(incident.get("significance").get("verdict").asString()).isEqualTo("UNDETERMINED");
        assertThat(incident.get("earlyWarningDue").asString()).endsWith("Z");

        // the auditor reads, but cannot change
        mvc.perform(api(get(location), auditor)).andExpect(status().isOk());
        mvc.perform(json(post("/api/v1/incidents"), auditor, "{}")).andExpect(status().isForbidden());
        auditIntegrity.chainPending();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'incidents.create' AND object_id = ?")
                .param(incident.get("id").asString()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void trustServiceProvidersHave24HoursToNotify() throws Exception {
        Instant aware = hoursAgo(1);
        long id = createIncident(", \"entityType\": \"TRUST_SERVICE_PROVIDER\"", aware, aware);
        JsonNode incident = read(mvc.perform(api(get("/api/v1/incidents/" + id), security)).andReturn());
        assertThat(Instant.parse(incident.get("notificationDue").asString())).isEqualTo(aware.plus(Duration.ofHours(24)));
    }

    @Test
    void badInputIsRefusedNamingTheField() throws Exception {
        Instant future = Instant.now().plus(Duration.ofHours(2));
        mvc.perform(json(post("/api/v1/incidents"), security, """
                {"title": "x", "detectedAt": "%s", "awareAt": "%s"}""".formatted(future, future)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("detectedAt"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("future")));
        mvc.perform(json(post("/api/v1/incidents"), security, """
                {"title": "x", "detectedAt": "%s", "awareAt": "%s"}""".formatted(hoursAgo(1), hoursAgo(2))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("awareAt"));
        mvc.perform(json(post("/api/v1/incidents"), security, """
                {"detectedAt": "%s", "awareAt": "%s"}""".formatted(hoursAgo(2), hoursAgo(1))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("title"));
        mvc.perform(json(post("/api/v1/incidents"), security, """
                {"title": "x", "awareAt": "%s"}""".formatted(hoursAgo(1))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("detectedAt"));
        mvc.perform(json(post("/api/v1/incidents"), security, """
                {"title": "x", "detectedAt": "yesterday", "awareAt": "%s"}""".formatted(hoursAgo(1))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("detectedAt"));
        mvc.perform(json(post("/api/v1/incidents"), security, """
                {"title": "x", "detectedAt": "%s", "awareAt": "%s", "category": "aliens"}""".formatted(hoursAgo(2), hoursAgo(1))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("category"));
        mvc.perform(api(get("/api/v1/incidents/987654321"), security)).andExpect(status().isNotFound());
    }

    @Test
    void reportsArePrefilledFrozenWhenSubmittedAndSupersededNotEdited() throws Exception {
        long id = createIncident(", \"suspectedMalicious\": \"yes\", \"crossBorder\": \"no\", \"description\": \"Files encrypted.\"",
                hoursAgo(5), hoursAgo(4));
        String reports = "/api/v1/incidents/" + id + "/reports";

        MvcResult drafted = mvc.perform(json(post(reports), security, "{\"stage\": \"EARLY_WARNING\"}"))
                .andExpect(status().isCreated()).andReturn();
        JsonNode draft = read(drafted);
        String report = drafted.getResponse().getHeader("Location");
        assertThat(draft.get("content").get("summary").asString()).contains("Ransomware on file servers", "Files encrypted.");
        assertThat(draft.get("content").get("suspectedMalicious").asString()).isEqualTo("yes");
        assertThat(draft.get("status").asString()).isEqualTo("DRAFT");

        mvc.perform(json(post(report + "/submit"), security, "{}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("recipient"));
        mvc.perform(json(put(report), security, "{\"content\": {\"summary\": \" \", \"suspectedMalicious\": \"yes\", \"crossBorderImpact\": \"unknown\"}}"))
                .andExpect(status().isOk());
        mvc.perform(json(post(report + "/submit"), security, "{\"recipient\": \"CSIRT\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("content.summary"));
        mvc.perform(json(put(report), security, "{\"content\": {\"summary\": \"Ransomware\", \"suspectedMalicious\": \"perhaps\"}}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("content.suspectedMalicious"));
        mvc.perform(json(put(report), security, "{\"content\": {\"summary\": \"Ransomware\", \"suspectedMalicious\": \"yes\", \"crossBorderImpact\": \"no\"}}"))
                .andExpect(status().isOk());
        JsonNode submitted = read(mvc.perform(json(post(report + "/submit"), security, "{\"recipient\": \"CSIRT (national)\"}"))
                .andExpect(status().isOk()).andReturn());
        assertThat(submitted.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(submitted.get("submittedBy").asString()).isEqualTo(securityUser.username());
        assertThat(submitted.get("recipient").asString()).isEqualTo("CSIRT (national)");

        // frozen
        mvc.perform(json(put(report), security, "{\"content\": {\"summary\": \"changed\"}}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(json(post(report + "/submit"), security, "{\"recipient\": \"CSIRT\"}")).andExpect(status().isConflict());
        mvc.perform(json(post(reports), security, "{\"stage\": \"EARLY_WARNING\"}")).andExpect(status().isConflict());

        // superseded by a new version, the old one stays as submitted until the new one is
        MvcResult second = mvc.perform(api(post(report + "/supersede"), security)).andExpect(status().isCreated()).andReturn();
        assertThat(read(second).get("version").asInt()).isEqualTo(2);
        assertThat(read(second).get("content").get("summary").asString()).isEqualTo("Ransomware");
        String secondLocation = second.getResponse().getHeader("Location");
        mvc.perform(json(post(secondLocation + "/submit"), security, "{\"recipient\": \"CSIRT (national)\"}")).andExpect(status().isOk());
        assertThat(read(mvc.perform(api(get(report), security)).andReturn()).get("status").asString()).isEqualTo("SUPERSEDED");

        // the notification moves the final report's clock to one month after its submission
        String notification = mvc.perform(json(post(reports), security, "{\"stage\": \"INCIDENT_NOTIFICATION\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        JsonNode notice = read(mvc.perform(api(get(notification), security)).andReturn());
        assertThat(notice.get("content").get("summary").asString()).isEqualTo("Ransomware");
        assertThat(notice.get("missingMandatory").toString()).contains("impact");
        mvc.perform(json(put(notification), security, """
                {"content": {"summary": "Ransomware", "suspectedMalicious": "yes", "crossBorderImpact": "no",
                 "initialAssessment": "Contained to two servers", "severity": "High", "impact": "Files unavailable"}}"""))
                .andExpect(status().isOk());
        JsonNode sent = read(mvc.perform(json(post(notification + "/submit"), security, "{\"recipient\": \"CSIRT (national)\"}"))
                .andExpect(status().isOk()).andReturn());
        Instant sentAt = Instant.parse(sent.get("submittedAt").asString());
        JsonNode incident = read(mvc.perform(api(get("/api/v1/incidents/" + id), security)).andReturn());
        assertThat(Instant.parse(incident.get("finalReportDue").asString()))
                .isEqualTo(sentAt.atOffset(ZoneOffset.UTC).plusMonths(1).toInstant());

        // exports
        MvcResult pdf = mvc.perform(api(get(notification + "/pdf"), auditor)).andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF)).andReturn();
        assertThat(new String(pdf.getResponse().getContentAsByteArray(), 0, 5)).isEqualTo("%PDF-");
        mvc.perform(api(get(notification + "/export"), auditor)).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("incident-notification-v1.json")))
                .andExpect(jsonPath("$.stage").value("INCIDENT_NOTIFICATION"))
                .andExpect(jsonPath("$.items[3].key").value("initialAssessment"))
                .andExpect(jsonPath("$.submittedAt").value(sent.get("submittedAt").asString()));
        auditIntegrity.chainPending();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'incidents.report.submit'")
                .query(Long.class).single()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void significanceNamesTheCriteriaAndAPersonMayOverrideWithAReason() throws Exception {
        long id = createIncident(", \"entityType\": \"CLOUD_COMPUTING_SERVICE_PROVIDER\"", hoursAgo(3), hoursAgo(2));
        String significance = "/api/v1/incidents/" + id + "/significance";
        mvc.perform(json(put(significance), security, "{\"completeUnavailabilityMinutes\": 30}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.significant").value(false))
                .andExpect(jsonPath("$.verdict").value("NOT_SIGNIFICANT"));
        mvc.perform(json(put(significance), security, "{\"completeUnavailabilityMinutes\": 31, \"directFinancialLossEur\": 600000}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.significant").value(true))
                .andExpect(jsonPath("$.fired[0].code").value("IR2690-3.1.a"))
                .andExpect(jsonPath("$.fired[1].code").value("IR2690-7.a"))
                .andExpect(jsonPath("$.fired[1].reference").value(org.hamcrest.Matchers.containsString("Art. 7(a)")));
        mvc.perform(json(put(significance), security, "{\"usersInUnion\": -1}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("usersInUnion"));

        mvc.perform(json(put(significance + "/override"), security, "{\"significant\": false}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("reason"));
        mvc.perform(json(put(significance + "/override"), security, "{\"significant\": false, \"reason\": \"Loss estimate withdrawn by finance\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.verdict").value("NOT_SIGNIFICANT"));
        JsonNode incident = read(mvc.perform(api(get("/api/v1/incidents/" + id), security)).andReturn());
        assertThat(incident.get("significance").get("overrideReason").asString()).isEqualTo("Loss estimate withdrawn by finance");
        assertThat(incident.get("significance").get("overrideBy").asString()).isEqualTo(securityUser.username());
        assertThat(incident.get("reportingRequired").asBoolean()).isFalse();
        mvc.perform(json(put(significance + "/override"), security, "{\"significant\": null}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.verdict").value("SIGNIFICANT"));
    }

    @Test
    void recurringIncidentsWithTheSameCauseCountTogether() throws Exception {
        String cause = "expired-certificate-" + System.nanoTime();
        long first = createIncident(", \"entityType\": \"MANAGED_SERVICE_PROVIDER\", \"rootCause\": \"" + cause + "\"",
                hoursAgo(24 * 30), hoursAgo(24 * 30));
        mvc.perform(json(put("/api/v1/incidents/" + first + "/significance"), security, "{\"directFinancialLossEur\": 300000}"))
                .andExpect(jsonPath("$.significant").value(false));
        long second = createIncident(", \"entityType\": \"MANAGED_SERVICE_PROVIDER\", \"rootCause\": \"" + cause.toUpperCase() + "\"",
                hoursAgo(2), hoursAgo(1));
        mvc.perform(json(put("/api/v1/incidents/" + second + "/significance"), security, "{\"directFinancialLossEur\": 200001}"))
                .andExpect(jsonPath("$.significant").value(true))
                .andExpect(jsonPath("$.fired[0].code").value("IR2690-3.1.f"))
                .andExpect(jsonPath("$.fired[0].finding").value(org.hamcrest.Matchers.containsString("INC-" + first)));
    }

    @Test
    void openClocksAndRemindersShowWhatIsDue() throws Exception {
        long id = createIncident("", hoursAgo(23), hoursAgo(20));
        JsonNode clocks = read(mvc.perform(api(get("/api/v1/incident-clocks"), auditor)).andExpect(status().isOk()).andReturn());
        JsonNode mine = null;
        for (JsonNode c : clocks) {
            if (c.get("incidentId").asLong() == id) {
                mine = c;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("reminders").get(0).get("stage").asString()).isEqualTo("EARLY_WARNING");
        assertThat(mine.get("outstanding").size()).isEqualTo(3);
    }

    @Test
    void pagesShowTheRegisterTheClockAndTheReportEditor() throws Exception {
        MvcResult created = mvc.perform(post("/incidents").with(signedIn()).with(csrf())
                        .param("title", "Phishing wave").param("category", "PHISHING").param("status", "OPEN")
                        .param("entityType", "OTHER").param("detectedAt", "2026-01-10T08:00").param("awareAt", "2026-01-10T09:30"))
                .andExpect(status().is3xxRedirection()).andReturn();
        String page = created.getResponse().getRedirectedUrl();
        String html = mvc.perform(get(page).with(signedIn())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Phishing wave", "Reporting clock", "2026-01-11 09:30 UTC", "Not yet assessed");

        MvcResult refused = mvc.perform(post("/incidents").with(signedIn()).with(csrf())
                        .param("title", "Backwards").param("detectedAt", "2026-01-10T08:00").param("awareAt", "2026-01-10T07:00"))
                .andExpect(status().isBadRequest()).andReturn();
        assertThat(refused.getResponse().getContentAsString()).contains("cannot come before detection", "aria-invalid=\"true\"");

        mvc.perform(get("/incidents").with(signedIn()).param("q", "phishing")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Phishing wave")));
        mvc.perform(get("/incident-clocks").with(signedIn())).andExpect(status().isOk());
        mvc.perform(get(page + "/significance").with(signedIn())).andExpect(status().isOk());
        mvc.perform(post(page + "/significance").with(signedIn()).with(csrf()).param("severeOperationalDisruption", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(get(page).with(signedIn())).andReturn().getResponse().getContentAsString())
                .contains("Directive (EU) 2022/2555, Art. 23(3)(a)");

        String editor = mvc.perform(post(page + "/reports").with(signedIn()).with(csrf()).param("stage", "EARLY_WARNING"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(mvc.perform(get(editor).with(signedIn())).andReturn().getResponse().getContentAsString())
                .contains("Early warning", "Phishing wave", "Submit and freeze");
        mvc.perform(post(editor).with(signedIn()).with(csrf()).param("summary", "Phishing").param("suspectedMalicious", "yes")
                .param("crossBorderImpact", "no").param("action", "submit").param("recipient", ""))
                .andExpect(status().isBadRequest());
        mvc.perform(post(editor).with(signedIn()).with(csrf()).param("summary", "Phishing").param("suspectedMalicious", "yes")
                .param("crossBorderImpact", "no").param("action", "submit").param("recipient", "CSIRT"))
                .andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(get(editor).with(signedIn())).andReturn().getResponse().getContentAsString())
                .contains("submitted", "Supersede with a new version");
        mvc.perform(get(editor + "/pdf").with(signedIn())).andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF));

        mvc.perform(post("/continuity/plans").with(signedIn()).with(csrf()).param("title", "Crisis plan")
                .param("kind", "CRISIS_MANAGEMENT").param("documentLinks", "https://intranet.example/crisis.pdf"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/continuity/drills").with(signedIn()).with(csrf()).param("heldOn", "2026-01-05")
                .param("scenario", "Ransomware tabletop").param("lessons", "Call tree outdated"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/continuity").with(signedIn())).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Ransomware tabletop")));
    }

    // GH-8: reminders before each deadline by in-app, e-mail and webhook
    @Test
    void anEarlyWarningFallingDueIsRemindedOnceInTheInboxByEmailAndByWebhook() throws Exception {
        String admin = adminToken();
        mvc.perform(json(put("/api/v1/notifications/settings/mail"), admin, """
                {"host": "127.0.0.1", "port": %d, "security": "NONE", "fromAddress": "vigil@example.com"}"""
                .formatted(smtp.getSmtp().getPort()))).andExpect(status().isOk());
        mvc.perform(json(post("/api/v1/notifications/subscriptions"), admin, """
                {"channel": "EMAIL", "target": "compliance@example.com", "topics": "incidents.*"}"""))
                .andExpect(status().isCreated());
        JsonNode hook = read(mvc.perform(json(post("/api/v1/notifications/subscriptions"), admin, """
                {"channel": "WEBHOOK", "target": "%s", "topics": "incidents.deadline", "minUrgency": "WARNING"}"""
                .formatted(webhooks.url("/soc")))).andExpect(status().isCreated()).andReturn());
        String secret = hook.get("secret").asString();

        // aware 20 hours ago: the early warning is due in 4 hours, inside its 6-hour reminder window
        long id = createIncident(", \"category\": \"RANSOMWARE\"", hoursAgo(21), hoursAgo(20));
        reminders.publishDue();
        reminders.publishDue(); // a second run (or node) finds nothing new

        await().atMost(Duration.ofSeconds(20)).until(() -> smtp.getReceivedMessages().length >= 1 && !webhooks.received().isEmpty());
        Thread.sleep(800);
        var mails = java.util.Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> { try { return m.getSubject().contains("INC-" + id + ":"); } catch (Exception e) { return false; } }).toList();
        assertThat(mails).hasSize(1);
        assertThat(mails.getFirst().getSubject()).startsWith("[Vigil] INC-" + id + ": early warning due in 3h 5")
                .contains("by " + java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
                        .withZone(java.time.ZoneOffset.UTC).format(hoursAgo(20).plus(Duration.ofHours(24))))
                .endsWith("(Ransomware on file servers)");
        assertThat(GreenMailUtil.getBody(mails.getFirst())).contains("NIS2 Art. 23(4)(a)", "/incidents/" + id);
        var calls = webhooks.received().stream().filter(c -> c.text().contains("incident:" + id + ":early-warning")).toList();
        assertThat(calls).hasSize(1);
        assertThat(eu.vigil.notifications.internal.WebhookSignature.verify(secret, calls.getFirst().body(),
                calls.getFirst().header("X-Vigil-Signature"))).isTrue();
        JsonNode payload = json.readTree(calls.getFirst().text());
        assertThat(payload.get("key").asString()).isEqualTo("incident:" + id + ":early-warning:due-in-6h");
        assertThat(payload.get("urgency").asString()).isEqualTo("WARNING");
        assertThat(payload.get("tags").get("incident").asString()).isEqualTo("INC-" + id);

        // in the app: compliance and management see it, security does not
        JsonNode inbox = read(mvc.perform(api(get("/api/v1/notifications/inbox"), roleToken(Role.MANAGEMENT))).andReturn());
        assertThat(inbox.get("entries").toString()).contains("INC-" + id + ": early warning due");
        assertThat(read(mvc.perform(api(get("/api/v1/notifications/inbox"), security)).andReturn()).get("entries").toString())
                .doesNotContain("INC-" + id + ":");

        // overdue: a separate, critical reminder, also once
        long late = createIncident("", hoursAgo(26), hoursAgo(25));
        reminders.publishDue();
        reminders.publishDue();
        await().atMost(Duration.ofSeconds(20)).until(() -> webhooks.received().stream()
                .anyMatch(c -> c.text().contains("incident:" + late + ":early-warning:overdue")));
        Thread.sleep(500);
        assertThat(webhooks.received().stream().filter(c -> c.text().contains("incident:" + late + ":early-warning")).toList())
                .hasSize(1).first().satisfies(c -> assertThat(c.text()).contains("\"urgency\":\"CRITICAL\""));
    }

    private String adminToken() {
        return roleToken(Role.ADMIN);
    }

    private String roleToken(Role role) {
        String name = role.name().toLowerCase() + "-" + System.nanoTime();
        long id = users.insert(name, name, null, "{noop}unused", EnumSet.of(role), null, false, null, Instant.now());
        return tokens.create(id, "t", EnumSet.of(role), Instant.now().plus(Duration.ofHours(1)));
    }

    @Test
    void continuityPlansKeepTheirDocumentsEncryptedAndThePageShowsTheBackupStatus() throws Exception {
        long plan = read(mvc.perform(json(post("/api/v1/continuity/plans"), security, """
                {"title": "Disaster recovery", "kind": "DISASTER_RECOVERY"}""")).andExpect(status().isCreated()).andReturn())
                .get("id").asLong();
        byte[] pdf = ("%PDF-1.4 disaster recovery plan, version 3 " + "x".repeat(2000)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        mvc.perform(multipart("/continuity/plans/" + plan + "/documents")
                        .file(new org.springframework.mock.web.MockMultipartFile("file", "../DR plan.pdf", "application/pdf", pdf))
                        .with(signedIn()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        JsonNode documents = read(mvc.perform(api(get("/api/v1/continuity/plans/" + plan + "/documents"), auditor))
                .andExpect(status().isOk()).andReturn());
        assertThat(documents).hasSize(1);
        assertThat(documents.get(0).get("fileName").asString()).isEqualTo("DR plan.pdf");
        long doc = documents.get(0).get("id").asLong();
        MvcResult download = mvc.perform(get("/continuity/plans/" + plan + "/documents/" + doc).with(signedIn()))
                .andExpect(status().isOk()).andExpect(content().contentType(MediaType.APPLICATION_OCTET_STREAM))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment"))).andReturn();
        assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(pdf);
        // at rest the file is ciphertext
        String blobId = jdbc.sql("SELECT blob_id FROM continuity_document WHERE id = ?").param(doc).query(String.class).single();
        assertThat(blobStore.find(blobId)).get().satisfies(b -> assertThat(b.purpose()).isEqualTo("incidents.continuity-document"));
        java.nio.file.Path blobs = java.nio.file.Path.of(environment.getProperty("vigil.data")).resolve("blobs");
        try (var files = java.nio.file.Files.walk(blobs)) {
            List<java.nio.file.Path> stored = files.filter(java.nio.file.Files::isRegularFile).toList();
            assertThat(stored).isNotEmpty();
            for (java.nio.file.Path f : stored) {
                assertThat(new String(java.nio.file.Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1))
                        .doesNotContain("disaster recovery plan");
            }
        }
        // over the limit or empty: refused, nothing stored
        mvc.perform(multipart("/api/v1/continuity/plans/" + plan + "/documents")
                        .file(new org.springframework.mock.web.MockMultipartFile("file", "huge.bin", "application/octet-stream",
                                new byte[70 * 1024])).header("Authorization", "Bearer " + security))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("file"));
        mvc.perform(multipart("/api/v1/continuity/plans/" + plan + "/documents")
                        .file(new org.springframework.mock.web.MockMultipartFile("file", "plan.txt", "text/plain",
                                "Call tree".getBytes())).header("Authorization", "Bearer " + auditor))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM continuity_document WHERE plan_id = ?").param(plan).query(Long.class).single())
                .isEqualTo(1);
        auditIntegrity.chainPending();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'incidents.continuity.document' AND object_id = ?")
                .param(String.valueOf(doc)).query(Long.class).single()).isEqualTo(1);

        // backup status, read from the backup module
        if (backupFolder.archives().isEmpty()) {
            mvc.perform(get("/continuity").with(signedIn())).andExpect(status().isOk())
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("No backup has been written yet.")));
        }
        var report = backupFolder.backUpNow();
        String name = report.file().getFileName().toString();
        String before = mvc.perform(get("/continuity").with(signedIn())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(before).contains(name, "not checked yet", "Next scheduled backup", "DR plan.pdf")
                .doesNotContain("older than the schedule allows");
        assertThat(backupFolder.check(name).valid()).isTrue();
        assertThat(mvc.perform(get("/continuity").with(signedIn())).andReturn().getResponse().getContentAsString())
                .contains("verified");
        JsonNode status = read(mvc.perform(api(get("/api/v1/continuity/backup-status"), auditor)).andExpect(status().isOk()).andReturn());
        assertThat(status.get("archive").asString()).isEqualTo(name);
        assertThat(status.get("verification").asString()).isEqualTo("VERIFIED");
        assertThat(status.get("bytes").asLong()).isEqualTo(report.bytes());
        assertThat(status.get("stale").asBoolean()).isFalse();
        assertThat(status.get("maxAgeSeconds").asLong()).isEqualTo(Duration.ofHours(25).toSeconds());
    }
}
