package eu.vigil.incidents.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A business-continuity, disaster-recovery or crisis plan (IR 2024/2690 Annex 4.1 and 4.3), kept as
 * a record with links to the documents that are the evidence.
 */
public record ContinuityPlan(long id, String title, Kind kind, String owner, String summary, List<String> documentLinks,
                             LocalDate approvedOn, LocalDate nextReviewOn, Instant createdAt, String createdBy) {

    public enum Kind {
        BUSINESS_CONTINUITY("Business continuity plan"),
        DISASTER_RECOVERY("Disaster recovery plan"),
        CRISIS_MANAGEMENT("Crisis management plan"),
        BACKUP_AND_RESTORE("Backup and restore procedure");

        private final String title;

        Kind(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    public boolean reviewOverdue(LocalDate today) {
        return nextReviewOn != null && nextReviewOn.isBefore(today);
    }
}
