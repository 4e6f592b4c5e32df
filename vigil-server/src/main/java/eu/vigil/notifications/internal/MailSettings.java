package eu.vigil.notifications.internal;

import java.time.Instant;

/**
 * The SMTP server e-mails go through, as the administration page shows it (never the password).
 *
 * @param security    {@code STARTTLS} (required: the connection fails rather than going on in the
 *                    clear; the default), {@code TLS} (implicit TLS, usually port 465) or {@code NONE}
 *                    (only when {@code vigil.notifications.allow-plain-transport} is set)
 * @param hasPassword whether a password is stored (sealed)
 */
public record MailSettings(String host, int port, Security security, String username, boolean hasPassword,
                           String fromAddress, Instant updatedAt, String updatedBy) {

    public enum Security { STARTTLS, TLS, NONE }

    public static MailSettings unset() {
        return new MailSettings(null, 587, Security.STARTTLS, null, false, null, null, null);
    }

    public boolean configured() {
        return host != null && !host.isBlank() && fromAddress != null && !fromAddress.isBlank();
    }
}
