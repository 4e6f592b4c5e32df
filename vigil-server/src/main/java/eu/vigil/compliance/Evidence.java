package eu.vigil.compliance;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A piece of evidence attached to a requirement: a link, or a file stored encrypted in the blob store.
 *
 * @param kind      {@code LINK} or {@code FILE}
 * @param url       the address of a link; {@code null} for a file
 * @param fileName  the name the file was uploaded under; {@code null} for a link
 * @param size      the file's length in bytes; {@code null} for a link
 * @param sha256    SHA-256 (lower-case hex) of the file's content, checked by the blob store on every read
 * @param speaksFor the date the evidence speaks for (the review, test or training date), not the upload date
 */
public record Evidence(long id, long assessmentId, String requirementId, String kind, String title, String url,
                       String fileName, Long size, String sha256, LocalDate speaksFor, LocalDate validUntil,
                       Recurrence recurrence, String addedBy, Instant addedAt) {

    public static final String LINK = "LINK";
    public static final String FILE = "FILE";

    public boolean expiredOn(LocalDate day) {
        return validUntil != null && validUntil.isBefore(day);
    }

    public boolean isFile() {
        return FILE.equals(kind);
    }
}
