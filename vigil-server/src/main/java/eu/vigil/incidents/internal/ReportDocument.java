package eu.vigil.incidents.internal;

import java.time.Instant;
import java.util.List;

/**
 * A report as exported (JSON and PDF): self-contained, with the incident's key facts.
 */
public record ReportDocument(String format, IncidentFacts incident, long reportId, String stage, String stageTitle,
                             String legalReference, int version, String status, Long supersedesReportId,
                             String recipient, Instant submittedAt, String submittedBy, List<Item> items,
                             Instant generatedAt) {

    /** The incident facts every report carries. */
    public record IncidentFacts(long id, String reference, String title, String category, String entityType,
                                Instant detectedAt, Instant awareAt, String significance, List<String> criteria) {
    }

    /** One item of the report with the provision that asks for it. */
    public record Item(String key, String label, String legalReference, String value) {
    }
}
