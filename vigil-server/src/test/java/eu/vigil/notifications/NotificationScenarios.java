package eu.vigil.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import eu.vigil.audit.AuditIntegrity;
import eu.vigil.identity.CurrentUser;
import eu.vigil.identity.Role;
import eu.vigil.identity.internal.ApiTokens;
import eu.vigil.identity.internal.UserAccounts;
import eu.vigil.notifications.internal.DeliveryWorker;
import eu.vigil.notifications.internal.WebhookSignature;
import eu.vigil.testing.WebhookReceiver;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Notifications end to end on a real database, a real SMTP server (GreenMail) and a real HTTP
 * server: notices published as events reach the inbox of the audience's roles, e-mail and signed
 * webhooks of matching subscriptions, once per key, retried after failures, and claimed by one
 * worker at a time. Run on H2 and on PostgreSQL by the subclasses.
 */
@SpringBootTest(properties = {
        "vigil.notifications.allow-plain-transport=true",
        "vigil.notifications.poll-interval=200ms",
        "vigil.notifications.retry-base=300ms",
        "vigil.notifications.lease=2s",
        "vigil.notifications.max-attempts=3",
        "vigil.notifications.public-url=https://vigil.example.com"})
@AutoConfigureMockMvc
abstract class NotificationScenarios {

    static GreenMail smtp;
    static WebhookReceiver receiver;

    @Autowired MockMvc mvc;
    @Autowired UserAccounts users;
    @Autowired ApiTokens tokens;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;
    @Autowired AuditIntegrity auditIntegrity;
    @Autowired DeliveryWorker worker;
    @Autowired DataSource dataSource;

    String admin;
    CurrentUser complianceUser;
    CurrentUser securityUser;
    String compliance;

    @BeforeAll
    static void servers() throws Exception {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        receiver = new WebhookReceiver();
    }

    @AfterAll
    static void stopServers() {
        smtp.stop();
        receiver.close();
    }

    @BeforeEach
    void setUp() throws Exception {
        // subscriptions of earlier tests stay in the database: silence them so each test counts its own mail
        jdbc.sql("UPDATE notification_subscription SET enabled = FALSE").update();
        jdbc.sql("UPDATE notification_delivery SET status = 'FAILED' WHERE status = 'PENDING'").update();
        Thread.sleep(300);
        smtp.purgeEmailFromAllMailboxes();
        receiver.clear();
        admin = token(Role.ADMIN);
        complianceUser = user(Role.COMPLIANCE);
        compliance = tokens.create(complianceUser.id(), "t", EnumSet.of(Role.COMPLIANCE), Instant.now().plus(Duration.ofHours(1)));
        securityUser = user(Role.SECURITY);
        mvc.perform(json(put("/api/v1/notifications/settings/mail"), admin, """
                {"host": "127.0.0.1", "port": %d, "security": "NONE", "fromAddress": "vigil@example.com",
                 "username": "vigil", "password": "smtp-secret"}""".formatted(smtp.getSmtp().getPort())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.hasPassword").value(true))
                .andExpect(jsonPath("$.password").doesNotExist());
        // GreenMail accepts any login; the sealed password is what Vigil sends
        smtp.setUser("vigil", "smtp-secret");
    }

    private CurrentUser user(Role role) {
        String name = role.name().toLowerCase() + "-" + System.nanoTime();
        long id = users.insert(name, name, null, "{noop}unused", EnumSet.of(role), null, false, null, Instant.now());
        return new CurrentUser(id, name, name, EnumSet.of(role), null);
    }

    private String token(Role role) {
        CurrentUser u = user(role);
        return tokens.create(u.id(), "t", EnumSet.of(role), Instant.now().plus(Duration.ofHours(1)));
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String token, String body) {
        return request.header("Authorization", "Bearer " + token).accept(MediaType.APPLICATION_JSON)
                .contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static MockHttpServletRequestBuilder api(MockHttpServletRequestBuilder request, String token) {
        return request.header("Authorization", "Bearer " + token).accept(MediaType.APPLICATION_JSON);
    }

    private static RequestPostProcessor signedIn(CurrentUser user) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                user.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList()));
    }

    private JsonNode subscribe(String body) throws Exception {
        return json.readTree(mvc.perform(json(post("/api/v1/notifications/subscriptions"), admin, body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
    }

    private void publish(Notice notice) {
        transactions.executeWithoutResult(s -> events.publishEvent(notice));
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static MimeMessage[] awaitMail(int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> smtp.getReceivedMessages().length >= count);
        return smtp.getReceivedMessages();
    }

    private long deliveries(long subscriptionId, String status) {
        return jdbc.sql("SELECT COUNT(*) FROM notification_delivery WHERE subscription_id = ? AND status = ?")
                .param(subscriptionId).param(status).query(Long.class).single();
    }

    @Test
    void anUpdateNoticeForAProductReachesTheCustomersSubscribedToIt() throws Exception {
        String product = "cam-" + unique();
        long subscription = subscribe("""
                {"channel": "EMAIL", "target": "customer@example.org", "label": "Customer A",
                 "topics": "psirt.*", "minUrgency": "INFO", "tagFilter": "product=%s"}""".formatted(product))
                .get("subscription").get("id").asLong();

        publish(new Notice("psirt.advisory.published", Notice.Urgency.WARNING, "advisory:" + unique(),
                "Security update for " + product + " 2.4.1", "Firmware 2.4.1 fixes CVE-2026-1234.",
                "/psirt/advisories/7", Set.of(), Map.of("product", product, "release", "2.4.1")));
        publish(new Notice("psirt.advisory.published", Notice.Urgency.WARNING, "advisory:" + unique(),
                "Security update for another product", "Not for this customer.", null, Set.of(),
                Map.of("product", "other-" + unique())));

        MimeMessage[] mail = awaitMail(1);
        assertThat(mail).hasSize(1);
        assertThat(mail[0].getSubject()).isEqualTo("[Vigil] Security update for " + product + " 2.4.1");
        assertThat(mail[0].getAllRecipients()[0].toString()).isEqualTo("customer@example.org");
        assertThat(mail[0].getFrom()[0].toString()).isEqualTo("vigil@example.com");
        assertThat(GreenMailUtil.getBody(mail[0])).contains("Firmware 2.4.1 fixes CVE-2026-1234.")
                .contains("https://vigil.example.com/psirt/advisories/7");
        await().atMost(Duration.ofSeconds(10)).until(() -> deliveries(subscription, "SENT") == 1);
        Thread.sleep(500);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void aWebhookCallIsSignedWithTheSecretShownOnce() throws Exception {
        JsonNode created = subscribe("""
                {"channel": "WEBHOOK", "target": "%s", "topics": "sbom.finding", "minUrgency": "WARNING"}"""
                .formatted(receiver.url("/hooks/vigil")));
        String secret = created.get("secret").asString();
        long id = created.get("subscription").get("id").asLong();
        assertThat(secret).startsWith("vwhsec_");
        // stored sealed, never shown again
        assertThat(jdbc.sql("SELECT secret FROM notification_subscription WHERE id = ?").param(id).query(String.class).single())
                .startsWith("vk1.").doesNotContain(secret.substring(7));
        mvc.perform(api(get("/api/v1/notifications/subscriptions/" + id), admin))
                .andExpect(status().isOk()).andExpect(jsonPath("$.secret").doesNotExist());

        publish(new Notice("sbom.finding", Notice.Urgency.INFO, "finding:" + unique(), "Below the minimum", "", null,
                Set.of(), Map.of()));
        String key = "finding:" + unique();
        publish(new Notice("sbom.finding", Notice.Urgency.CRITICAL, key, "cam-x 2.4 is affected by CVE-2026-9999",
                "openssl 3.0.1 in cam-x 2.4.", "/sbom/products/cam-x", Set.of(Role.SECURITY), Map.of("product", "cam-x")));

        await().atMost(Duration.ofSeconds(20)).until(() -> !receiver.received().isEmpty());
        Thread.sleep(300);
        assertThat(receiver.received()).hasSize(1);
        WebhookReceiver.Received call = receiver.received().getFirst();
        assertThat(WebhookSignature.verify(secret, call.body(), call.header("X-Vigil-Signature"))).isTrue();
        assertThat(WebhookSignature.verify("vwhsec_wrong", call.body(), call.header("X-Vigil-Signature"))).isFalse();
        // an independent check of the scheme as the README describes it
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
        assertThat(call.header("X-Vigil-Signature")).isEqualTo("sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(call.body())));
        JsonNode body = json.readTree(call.text());
        assertThat(body.get("key").asString()).isEqualTo(key);
        assertThat(body.get("urgency").asString()).isEqualTo("CRITICAL");
        assertThat(body.get("link").asString()).isEqualTo("https://vigil.example.com/sbom/products/cam-x");
        assertThat(body.get("tags").get("product").asString()).isEqualTo("cam-x");
        assertThat(body.get("timestamp").asLong()).isEqualTo(Long.parseLong(call.header("X-Vigil-Timestamp")))
                .isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(60L));
        assertThat(call.header("X-Vigil-Delivery")).isEqualTo(body.get("delivery").asString());
        assertThat(call.header("Content-Type")).isEqualTo("application/json");
    }

    @Test
    void aNoticeIsDeliveredOncePerKey() throws Exception {
        long id = subscribe("""
                {"channel": "EMAIL", "target": "psirt@example.com", "topics": "psirt.cra.deadline"}""")
                .get("subscription").get("id").asLong();
        String key = "cra:" + unique() + ":due-in-24h";
        Notice notice = new Notice("psirt.cra.deadline", Notice.Urgency.CRITICAL, key, "CRA early warning due in 24 h",
                "Case 12.", "/psirt/cases/12", Set.of(Role.SECURITY), Map.of());
        publish(notice);
        publish(notice);
        transactions.executeWithoutResult(s -> {
            events.publishEvent(notice);
            events.publishEvent(notice);
        });
        awaitMail(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> deliveries(id, "SENT") == 1);
        Thread.sleep(800);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notification_notice WHERE notice_key = ?").param(key).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void aFailingEndpointIsRetriedWithBackoffAndTheErrorRecorded() throws Exception {
        JsonNode created = subscribe("""
                {"channel": "WEBHOOK", "target": "%s", "topics": "incidents.*"}""".formatted(receiver.url("/flaky")));
        long id = created.get("subscription").get("id").asLong();
        receiver.failNext(2, 503);
        publish(new Notice("incidents.deadline", Notice.Urgency.WARNING, "incident:" + unique(), "Early warning due in 4 h",
                "", "/incidents/1", Set.of(Role.COMPLIANCE), Map.of()));

        await().atMost(Duration.ofSeconds(30)).until(() -> deliveries(id, "SENT") == 1);
        assertThat(receiver.received()).hasSize(1);
        var row = jdbc.sql("SELECT attempts, last_error FROM notification_delivery WHERE subscription_id = ?").param(id)
                .query((rs, n) -> Map.entry(rs.getInt(1), String.valueOf(rs.getString(2)))).single();
        assertThat(row.getKey()).isEqualTo(3);
        mvc.perform(api(get("/api/v1/notifications/subscriptions/" + id + "/deliveries"), admin))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].status").value("SENT"))
                .andExpect(jsonPath("$[0].attempts").value(3));

        // an endpoint that never answers well is given up after max-attempts, with the error kept and audited
        JsonNode dead = subscribe("""
                {"channel": "WEBHOOK", "target": "%s", "topics": "incidents.*"}""".formatted(receiver.url("/dead")));
        long deadId = dead.get("subscription").get("id").asLong();
        receiver.failNext(1000, 500);
        publish(new Notice("incidents.deadline", Notice.Urgency.WARNING, "incident:" + unique(), "Overdue", "", null,
                Set.of(), Map.of()));
        await().atMost(Duration.ofSeconds(30)).until(() -> deliveries(deadId, "FAILED") == 1);
        receiver.failNext(0, 500);
        JsonNode failed = json.readTree(mvc.perform(api(get("/api/v1/notifications/deliveries?status=FAILED"), admin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        JsonNode mine = null;
        for (JsonNode d : failed) {
            if (d.get("subscriptionId").asLong() == deadId) {
                mine = d;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("attempts").asInt()).isEqualTo(3);
        assertThat(mine.get("lastError").asString()).contains("answered 500");
        auditIntegrity.chainPending();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'notifications.delivery.failed' AND object_id = ?")
                .param(mine.get("id").asString()).query(Long.class).single()).isEqualTo(1);
        // a person can start it again once the receiver is fixed
        mvc.perform(api(post("/api/v1/notifications/deliveries/" + mine.get("id").asLong() + "/retry"), admin))
                .andExpect(status().isAccepted());
        await().atMost(Duration.ofSeconds(20)).until(() -> deliveries(deadId, "SENT") == 1);
    }

    @Test
    void aDeliveryClaimedByANodeThatDiedIsTakenAgainWhenItsLeaseRunsOut() throws Exception {
        long id = subscribe("""
                {"channel": "WEBHOOK", "target": "%s", "topics": "crash.test"}"""
                .formatted(receiver.url("/crash"))).get("subscription").get("id").asLong();
        // queue a delivery without the pollers taking it: a row as the intake commits it
        jdbc.sql("""
                INSERT INTO notification_notice (notice_key, topic, urgency, subject, body, audience, tags, received_at)
                VALUES (?, 'crash.test', 'INFO', 'Crash test', '', ',', '{}', CURRENT_TIMESTAMP)""")
                .param("crash:" + unique()).update();
        long notice = jdbc.sql("SELECT MAX(id) FROM notification_notice").query(Long.class).single();
        // a node claims it (attempt counted, lease taken) and is killed before it sends: nothing else happens
        Instant now = Instant.now();
        jdbc.sql("""
                INSERT INTO notification_delivery (notice_id, subscription_id, channel, target, status, attempts,
                    next_attempt_at, last_attempt_at, created_at)
                VALUES (?, ?, 'WEBHOOK', ?, 'PENDING', 1, ?, ?, ?)""")
                .param(notice).param(id).param(receiver.url("/crash"))
                .param(now.plusSeconds(2).atOffset(java.time.ZoneOffset.UTC)).param(now.atOffset(java.time.ZoneOffset.UTC))
                .param(now.atOffset(java.time.ZoneOffset.UTC)).update();
        assertThat(worker.deliverDue()).as("leased to the dead node").isZero();
        await().atMost(Duration.ofSeconds(20)).until(() -> deliveries(id, "SENT") == 1);
        assertThat(receiver.received()).hasSize(1);
        assertThat(jdbc.sql("SELECT attempts FROM notification_delivery WHERE subscription_id = ?").param(id)
                .query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void twoNodesClaimingAtOnceNeverGetTheSameRow() throws Exception {
        long id = subscribe("""
                {"channel": "WEBHOOK", "target": "%s", "topics": "claim.test", "enabled": false}"""
                .formatted(receiver.url("/claim"))).get("subscription").get("id").asLong();
        Instant later = Instant.now().plus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS); // not due for the pollers
        for (int i = 0; i < 6; i++) {
            jdbc.sql("""
                    INSERT INTO notification_notice (notice_key, topic, urgency, subject, body, audience, tags, received_at)
                    VALUES (?, 'claim.test', 'INFO', 'Claim test', '', ',', '{}', CURRENT_TIMESTAMP)""")
                    .param("claim:" + unique()).update();
            long notice = jdbc.sql("SELECT MAX(id) FROM notification_notice").query(Long.class).single();
            jdbc.sql("""
                    INSERT INTO notification_delivery (notice_id, subscription_id, channel, target, status, attempts,
                        next_attempt_at, created_at) VALUES (?, ?, 'WEBHOOK', 'x', 'PENDING', 0, ?, CURRENT_TIMESTAMP)""")
                    .param(notice).param(id).param(later.atOffset(java.time.ZoneOffset.UTC)).update();
        }
        String claim = "SELECT id FROM notification_delivery WHERE status = 'PENDING' AND next_attempt_at <= ?"
                + " AND subscription_id = ? ORDER BY next_attempt_at, id FETCH FIRST 4 ROWS ONLY FOR UPDATE SKIP LOCKED";
        try (Connection first = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            List<Long> a = ids(first, claim, later, id);
            List<Long> b = ids(second, claim, later, id);
            assertThat(a).hasSize(4);
            assertThat(b).doesNotContainAnyElementsOf(a);
            if (first.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
                assertThat(b).hasSize(2);
            } else {
                // H2 applies FETCH FIRST before skipping locked rows: the second claimer gets nothing
                // until the first commits. Never the same row, which is what counts; H2 is one node anyway.
                assertThat(b).hasSizeLessThanOrEqualTo(2);
            }
            first.rollback();
            second.rollback();
        }
    }

    private static List<Long> ids(Connection connection, String sql, Instant at, long subscription) throws Exception {
        try (var statement = connection.prepareStatement(sql)) {
            statement.setObject(1, at.atOffset(java.time.ZoneOffset.UTC));
            statement.setLong(2, subscription);
            List<Long> ids = new ArrayList<>();
            try (var rs = statement.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        }
    }

    @Test
    void theInboxShowsNoticesToTheAudiencesRolesWithAnUnreadBell() throws Exception {
        String subject = "Early warning for INC-" + unique() + " due in 4 h";
        publish(new Notice("incidents.deadline", Notice.Urgency.WARNING, "incident:" + unique(), subject,
                "Submit the early warning to the CSIRT.", "/incidents/1", Set.of(Role.COMPLIANCE, Role.MANAGEMENT), Map.of()));
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("SELECT COUNT(*) FROM notification_notice WHERE subject = ?")
                .param(subject).query(Long.class).single() == 1);
        long noticeId = jdbc.sql("SELECT id FROM notification_notice WHERE subject = ?").param(subject).query(Long.class).single();

        mvc.perform(get("/notifications").with(signedIn(complianceUser))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(subject)))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("class=\"count\"")));
        mvc.perform(api(get("/api/v1/notifications/inbox?unread=true"), compliance)).andExpect(status().isOk())
                .andExpect(jsonPath("$.unread").value(org.hamcrest.Matchers.greaterThanOrEqualTo(1)))
                .andExpect(jsonPath("$.entries[?(@.subject == '" + subject + "')]").exists());
        // security is not in the audience: neither sees it nor can mark it
        mvc.perform(get("/notifications").with(signedIn(securityUser))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(subject))));
        mvc.perform(post("/notifications/" + noticeId + "/read").with(signedIn(securityUser)).with(csrf()))
                .andExpect(status().isNotFound());

        mvc.perform(post("/notifications/" + noticeId + "/read").with(signedIn(complianceUser)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(api(get("/api/v1/notifications/inbox?unread=true"), compliance)).andExpect(status().isOk())
                .andExpect(jsonPath("$.entries[?(@.subject == '" + subject + "')]").doesNotExist());
        mvc.perform(api(post("/api/v1/notifications/inbox/read"), compliance)).andExpect(status().isOk());
        mvc.perform(api(get("/api/v1/notifications/inbox"), compliance)).andExpect(status().isOk())
                .andExpect(jsonPath("$.unread").value(0));
    }

    @Test
    void aUserGetsOnlyNoticesForTheirRolesByEmailAndCanSendATest() throws Exception {
        mvc.perform(json(put("/api/v1/notifications/preference"), compliance, """
                {"email": "comp@example.com", "topics": "incidents.*, psirt.*", "minUrgency": "WARNING", "enabled": true}"""))
                .andExpect(status().isOk()).andExpect(jsonPath("$.target").value("comp@example.com"));
        String mine = "For compliance " + unique();
        publish(new Notice("incidents.deadline", Notice.Urgency.CRITICAL, "k:" + unique(), mine, "", null,
                Set.of(Role.COMPLIANCE), Map.of()));
        publish(new Notice("psirt.advisory.published", Notice.Urgency.CRITICAL, "k:" + unique(), "For security only", "", null,
                Set.of(Role.SECURITY), Map.of()));
        publish(new Notice("incidents.deadline", Notice.Urgency.INFO, "k:" + unique(), "Too minor", "", null,
                Set.of(Role.COMPLIANCE), Map.of()));
        MimeMessage[] mail = awaitMail(1);
        Thread.sleep(800);
        assertThat(smtp.getReceivedMessages()).extracting(MimeMessage::getSubject).containsExactly("[Vigil] " + mine);

        mvc.perform(post("/notifications/preference/test").with(signedIn(complianceUser)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        awaitMail(2);
        assertThat(smtp.getReceivedMessages()[1].getSubject()).isEqualTo("[Vigil] Test notice from Vigil");
        mvc.perform(get("/notifications/preference").with(signedIn(complianceUser))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("comp@example.com")));
        assertThat(mail).isNotEmpty();
    }

    @Test
    void administratorsManageSubscriptionsOnThePageWithATestButtonAndEveryChangeIsAudited() throws Exception {
        CurrentUser adminUser = user(Role.ADMIN);
        mvc.perform(post("/admin/notifications/subscriptions").with(signedIn(adminUser)).with(csrf())
                        .param("channel", "EMAIL").param("target", "ops@example.net").param("topics", "psirt.*")
                        .param("minUrgency", "INFO").param("tagFilter", "product=cam-x"))
                .andExpect(status().is3xxRedirection());
        long id = jdbc.sql("SELECT id FROM notification_subscription WHERE target = 'ops@example.net' ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")
                .query(Long.class).single();
        mvc.perform(get("/admin/notifications").with(signedIn(adminUser))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("ops@example.net")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("product=cam-x")));
        mvc.perform(post("/admin/notifications/subscriptions/" + id + "/test").with(signedIn(adminUser)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        MimeMessage[] mail = awaitMail(1);
        assertThat(mail[0].getSubject()).isEqualTo("[Vigil] Test notice from Vigil");
        assertThat(mail[0].getAllRecipients()[0].toString()).isEqualTo("ops@example.net");

        mvc.perform(json(put("/api/v1/notifications/subscriptions/" + id), admin, """
                {"target": "ops2@example.net", "topics": "psirt.advisory.published", "minUrgency": "CRITICAL", "enabled": false}"""))
                .andExpect(status().isOk()).andExpect(jsonPath("$.minUrgency").value("CRITICAL"))
                .andExpect(jsonPath("$.enabled").value(false)).andExpect(jsonPath("$.tagFilter").isEmpty());
        mvc.perform(post("/admin/notifications/subscriptions/" + id + "/delete").with(signedIn(adminUser)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(api(get("/api/v1/notifications/subscriptions/" + id), admin)).andExpect(status().isNotFound());

        auditIntegrity.chainPending();
        List<String> actions = jdbc.sql("SELECT action FROM audit_entry WHERE object_type = 'notification-subscription' "
                + "AND object_id = ? ORDER BY seq").param(String.valueOf(id)).query(String.class).list();
        assertThat(actions).containsExactly("notifications.subscription.create", "notifications.subscription.test",
                "notifications.subscription.update", "notifications.subscription.delete");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'notifications.settings.mail'")
                .query(Long.class).single()).isPositive();
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndChangesNothing() throws Exception {
        long before = jdbc.sql("SELECT COUNT(*) FROM notification_subscription").query(Long.class).single();
        for (String[] bad : new String[][]{
                {"{\"channel\": \"SMS\", \"target\": \"x\", \"topics\": \"a\"}", "channel"},
                {"{\"channel\": \"EMAIL\", \"target\": \"not an address\", \"topics\": \"a\"}", "target"},
                {"{\"channel\": \"WEBHOOK\", \"target\": \"ftp://example.com/x\", \"topics\": \"a\"}", "target"},
                {"{\"channel\": \"WEBHOOK\", \"target\": \"https://user:pw@example.com/x\", \"topics\": \"a\"}", "target"},
                {"{\"channel\": \"EMAIL\", \"target\": \"a@example.com\", \"topics\": \"Psirt.*.x\"}", "topics"},
                {"{\"channel\": \"EMAIL\", \"target\": \"a@example.com\", \"topics\": \"psirt.*\", \"minUrgency\": \"LOUD\"}", "minUrgency"},
                {"{\"channel\": \"EMAIL\", \"target\": \"a@example.com\", \"topics\": \"psirt.*\", \"tagFilter\": \"product\"}", "tagFilter"}}) {
            mvc.perform(json(post("/api/v1/notifications/subscriptions"), admin, bad[0]))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.field").value(bad[1]));
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notification_subscription").query(Long.class).single()).isEqualTo(before);
        mvc.perform(json(put("/api/v1/notifications/settings/mail"), admin, "{\"host\": \"smtp.example.com\", \"port\": 70000}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("port"));
        // a non-admin cannot subscribe anyone
        mvc.perform(json(post("/api/v1/notifications/subscriptions"), compliance,
                "{\"channel\": \"EMAIL\", \"target\": \"a@example.com\", \"topics\": \"*\"}")).andExpect(status().isForbidden());
    }

    @Test
    void withStartTlsRequiredNothingGoesToAServerWithoutTrustedTls() throws Exception {
        // the default security: a server that offers no STARTTLS, or a certificate the JDK does not trust, gets nothing
        mvc.perform(json(put("/api/v1/notifications/settings/mail"), admin, """
                {"host": "127.0.0.1", "port": %d, "fromAddress": "vigil@example.com"}""".formatted(smtp.getSmtp().getPort())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.security").value("STARTTLS"));
        long id = subscribe("""
                {"channel": "EMAIL", "target": "tls@example.com", "topics": "tls.test"}""").get("subscription").get("id").asLong();
        publish(new Notice("tls.test", Notice.Urgency.INFO, "tls:" + unique(), "Must not travel in the clear", "", null,
                Set.of(), Map.of()));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM notification_delivery WHERE subscription_id = ? AND last_error IS NOT NULL")
                .param(id).query(Long.class).single() == 1);
        assertThat(jdbc.sql("SELECT last_error FROM notification_delivery WHERE subscription_id = ?").param(id)
                .query(String.class).single()).contains("SMTP 127.0.0.1").containsIgnoringCase("STARTTLS");
        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(deliveries(id, "SENT")).isZero();
    }
}
