package eu.vigil.compliance;

import java.io.InputStream;
import java.util.List;

/**
 * A training session to record, as typed.
 *
 * @param heldOn          ISO date the session was held
 * @param durationMinutes the length in minutes, as typed
 * @param attendees       user names of the MANAGEMENT users who attended
 * @param certificateName the uploaded certificate's file name, or {@code null} for none
 * @param certificateSize the certificate's declared length, or -1 when unknown
 * @param certificate     the certificate's content, or {@code null}
 */
public record NewTrainingSession(String heldOn, String title, String provider, String durationMinutes,
                                 List<String> attendees, String certificateName, long certificateSize,
                                 InputStream certificate) {
}
