package eu.vigil.compliance;

/**
 * A command to attach a link as evidence, as typed.
 *
 * @param speaksFor  the date the evidence speaks for (a review held on, a test run on), ISO date
 * @param validUntil until when it counts, ISO date, or blank for no end
 * @param recurrence {@code NONE}, {@code MONTHLY}, {@code QUARTERLY}, {@code SEMIANNUAL} or {@code YEARLY}
 */
public record NewEvidenceLink(String title, String url, String speaksFor, String validUntil, String recurrence) {
}
