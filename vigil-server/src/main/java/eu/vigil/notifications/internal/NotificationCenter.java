package eu.vigil.notifications.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import eu.vigil.audit.AuditEvent;
import eu.vigil.audit.AuditTrail;
import eu.vigil.identity.CurrentUser;
import eu.vigil.keys.Encryption;
import eu.vigil.notifications.Notice;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The notifications module's facade: takes notices in (once per key) and queues a delivery for
 * every subscription that wants one, keeps subscriptions, users' own e-mail preferences and the
 * SMTP settings, and serves the inbox. Every change is audited; input rules are checked here so
 * the API and the pages answer the same.
 */
@Service
@Transactional
public class NotificationCenter {

    static final String SECRET_PURPOSE = "notifications.webhook-secret";
    public static final String TEST_TOPIC = "notifications.test";

    private final Notices notices;
    private final Subscriptions subscriptions;
    private final Deliveries deliveries;
    private final MailSettingsStore mail;
    private final Encryption encryption;
    private final AuditTrail audit;
    private final NotificationSettings settings;
    private final DeliveryWorker worker;
    private final Clock clock;

    NotificationCenter(Notices notices, Subscriptions subscriptions, Deliveries deliveries, MailSettingsStore mail,
                       Encryption encryption, AuditTrail audit, NotificationSettings settings, DeliveryWorker worker,
                       Clock clock) {
        this.notices = notices;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.mail = mail;
        this.encryption = encryption;
        this.audit = audit;
        this.settings = settings;
        this.worker = worker;
        this.clock = clock;
    }

    /** A subscription as made: the webhook secret is here once and never again. */
    public record Created(Subscription subscription, String secret) {
    }

    /** What a person fills in for a subscription. */
    public record Form(String channel, String target, String label, String topics, String minUrgency, String tagFilter,
                       Boolean enabled) {
    }

    // ---- intake -----------------------------------------------------------------------------

    /**
     * Takes a notice in: stored once per key (a repeat is ignored, also when two nodes race), and a
     * delivery queued for every enabled subscription that wants it. Returns whether it was new.
     */
    public boolean accept(Notice notice) {
        Instant now = clock.instant();
        Optional<Long> id = notices.insertOnce(notice, now);
        if (id.isEmpty()) {
            return false;
        }
        for (Subscription s : subscriptions.enabled()) {
            if (s.wants(notice)) {
                deliveries.insert(id.get(), s, now);
            }
        }
        deliverSoon();
        return true;
    }

    // ---- subscriptions (administrators) -------------------------------------------------------

    @Transactional(readOnly = true)
    public List<Subscription> subscriptions() {
        return subscriptions.shared();
    }

    @Transactional(readOnly = true)
    public Subscription subscription(long id) {
        return subscriptions.find(id).filter(s -> s.ownerUserId() == null)
                .orElseThrow(() -> new UnknownSubscription("subscription", id));
    }

    public Created create(Form form, CurrentUser user) {
        Subscriptions.Fields fields = check(form, null);
        Instant now = clock.instant();
        long id = subscriptions.insert(fields, null, null, now, user.username());
        String secret = null;
        if (fields.channel() == Channel.WEBHOOK) {
            secret = WebhookSignature.newSecret();
            subscriptions.saveSecret(id, encryption.encrypt(SECRET_PURPOSE, String.valueOf(id), secret));
        }
        audit.record(AuditEvent.of("notifications.subscription.create").object("notification-subscription", id)
                .detail("channel", fields.channel()).detail("target", auditable(fields)).detail("topics", String.join(",", fields.topics()))
                .detail("minUrgency", fields.minUrgency()).detail("tagFilter", TagFilter.format(fields.tagFilter())));
        return new Created(subscriptions.find(id).orElseThrow(), secret);
    }

    public Subscription update(long id, Form form, CurrentUser user) {
        Subscription before = subscription(id);
        Subscriptions.Fields fields = check(form, before.channel());
        subscriptions.update(id, fields, null, clock.instant(), user.username());
        audit.record(AuditEvent.of("notifications.subscription.update").object("notification-subscription", id)
                .detail("target", auditable(fields)).detail("topics", String.join(",", fields.topics()))
                .detail("minUrgency", fields.minUrgency()).detail("tagFilter", TagFilter.format(fields.tagFilter()))
                .detail("enabled", fields.enabled()));
        return subscriptions.find(id).orElseThrow();
    }

    public void delete(long id, CurrentUser user) {
        Subscription s = subscription(id);
        deliveries.dropPending(id);
        subscriptions.delete(id);
        audit.record(AuditEvent.of("notifications.subscription.delete").object("notification-subscription", id)
                .detail("channel", s.channel()).detail("target", auditable(s.channel(), s.target())));
    }

    /** Queues a test notice to one subscription (shared, or the caller's own), through the same outbox. */
    public long sendTest(long id, CurrentUser user) {
        Subscription s = subscriptions.find(id)
                .filter(x -> x.ownerUserId() == null || x.ownerUserId() == user.id())
                .orElseThrow(() -> new UnknownSubscription("subscription", id));
        Instant now = clock.instant();
        Notice test = new Notice(TEST_TOPIC, s.minUrgency(), "test:" + id + ":" + UUID.randomUUID(),
                "Test notice from Vigil", "This is a test of the " + s.channel().name().toLowerCase(Locale.ROOT)
                + " subscription '" + (s.label() == null ? s.target() : s.label()) + "', sent by " + user.displayName()
                + ". Nothing needs doing.", "/notifications", Set.of(), Map.of());
        long noticeId = notices.insertOnce(test, now).orElseThrow();
        deliveries.insert(noticeId, s, now);
        audit.record(AuditEvent.of("notifications.subscription.test").object("notification-subscription", id));
        deliverSoon();
        return noticeId;
    }

    @Transactional(readOnly = true)
    public List<Delivery> deliveries(String status, int offset, int limit) {
        String s = status == null || status.isBlank() ? null : status.strip().toUpperCase(Locale.ROOT);
        if (s != null && !List.of(Deliveries.PENDING, Deliveries.SENT, Deliveries.FAILED).contains(s)) {
            throw new InvalidNotificationInput("status", "One of PENDING, SENT, FAILED.");
        }
        return deliveries.recent(s, Math.max(0, offset), Math.min(Math.max(limit, 1), 200));
    }

    @Transactional(readOnly = true)
    public List<Delivery> deliveriesOf(long subscriptionId) {
        return deliveries.ofSubscription(subscriptionId);
    }

    /** Starts a failed delivery afresh. */
    public void retry(long deliveryId, CurrentUser user) {
        if (!deliveries.retry(deliveryId, clock.instant())) {
            throw new UnknownSubscription("failed delivery", deliveryId);
        }
        audit.record(AuditEvent.of("notifications.delivery.retry").object("notification-delivery", deliveryId));
        deliverSoon();
    }

    // ---- users' own e-mail --------------------------------------------------------------------

    @Transactional(readOnly = true)
    public Optional<Subscription> preference(CurrentUser user) {
        return subscriptions.ownedBy(user.id());
    }

    /** Topics that reached the user's roles so far, to choose from. */
    @Transactional(readOnly = true)
    public List<String> topicsFor(CurrentUser user) {
        return notices.topicsSeenBy(user.roles());
    }

    /**
     * Saves the user's own e-mail subscription. It receives only notices addressed to one of the
     * user's roles (as held now; saved again, it follows role changes).
     */
    public Subscription savePreference(CurrentUser user, String email, String topics, String minUrgency, Boolean enabled) {
        Subscriptions.Fields fields = check(new Form("EMAIL", email, user.username(), topics, minUrgency, null, enabled),
                Channel.EMAIL);
        Instant now = clock.instant();
        Optional<Subscription> existing = subscriptions.ownedBy(user.id());
        long id;
        if (existing.isPresent()) {
            id = existing.get().id();
            subscriptions.update(id, fields, user.roles(), now, user.username());
        } else {
            id = subscriptions.insert(fields, user.id(), user.roles(), now, user.username());
        }
        audit.record(AuditEvent.of("notifications.preference.save").object("notification-subscription", id)
                .detail("email", fields.target()).detail("topics", String.join(",", fields.topics()))
                .detail("minUrgency", fields.minUrgency()).detail("enabled", fields.enabled()));
        return subscriptions.find(id).orElseThrow();
    }

    // ---- inbox --------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<InboxEntry> inbox(CurrentUser user, boolean unreadOnly, int offset, int limit) {
        return notices.inbox(user.id(), user.roles(), unreadOnly, Math.max(0, offset), Math.min(Math.max(limit, 1), 200));
    }

    @Transactional(readOnly = true)
    public long inboxSize(CurrentUser user, boolean unreadOnly) {
        return notices.count(user.id(), user.roles(), unreadOnly);
    }

    public void markRead(long noticeId, CurrentUser user) {
        if (!notices.visible(noticeId, user.roles())) {
            throw new UnknownSubscription("notice", noticeId);
        }
        notices.markRead(noticeId, user.id(), clock.instant());
    }

    public int markAllRead(CurrentUser user) {
        return notices.markAllRead(user.id(), user.roles(), clock.instant());
    }

    // ---- SMTP settings ------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public MailSettings mailSettings() {
        return mail.load();
    }

    /** @param password a new password, {@code ""} to remove it, {@code null} or blank to keep the stored one */
    public MailSettings saveMailSettings(String host, Integer port, String security, String username, String password,
                                         boolean clearPassword, String from, CurrentUser user) {
        String h = trimmed(host);
        if (h != null && (h.length() > 255 || !h.matches("[A-Za-z0-9.:\\[\\]-]+"))) {
            throw new InvalidNotificationInput("host", "Give the SMTP server's host name or address.");
        }
        int p = port == null ? 587 : port;
        if (p < 1 || p > 65535) {
            throw new InvalidNotificationInput("port", "A port from 1 to 65535.");
        }
        MailSettings.Security sec;
        try {
            sec = security == null || security.isBlank() ? MailSettings.Security.STARTTLS
                    : MailSettings.Security.valueOf(security.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidNotificationInput("security", "One of " + Arrays.toString(MailSettings.Security.values()) + ".");
        }
        if (sec == MailSettings.Security.NONE && !settings.allowPlainTransport()) {
            throw new InvalidNotificationInput("security", "SMTP without TLS is off (vigil.notifications.allow-plain-transport); "
                    + "use STARTTLS or TLS.");
        }
        String u = trimmed(username);
        if (u != null && u.length() > 255) {
            throw new InvalidNotificationInput("username", "At most 255 characters.");
        }
        String f = trimmed(from);
        if (f != null) {
            f = address("from", f);
        }
        if (password != null && password.length() > 500) {
            throw new InvalidNotificationInput("password", "At most 500 characters.");
        }
        String newPassword = clearPassword ? "" : password == null || password.isEmpty() ? null : password;
        mail.save(h, p, sec, u, newPassword, f, clock.instant(), user.username());
        audit.record(AuditEvent.of("notifications.settings.mail").object("notification-settings", "smtp")
                .detail("host", h).detail("port", p).detail("security", sec).detail("username", u).detail("from", f)
                .detail("password", clearPassword ? "removed" : newPassword == null ? "kept" : "changed"));
        return mail.load();
    }

    // ---- checks -------------------------------------------------------------------------------

    private Subscriptions.Fields check(Form form, Channel fixed) {
        if (form == null) {
            throw new InvalidNotificationInput("channel", "Give the subscription.");
        }
        Channel channel;
        if (fixed != null) {
            channel = fixed;
            if (form.channel() != null && !form.channel().isBlank() && !form.channel().strip().equalsIgnoreCase(fixed.name())) {
                throw new InvalidNotificationInput("channel", "A subscription's channel cannot change; make a new one.");
            }
        } else {
            try {
                channel = Channel.valueOf(form.channel() == null ? "" : form.channel().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidNotificationInput("channel", "One of EMAIL, WEBHOOK.");
            }
        }
        String target = trimmed(form.target());
        if (target == null) {
            throw new InvalidNotificationInput("target", channel == Channel.EMAIL ? "Give the e-mail address."
                    : "Give the webhook's URL.");
        }
        target = channel == Channel.EMAIL ? address("target", target) : webhookUrl(target);
        String label = trimmed(form.label());
        if (label != null && label.length() > 200) {
            throw new InvalidNotificationInput("label", "At most 200 characters.");
        }
        List<String> topics = Topics.parse(form.topics());
        if (String.join(",", topics).length() > 1000) {
            throw new InvalidNotificationInput("topics", "At most 1000 characters.");
        }
        Notice.Urgency urgency;
        try {
            urgency = form.minUrgency() == null || form.minUrgency().isBlank() ? Notice.Urgency.INFO
                    : Notice.Urgency.valueOf(form.minUrgency().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidNotificationInput("minUrgency", "One of INFO, WARNING, CRITICAL.");
        }
        Map<String, String> tags = TagFilter.parse(form.tagFilter());
        if (TagFilter.format(tags).length() > 1000) {
            throw new InvalidNotificationInput("tagFilter", "At most 1000 characters.");
        }
        return new Subscriptions.Fields(channel, target, label, topics, urgency, tags, form.enabled() == null || form.enabled());
    }

    private static String address(String field, String value) {
        if (value.length() > 254) {
            throw new InvalidNotificationInput(field, "An e-mail address has at most 254 characters.");
        }
        try {
            InternetAddress address = new InternetAddress(value, true);
            address.validate();
            if (!address.getAddress().equals(value) || !value.contains("@")) {
                throw new AddressException("not a bare address");
            }
            return value;
        } catch (AddressException e) {
            throw new InvalidNotificationInput(field, "'" + value + "' is not an e-mail address such as psirt@example.com.");
        }
    }

    private String webhookUrl(String value) {
        if (value.length() > 2000) {
            throw new InvalidNotificationInput("target", "At most 2000 characters.");
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new InvalidNotificationInput("target", "Not a URL: " + e.getReason() + ".");
        }
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        boolean http = "http".equalsIgnoreCase(uri.getScheme());
        if (!https && !(http && settings.allowPlainTransport())) {
            throw new InvalidNotificationInput("target", http
                    ? "Webhooks must use https:// (plain http is allowed only with vigil.notifications.allow-plain-transport)."
                    : "Give an https:// URL.");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new InvalidNotificationInput("target", "The URL names no host.");
        }
        if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw new InvalidNotificationInput("target", "No user name, password or #fragment in the URL.");
        }
        return value;
    }

    private static String auditable(Subscriptions.Fields fields) {
        return auditable(fields.channel(), fields.target());
    }

    /** A webhook URL's path and query may carry a token of the receiver's: the trail keeps its origin only. */
    private static String auditable(Channel channel, String target) {
        if (channel == Channel.EMAIL) {
            return target;
        }
        URI uri = URI.create(target);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + "/…";
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Delivers right after this transaction commits, rather than at the next poll. */
    private void deliverSoon() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    worker.nudge();
                }
            });
        }
    }
}
