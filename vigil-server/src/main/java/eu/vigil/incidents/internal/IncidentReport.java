package eu.vigil.incidents.internal;

import java.time.Instant;
import java.util.Map;

import eu.vigil.core.incident.ReportStage;

/** One version of one report on an incident. Only a draft can change. */
public record IncidentReport(long id, long incidentId, ReportStage stage, int version, Status status,
                             Map<String, String> content, String recipient, Instant submittedAt, String submittedBy,
                             Long supersedesId, Instant createdAt, String createdBy, Instant updatedAt,
                             String updatedBy) {

    public enum Status {
        DRAFT, SUBMITTED, SUPERSEDED
    }

    public boolean draft() {
        return status == Status.DRAFT;
    }

    public String value(String key) {
        return content.getOrDefault(key, "");
    }
}
