package eu.vigil.notifications.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import eu.vigil.audit.AuditEvent;
import eu.vigil.audit.AuditTrail;
import eu.vigil.keys.Encryption;
import eu.vigil.notifications.Notice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works the outbox on every node: claims due deliveries (see {@link Deliveries}), sends each over
 * its channel outside any transaction, and records the outcome: sent, or the error and the next
 * attempt after an exponential backoff, until {@code max-attempts} gives it up. A node killed
 * while sending leaves its claimed rows to be taken again when their lease runs out: a notice
 * may then arrive twice (receivers deduplicate on {@code X-Vigil-Delivery}), never not at all.
 */
@Component
public class DeliveryWorker {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final Deliveries deliveries;
    private final Notices notices;
    private final Subscriptions subscriptions;
    private final MailChannel mail;
    private final WebhookChannel webhooks;
    private final Encryption encryption;
    private final AuditTrail audit;
    private final NotificationSettings settings;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DeliveryWorker(Deliveries deliveries, Notices notices, Subscriptions subscriptions, MailChannel mail,
                   WebhookChannel webhooks, Encryption encryption, AuditTrail audit, NotificationSettings settings,
                   TransactionTemplate transactions, Clock clock) {
        this.deliveries = deliveries;
        this.notices = notices;
        this.subscriptions = subscriptions;
        this.mail = mail;
        this.webhooks = webhooks;
        this.encryption = encryption;
        this.audit = audit;
        this.settings = settings;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Delivers everything due now, batch after batch; returns how many deliveries were attempted. */
    public int deliverDue() {
        int attempted = 0;
        while (true) {
            List<Long> claimed = claim();
            if (claimed.isEmpty()) {
                return attempted;
            }
            for (long id : claimed) {
                deliver(id);
                attempted++;
            }
        }
    }

    private final AtomicBoolean nudged = new AtomicBoolean();

    /** Delivers what is due soon, on a background thread; nudges while one waits to start are merged. */
    void nudge() {
        if (nudged.compareAndSet(false, true)) {
            Thread.ofVirtual().name("notification-delivery").start(() -> {
                nudged.set(false);
                deliverDueQuietly();
            });
        }
    }

    void deliverDueQuietly() {
        try {
            deliverDue();
        } catch (RuntimeException e) {
            log.warn("Delivering notifications failed; the next poll tries again: {}", e.getMessage());
        }
    }

    /** Claims up to one batch of due deliveries in one short transaction. */
    List<Long> claim() {
        Instant now = clock.instant();
        Instant until = now.plus(settings.lease());
        return transactions.execute(status -> {
            List<Long> taken = new ArrayList<>();
            for (long id : deliveries.lockDue(now, settings.batchSize())) {
                if (deliveries.lease(id, now, until)) {
                    taken.add(id);
                }
            }
            return taken;
        });
    }

    private void deliver(long id) {
        Delivery delivery = deliveries.find(id).orElseThrow();
        String error;
        try {
            Notice notice = notices.find(delivery.noticeId()).orElseThrow();
            Optional<Subscription> subscription = subscriptions.find(delivery.subscriptionId());
            if (subscription.isEmpty()) {
                finish(delivery, "The subscription was deleted.", true);
                return;
            }
            if (!subscription.get().enabled()) {
                // paused: not sent; retry it from the outbox once the subscription is enabled again
                finish(delivery, "The subscription is paused.", true);
                return;
            }
            switch (delivery.channel()) {
                case EMAIL -> mail.send(delivery.target(), notice);
                case WEBHOOK -> webhooks.send(delivery.target(), secret(subscription.get()), id, notice);
            }
            transactions.executeWithoutResult(s -> deliveries.sent(id, clock.instant()));
            return;
        } catch (DeliveryFailed e) {
            error = e.getMessage();
        } catch (RuntimeException e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        finish(delivery, error, delivery.attempts() >= settings.maxAttempts());
    }

    private void finish(Delivery delivery, String error, boolean giveUp) {
        Instant next = clock.instant().plus(settings.backoff(delivery.attempts()));
        transactions.executeWithoutResult(s -> {
            deliveries.failed(delivery.id(), error, next, giveUp);
            if (giveUp) {
                audit.record(AuditEvent.of("notifications.delivery.failed").object("notification-delivery", delivery.id())
                        .actor("system").failed().detail("channel", delivery.channel())
                        .detail("attempts", delivery.attempts()).detail("error", error));
            }
        });
        log.info("Delivery {} ({} to subscription {}) failed, attempt {}: {}{}", delivery.id(), delivery.channel(),
                delivery.subscriptionId(), delivery.attempts(), error, giveUp ? " (given up)" : "");
    }

    private String secret(Subscription subscription) {
        String sealed = subscriptions.sealedSecret(subscription.id())
                .orElseThrow(() -> new DeliveryFailed("The webhook has no secret."));
        return encryption.decrypt(NotificationCenter.SECRET_PURPOSE, String.valueOf(subscription.id()), sealed);
    }
}
