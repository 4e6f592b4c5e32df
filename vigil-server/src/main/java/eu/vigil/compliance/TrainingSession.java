package eu.vigil.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A cybersecurity training session of the management body (NIS2 Art. 20(2)) and who of the
 * management attended it.
 *
 * @param certificateName   the name of the attendance certificate file, or {@code null} when none was kept
 * @param certificateSha256 SHA-256 of the certificate's content (stored encrypted, checked on download)
 * @param attendees         user names of the MANAGEMENT users who attended
 */
public record TrainingSession(long id, LocalDate heldOn, String title, String provider, int durationMinutes,
                              String certificateName, Long certificateSize, String certificateSha256,
                              List<String> attendees, String recordedBy, Instant recordedAt) {

    public boolean hasCertificate() {
        return certificateName != null;
    }
}
