package eu.vigil.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import eu.vigil.identity.Role;
import eu.vigil.notifications.Notice;
import org.junit.jupiter.api.Test;

/** Which subscription wants which notice, the backoff, and the webhook signature, without a database. */
class SubscriptionRulesTests {

    private static Subscription subscription(String topics, Notice.Urgency min, String tags, Long owner, Set<Role> roles) {
        return new Subscription(1, Channel.EMAIL, "a@example.com", null, Topics.parse(topics), min, TagFilter.parse(tags),
                false, owner, roles, true, Instant.EPOCH, "t", Instant.EPOCH, "t");
    }

    private static Notice notice(String topic, Notice.Urgency urgency, Set<Role> audience, Map<String, String> tags) {
        return new Notice(topic, urgency, "k", "s", "b", null, audience, tags);
    }

    @Test
    void topicPatternsMatchExactlyOrByPrefixWithATrailingStar() {
        assertThat(Topics.matches(Topics.parse("psirt.*"), "psirt.advisory.published")).isTrue();
        assertThat(Topics.matches(Topics.parse("psirt.*"), "psirtx")).isFalse();
        assertThat(Topics.matches(Topics.parse("incidents.deadline, sbom.finding"), "sbom.finding")).isTrue();
        assertThat(Topics.matches(Topics.parse("*"), "anything.at.all")).isTrue();
        assertThat(Topics.matches(Topics.parse("psirt.advisory"), "psirt.advisory.published")).isFalse();
        assertThatThrownBy(() -> Topics.parse("psirt.*.x")).isInstanceOf(InvalidNotificationInput.class);
        assertThatThrownBy(() -> Topics.parse(" , ")).isInstanceOf(InvalidNotificationInput.class);
    }

    @Test
    void aSubscriptionWantsNoticesOfItsTopicsUrgencyAndTags() {
        Subscription customer = subscription("psirt.advisory.published", Notice.Urgency.WARNING, "product=cam-x", null, Set.of());
        assertThat(customer.wants(notice("psirt.advisory.published", Notice.Urgency.CRITICAL, Set.of(),
                Map.of("product", "cam-x", "release", "2.4")))).isTrue();
        assertThat(customer.wants(notice("psirt.advisory.published", Notice.Urgency.CRITICAL, Set.of(),
                Map.of("product", "cam-y")))).isFalse();
        assertThat(customer.wants(notice("psirt.advisory.published", Notice.Urgency.INFO, Set.of(),
                Map.of("product", "cam-x")))).isFalse();
        assertThat(customer.wants(notice("sbom.finding", Notice.Urgency.CRITICAL, Set.of(), Map.of("product", "cam-x")))).isFalse();
    }

    @Test
    void aUsersOwnSubscriptionGetsOnlyNoticesAddressedToTheirRoles() {
        Subscription own = subscription("*", Notice.Urgency.INFO, "", 7L, Set.of(Role.COMPLIANCE));
        assertThat(own.wants(notice("incidents.deadline", Notice.Urgency.INFO, Set.of(Role.COMPLIANCE, Role.MANAGEMENT), Map.of())))
                .isTrue();
        assertThat(own.wants(notice("sbom.finding", Notice.Urgency.INFO, Set.of(Role.SECURITY), Map.of()))).isFalse();
        assertThat(own.wants(notice("psirt.advisory.published", Notice.Urgency.INFO, Set.of(), Map.of()))).isFalse();
    }

    @Test
    void backoffDoublesUpToTheLongestWait() {
        NotificationSettings settings = new NotificationSettings(Duration.ofSeconds(5), 20, Duration.ofMinutes(5),
                Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofHours(1), 10, false, "");
        assertThat(List.of(settings.backoff(1), settings.backoff(2), settings.backoff(3), settings.backoff(8), settings.backoff(30)))
                .containsExactly(Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofHours(1),
                        Duration.ofHours(1));
        assertThat(settings.absolute("/incidents/4")).isEqualTo("/incidents/4");
    }

    @Test
    void theSignatureIsTheHexHmacSha256OfTheBody() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
        byte[] body = "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII);
        String expected = "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
        assertThat(WebhookSignature.sign("Jefe", body)).isEqualTo(expected);
        assertThat(WebhookSignature.verify("Jefe", body, expected)).isTrue();
        assertThat(WebhookSignature.verify("Jefe", "what do ya want for nothing!".getBytes(StandardCharsets.US_ASCII), expected))
                .isFalse();
        assertThat(WebhookSignature.newSecret()).startsWith("vwhsec_").hasSize(7 + 43).isNotEqualTo(WebhookSignature.newSecret());
    }

    @Test
    void longKeysKeepTheirIdentity() {
        String a = "k".repeat(400) + "a";
        String b = "k".repeat(400) + "b";
        assertThat(Notices.storedKey(a)).hasSizeLessThanOrEqualTo(300).isNotEqualTo(Notices.storedKey(b));
        assertThat(Notices.storedKey("incident:1:early-warning:overdue")).isEqualTo("incident:1:early-warning:overdue");
    }
}
