package eu.vigil.backup;

import java.time.Duration;
import java.time.Instant;

/**
 * How the scheduled backups stand, for pages outside the backup module (the continuity page).
 *
 * @param latest       the newest archive in the backup folder, or {@code null} when there is none
 * @param verification whether that archive was checked, and how it came out
 * @param checkedAt    when it was checked, or {@code null}
 * @param problem      what a failed check found, or {@code null}
 * @param nextRun      when the schedule runs next, or {@code null} when scheduled jobs are off on this node
 * @param maxAge       how old the newest archive may be while the schedule keeps up (one interval of
 *                     the schedule plus an hour's grace), or {@code null} when unknown
 * @param now          the moment this was computed for
 */
public record BackupStatus(BackupFolder.Archive latest, Verification verification, Instant checkedAt, String problem,
                           Instant nextRun, Duration maxAge, Instant now) {

    public enum Verification { VERIFIED, FAILED, NOT_CHECKED }

    /** The newest archive's age, or {@code null} when there is none. */
    public Duration age() {
        return latest == null ? null : Duration.between(latest.modified(), now);
    }

    /** Whether the newest archive is older than the schedule allows (or there is none at all). */
    public boolean stale() {
        return latest == null || (maxAge != null && age().compareTo(maxAge) > 0);
    }
}
