package eu.vigil.psirt.internal;

import java.time.Instant;

/** An advisory of a case: its CSAF document as last generated, and whether it is published. */
public record Advisory(long id, long caseId, String trackingId, String title, String tlp, String summary,
                       String status, String document, int version, Instant initialRelease, Instant currentRelease,
                       String revisions, Instant updatedAt, String updatedBy) {

    public boolean published() {
        return "PUBLISHED".equals(status);
    }
}
