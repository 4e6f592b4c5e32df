package eu.vigil.incidents;

import java.time.Instant;

/**
 * A report on an incident was submitted to its recipient and frozen.
 *
 * @param incidentId  the incident's id
 * @param reportId    the report's id
 * @param stage       the report stage ({@code EARLY_WARNING}, {@code INCIDENT_NOTIFICATION} ...)
 * @param version     the report's version (above 1 when it supersedes an earlier submission)
 * @param submittedAt when it was submitted
 */
public record IncidentReportSubmitted(long incidentId, long reportId, String stage, int version, Instant submittedAt) {
}
