package eu.vigil.compliance;

import java.time.Instant;
import java.time.LocalDate;

/**
 * How one requirement stands in an assessment.
 *
 * @param requirementId the catalogue requirement
 * @param applicable    whether it applies; when not, {@code justification} says why
 * @param maturity      0–3, or {@code null} while not rated
 */
public record RequirementResult(String requirementId, boolean applicable, String justification,
                                ImplementationStatus status, Integer maturity, String owner, LocalDate dueDate,
                                String notes, String updatedBy, Instant updatedAt) {

    public static RequirementResult unrated(String requirementId) {
        return new RequirementResult(requirementId, true, null, ImplementationStatus.NOT_STARTED, null, null, null,
                null, null, null);
    }

    public boolean rated() {
        return !applicable || maturity != null;
    }
}
