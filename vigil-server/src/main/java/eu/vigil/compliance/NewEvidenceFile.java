package eu.vigil.compliance;

import java.io.InputStream;

/**
 * A command to attach a file as evidence, as typed and uploaded.
 *
 * @param fileName    the name the file was uploaded under
 * @param declaredSize the length the client declared, or -1 when unknown; the stream is limited regardless
 * @param content     the file's content, read once to its end
 * @param speaksFor   the date the evidence speaks for, ISO date
 * @param validUntil  until when it counts, ISO date, or blank for no end
 * @param recurrence  {@code NONE}, {@code MONTHLY}, {@code QUARTERLY}, {@code SEMIANNUAL} or {@code YEARLY}
 */
public record NewEvidenceFile(String title, String fileName, long declaredSize, InputStream content, String speaksFor,
                              String validUntil, String recurrence) {
}
