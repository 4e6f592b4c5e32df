package eu.vigil.notifications.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import eu.vigil.identity.CurrentUser;
import eu.vigil.notifications.internal.Delivery;
import eu.vigil.notifications.internal.InboxEntry;
import eu.vigil.notifications.internal.InvalidNotificationInput;
import eu.vigil.notifications.internal.MailSettings;
import eu.vigil.notifications.internal.NotificationCenter;
import eu.vigil.notifications.internal.Subscription;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Notifications over the API: one's inbox and e-mail preference; subscriptions, outbox and SMTP for administrators. */
@RestController
@RequestMapping("/api/v1/notifications")
class NotificationApi {

    record SubscriptionRequest(String channel, String target, String label, String topics, String minUrgency,
                               String tagFilter, Boolean enabled) {

        NotificationCenter.Form form() {
            return new NotificationCenter.Form(channel, target, label, topics, minUrgency, tagFilter, enabled);
        }
    }

    record SubscriptionView(long id, String channel, String target, String label, List<String> topics, String minUrgency,
                            Map<String, String> tagFilter, boolean enabled, Instant createdAt, String createdBy,
                            Instant updatedAt, String updatedBy) {

        static SubscriptionView of(Subscription s) {
            return new SubscriptionView(s.id(), s.channel().name(), s.target(), s.label(), s.topics(), s.minUrgency().name(),
                    s.tagFilter(), s.enabled(), s.createdAt(), s.createdBy(), s.updatedAt(), s.updatedBy());
        }
    }

    /** The answer to creating a subscription: for a webhook, its signing secret, shown this once. */
    record CreatedView(SubscriptionView subscription, String secret) {
    }

    record DeliveryView(long id, long subscriptionId, String channel, String target, String topic, String subject,
                        String status, int attempts, Instant nextAttemptAt, Instant lastAttemptAt, String lastError,
                        Instant sentAt, Instant createdAt) {

        static DeliveryView of(Delivery d) {
            return new DeliveryView(d.id(), d.subscriptionId(), d.channel().name(), d.target(), d.topic(), d.subject(),
                    d.status(), d.attempts(), d.nextAttemptAt(), d.lastAttemptAt(), d.lastError(), d.sentAt(), d.createdAt());
        }
    }

    record InboxView(long total, long unread, List<InboxEntry> entries) {
    }

    record PreferenceRequest(String email, String topics, String minUrgency, Boolean enabled) {
    }

    record MailSettingsRequest(String host, Integer port, String security, String username, String password,
                               Boolean clearPassword, String fromAddress) {
    }

    private final NotificationCenter center;

    NotificationApi(NotificationCenter center) {
        this.center = center;
    }

    @GetMapping("/inbox")
    @PreAuthorize(NotificationAccess.SIGNED_IN)
    @Operation(summary = "The caller's notices, newest first (paged)")
    InboxView inbox(@RequestParam(defaultValue = "false") boolean unread, @RequestParam(defaultValue = "0") int offset,
                    @RequestParam(defaultValue = "50") int limit, @AuthenticationPrincipal CurrentUser user) {
        return new InboxView(center.inboxSize(user, false), center.inboxSize(user, true),
                center.inbox(user, unread, offset, limit));
    }

    @PostMapping("/inbox/{id}/read")
    @PreAuthorize(NotificationAccess.SIGNED_IN)
    @Operation(summary = "Mark one of the caller's notices read")
    ResponseEntity<Void> markRead(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
        center.markRead(id, user);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/inbox/read")
    @PreAuthorize(NotificationAccess.SIGNED_IN)
    @Operation(summary = "Mark all the caller's notices read")
    Map<String, Integer> markAllRead(@AuthenticationPrincipal CurrentUser user) {
        return Map.of("marked", center.markAllRead(user));
    }

    @GetMapping("/preference")
    @PreAuthorize(NotificationAccess.SIGNED_IN)
    @Operation(summary = "The caller's own e-mail subscription (404 when none)")
    ResponseEntity<SubscriptionView> preference(@AuthenticationPrincipal CurrentUser user) {
        return ResponseEntity.of(center.preference(user).map(SubscriptionView::of));
    }

    @PutMapping("/preference")
    @PreAuthorize(NotificationAccess.SIGNED_IN)
    @Operation(summary = "Set the caller's own e-mail subscription (only notices addressed to the caller's roles)")
    SubscriptionView savePreference(@RequestBody(required = false) PreferenceRequest r, @AuthenticationPrincipal CurrentUser user) {
        if (r == null) {
            throw new InvalidNotificationInput("body", "Send the preference as JSON: email, topics, minUrgency, enabled.");
        }
        return SubscriptionView.of(center.savePreference(user, r.email(), r.topics(), r.minUrgency(), r.enabled()));
    }

    @GetMapping("/subscriptions")
    @PreAuthorize(NotificationAccess.ADMIN)
    @Operation(summary = "E-mail and webhook subscriptions")
    List<SubscriptionView> subscriptions() {
        return center.subscriptions().stream().map(SubscriptionView::of).toList();
    }

    @PostMapping("/subscriptions")
    @PreAuthorize(NotificationAccess.ADMIN)
    @Operation(summary = "Subscribe an e-mail address or webhook to topics; a webhook's secret is in this answer only")
    ResponseEntity<CreatedView> create(@RequestBody(required = false) SubscriptionRequest r, @AuthenticationPrincipal CurrentUser user) {
        if (r == null) {
            throw new InvalidNotificationInput("body", "Send the subscription as JSON: channel, target, topics.");
        }
        NotificationCenter.Created created = center.create(r.form(), user);
        return ResponseEntity.created(URI.create("/api/v1/notifications/subscriptions/" + created.subscription().id()))
                .body(new CreatedView(SubscriptionView.of(created.subscription()), created.secret()));
    }

    @GetMapping("/subscriptions/{id}")
    @PreAuthorize(NotificationAccess.ADMIN)
    @Operation(summary = "One subscription")
    SubscriptionView subscription(@PathVariable long id) {
        return SubscriptionView.of(center.subscription(id));
    }

    @PutMapping("/subscriptions/{id}")
    @PreAuthorize(NotificationAccess.ADMIN)
    @Operation(summary = "Change a subscription's target, topics, urgency, tag filter or enabled state")
    SubscriptionView update(@PathVariable long id, @RequestBody(required = false) SubscriptionRequest r,
                            @AuthenticationPrincipal CurrentUser user) {
        if (r == null) {
            throw new InvalidNotificationInput("body", "Send the subscription as JSON.");
        }
        return SubscriptionView.of(center.update(id, r.form(), user));
    }

    @DeleteMapping("/subscriptions/{id}")
    @PreAuthorize(NotificationAccess.ADMIN)
    @Operation(summary = "Delete a subscription (its pending deliveries are dropped)")
    ResponseEntity<Void> delete(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
        center.delete(id, user);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/subscriptions/{id}/test")
    @PreAuthorize(NotificationAccess.ADMIN)
    @Operation(summary = "Send a test notice to one subscription through the outbox")
    ResponseEntity<Map<String, Long>> test(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
        center.subscription(id);
        return ResponseEntity.accepted().body(Map.of("notice", center.sendTest(id, user)));
    }

    @GetMapping("/subscriptions/{id}/deliveries")
    @PreAuthorize(NotificationAccess.ADMIN)
    @Operation(summary = "Deliveries to one subscription, with attempts and the last error")
    List<DeliveryView> deliveriesOf(@PathVariable long id) {
        center.subscription(id);
        return center.deliveriesOf(id).stream().map(DeliveryView::of).toList();
    }

    @GetMapping("/deliveries")
    @PreAuthorize(NotificationAccess.ADMIN)
    @Operation(summary = "The outbox, newest first: status PENDING, SENT or FAILED (paged)")
    List<DeliveryView> deliveries(@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int offset,
                                  @RequestParam(defaultValue = "50") int limit) {
        return center.deliveries(status, offset, limit).stream().map(DeliveryView::of).toList();
    }

    @PostMapping("/deliveries/{id}/retry")
    @PreAuthorize(NotificationAccess.ADMIN)
    @Operation(summary = "Start a failed delivery afresh")
    ResponseEntity<Void> retry(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
        center.retry(id, user);
        return ResponseEntity.accepted().build();
    }

    @GetMapping("/settings/mail")
    @PreAuthorize(NotificationAccess.ADMIN)
    @Operation(summary = "The SMTP server settings (never the password)")
    MailSettings mailSettings() {
        return center.mailSettings();
    }

    @PutMapping("/settings/mail")
    @PreAuthorize(NotificationAccess.ADMIN)
    @Operation(summary = "Set the SMTP server: host, port, security (STARTTLS, TLS), username, password, fromAddress")
    MailSettings saveMailSettings(@RequestBody(required = false) MailSettingsRequest r, @AuthenticationPrincipal CurrentUser user) {
        if (r == null) {
            throw new InvalidNotificationInput("body", "Send the settings as JSON.");
        }
        return center.saveMailSettings(r.host(), r.port(), r.security(), r.username(), r.password(),
                Boolean.TRUE.equals(r.clearPassword()), r.fromAddress(), user);
    }
}
