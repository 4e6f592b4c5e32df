package eu.vigil.core.cra;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import eu.vigil.core.incident.DeadlineStatus;

/**
 * One CRA report's deadline.
 *
 * @param due         when it is due, in UTC; {@code null} while it cannot be known (the final report
 *                    before a corrective measure is available)
 * @param submittedAt when the report was submitted, or {@code null}
 */
public record CraDeadline(CraStage stage, Instant due, Instant submittedAt) {

    public CraDeadline {
        Objects.requireNonNull(stage, "stage");
    }

    public DeadlineStatus status(Instant now) {
        if (submittedAt != null) {
            return due == null || !submittedAt.isAfter(due) ? DeadlineStatus.MET : DeadlineStatus.MET_LATE;
        }
        if (due == null) {
            return DeadlineStatus.PENDING;
        }
        return now.isAfter(due) ? DeadlineStatus.OVERDUE : DeadlineStatus.OPEN;
    }

    /** Time left until due (negative when overdue), or {@code null} without a due time. */
    public Duration remaining(Instant now) {
        return due == null ? null : Duration.between(now, due);
    }
}
