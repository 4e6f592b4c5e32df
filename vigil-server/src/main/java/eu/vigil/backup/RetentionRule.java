package eu.vigil.backup;

import java.time.Duration;
import java.time.Instant;

/**
 * A kind of data that is deleted when it is older than its retention period. Modules declare
 * their rules as beans; the period is {@code vigil.retention.<dataType>} (an ISO-8601 duration,
 * e.g. {@code P365D}) or the rule's default. Every deletion is recorded in the audit trail.
 */
public interface RetentionRule {

    /** A short, stable name: {@code backups}, {@code incidents.closed}. */
    String dataType();

    Duration defaultPeriod();

    /** Deletes what is older than {@code cutoff}; returns how many items it deleted. */
    long deleteOlderThan(Instant cutoff);
}
