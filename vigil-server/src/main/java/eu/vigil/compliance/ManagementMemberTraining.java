package eu.vigil.compliance;

import java.time.LocalDate;

/**
 * Where one member of the management body stands with cybersecurity training.
 *
 * @param lastSession the most recent session attended, or {@code null} when none is recorded
 * @param current     whether that session lies within the required period before {@code asOf}
 * @param dueBy       the day the next training is due (last session plus the period), or {@code null} when none
 */
public record ManagementMemberTraining(String username, String displayName, boolean enabled,
                                       TrainingSession lastSession, boolean current, LocalDate dueBy) {
}
