package eu.vigil.compliance;

import java.time.Instant;
import java.time.LocalDate;

/** A link attached to a requirement as evidence. File evidence (encrypted blobs) comes with the keys module. */
public record EvidenceLink(long id, long assessmentId, String requirementId, String title, String url,
                           LocalDate speaksFor, LocalDate validUntil, Recurrence recurrence, String addedBy,
                           Instant addedAt) {

    public boolean expiredOn(LocalDate day) {
        return validUntil != null && validUntil.isBefore(day);
    }
}
