package eu.vigil.compliance;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A gap turned into an action: an applicable requirement rated below the assessment's target.
 *
 * @param priority HIGH, MEDIUM or LOW (see {@code ActionPlan} for the rule)
 * @param status   OPEN, or DONE once the requirement reaches the target
 */
public record PlannedAction(long id, long assessmentId, String requirementId, String requirementTitle,
                            String priority, String owner, LocalDate dueDate, String status, Instant openedAt,
                            Instant closedAt) {

    public boolean overdueOn(LocalDate day) {
        return "OPEN".equals(status) && dueDate != null && dueDate.isBefore(day);
    }
}
