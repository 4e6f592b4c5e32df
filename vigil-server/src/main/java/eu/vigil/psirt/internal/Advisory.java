package eu.vigil.psirt.internal;

import java.time.Instant;

/**
 * An advisory of a case: the published CSAF document (null before the first publication), the
 * draft being prepared (null when none), and whether it is published.
 */
public record Advisory(long id, long caseId, String trackingId, String title, String tlp, String summary,
                       String status, String document, String draftDocument, int version, Instant initialRelease, Instant currentRelease,
                       String revisions, Instant updatedAt, String updatedBy) {

    /** The document the author works on: the draft when there is one, else the published one. */
    public String currentDocument() {
        return draftDocument != null ? draftDocument : document;
    }

    public boolean published() {
        return "PUBLISHED".equals(status);
    }
}
