package eu.vigil.notifications.internal;

import static eu.vigil.notifications.internal.Sql.at;
import static eu.vigil.notifications.internal.Sql.instant;

import java.time.Instant;
import java.util.Optional;

import eu.vigil.keys.Encryption;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The one row of SMTP settings; the password sealed under {@link Encryption}. */
@Repository
class MailSettingsStore {

    static final String PASSWORD_PURPOSE = "notifications.smtp-password";
    private static final String OBJECT = "smtp";

    private final JdbcClient jdbc;
    private final Encryption encryption;

    MailSettingsStore(JdbcClient jdbc, Encryption encryption) {
        this.jdbc = jdbc;
        this.encryption = encryption;
    }

    MailSettings load() {
        return jdbc.sql("SELECT * FROM notification_mail_settings WHERE id = 1").query((rs, n) -> new MailSettings(
                rs.getString("host"), rs.getInt("port"), MailSettings.Security.valueOf(rs.getString("security")),
                rs.getString("username"), rs.getString("password") != null, rs.getString("from_address"),
                instant(rs, "updated_at"), rs.getString("updated_by"))).optional().orElse(MailSettings.unset());
    }

    Optional<String> password() {
        return jdbc.sql("SELECT password FROM notification_mail_settings WHERE id = 1").query(String.class).optional()
                .map(sealed -> encryption.decrypt(PASSWORD_PURPOSE, OBJECT, sealed));
    }

    /** @param password the new password, {@code ""} to remove it, {@code null} to keep the stored one */
    void save(String host, int port, MailSettings.Security security, String username, String password, String from,
              Instant now, String user) {
        int updated = jdbc.sql("""
                UPDATE notification_mail_settings SET host = ?, port = ?, security = ?, username = ?, from_address = ?,
                    updated_at = ?, updated_by = ? WHERE id = 1""")
                .param(host).param(port).param(security.name()).param(username).param(from).param(at(now)).param(user)
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO notification_mail_settings (id, host, port, security, username, from_address, updated_at,
                        updated_by) VALUES (1, ?, ?, ?, ?, ?, ?, ?)""")
                    .param(host).param(port).param(security.name()).param(username).param(from).param(at(now)).param(user)
                    .update();
        }
        if (password != null) {
            jdbc.sql("UPDATE notification_mail_settings SET password = ? WHERE id = 1")
                    .param(password.isEmpty() ? null : encryption.encrypt(PASSWORD_PURPOSE, OBJECT, password)).update();
        }
    }
}
