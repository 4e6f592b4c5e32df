package eu.vigil.compliance;

import java.time.LocalDate;

/** Evidence that is expired or due: one line of the evidence to-do list. */
public record EvidenceTodo(long assessmentId, String assessmentTitle, String requirementId, String requirementTitle,
                           EvidenceState state, LocalDate since) {
}
