package eu.vigil.notifications.internal;

import java.time.Instant;

/**
 * One notice to one subscription, as the outbox holds it.
 *
 * @param status   {@code PENDING} (to be tried, or being tried under a lease), {@code SENT}, or
 *                 {@code FAILED} (given up after the last attempt)
 * @param attempts attempts started so far
 */
public record Delivery(long id, long noticeId, long subscriptionId, Channel channel, String target, String status,
                       int attempts, Instant nextAttemptAt, Instant lastAttemptAt, String lastError, Instant sentAt,
                       Instant createdAt, String subject, String topic) {
}
