package eu.vigil.core.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One report's deadline.
 *
 * @param stage       the report
 * @param due         when it is due, in UTC; {@code null} while it cannot be known (see {@link DeadlineStatus#PENDING})
 * @param basis       what {@code due} is counted from
 * @param submittedAt when the report was first submitted, or {@code null}
 */
public record Deadline(ReportStage stage, Instant due, DeadlineBasis basis, Instant submittedAt) {

    public Deadline {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(basis, "basis");
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

    /** Time left until {@code due} (negative when overdue), or {@code null} when there is no due time. */
    public Duration remaining(Instant now) {
        return due == null ? null : Duration.between(now, due);
    }

    /** Whether the deadline still asks for something: open, overdue or pending. */
    public boolean outstanding() {
        return submittedAt == null;
    }
}
