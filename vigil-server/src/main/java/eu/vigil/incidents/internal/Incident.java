package eu.vigil.incidents.internal;

import java.time.Instant;

import eu.vigil.core.incident.EntityType;

/** One incident in the register, as stored. */
public record Incident(long id, String title, String description, IncidentCategory category, IncidentStatus status,
                       EntityType entityType, Instant detectedAt, Instant awareAt, Instant handledAt,
                       String affectedServices, String affectedAssets, String affectedProducts, Long affectedUsers,
                       Long durationMinutes, String geographicSpread, Long financialLossEur, String suspectedMalicious,
                       String crossBorder, String rootCause, String owner, String team, String linkedPsirtCases,
                       String linkedSuppliers, String linkedDevices, Significance significance, Instant createdAt,
                       String createdBy, Instant updatedAt, String updatedBy) {

    /** The reference people quote: {@code INC-42}. */
    public String reference() {
        return "INC-" + id;
    }

    public boolean trustService() {
        return entityType == EntityType.TRUST_SERVICE_PROVIDER;
    }
}
