package eu.vigil.incidents.internal;

import java.time.Instant;

/**
 * The register fields a person or a SIEM gives when recording or updating an incident. Enumerations
 * are names as text, so that a wrong one is reported with its field; {@code null} means "not given".
 */
public record IncidentDetails(String title, String description, String category, String status, String entityType,
                              Instant detectedAt, Instant awareAt, Instant handledAt, String affectedServices,
                              String affectedAssets, String affectedProducts, Long affectedUsers, Long durationMinutes,
                              String geographicSpread, Long financialLossEur, String suspectedMalicious,
                              String crossBorder, String rootCause, String owner, String team, String linkedPsirtCases,
                              String linkedSuppliers, String linkedDevices) {

    /** The details of a stored incident, to edit them. */
    public static IncidentDetails of(Incident i) {
        return new IncidentDetails(i.title(), i.description(), i.category().name(), i.status().name(),
                i.entityType().name(), i.detectedAt(), i.awareAt(), i.handledAt(), i.affectedServices(),
                i.affectedAssets(), i.affectedProducts(), i.affectedUsers(), i.durationMinutes(), i.geographicSpread(),
                i.financialLossEur(), i.suspectedMalicious(), i.crossBorder(), i.rootCause(), i.owner(), i.team(),
                i.linkedPsirtCases(), i.linkedSuppliers(), i.linkedDevices());
    }
}
