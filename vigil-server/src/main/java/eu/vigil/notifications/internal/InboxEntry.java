package eu.vigil.notifications.internal;

import java.time.Instant;

import eu.vigil.notifications.Notice;

/** A notice as one user's inbox shows it. */
public record InboxEntry(long id, String topic, Notice.Urgency urgency, String subject, String body, String link,
                         Instant receivedAt, boolean read) {
}
