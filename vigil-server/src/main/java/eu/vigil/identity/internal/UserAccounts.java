package eu.vigil.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import eu.vigil.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The user accounts table, in plain SQL. */
@Repository
public class UserAccounts {

    private static final String COLUMNS = """
            id, username, display_name, email, password_hash, roles, enabled, totp_secret, mfa_enabled,
            totp_last_step, failed_logins, locked_until, last_login_at, supplier_ref, created_at""";

    private final JdbcClient jdbc;

    UserAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM user_account").query(Long.class).single();
    }

    public Optional<UserAccount> findByUsername(String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM user_account WHERE username = ?")
                .param(username).query(UserAccounts::map).optional();
    }

    public Optional<UserAccount> findById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM user_account WHERE id = ?")
                .param(id).query(UserAccounts::map).optional();
    }

    public List<UserAccount> page(int offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM user_account ORDER BY username OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")
                .param(offset).param(limit).query(UserAccounts::map).list();
    }

    public long insert(String username, String displayName, String email, String passwordHash, Set<Role> roles,
                       String sealedTotpSecret, boolean mfaEnabled, String supplierRef, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO user_account (username, display_name, email, password_hash, roles, enabled, totp_secret,
                    mfa_enabled, failed_logins, supplier_ref, created_at, password_changed_at)
                VALUES (:username, :displayName, :email, :hash, :roles, TRUE, :totp, :mfa, 0, :supplier, :now, :now)
                """)
                .param("username", username).param("displayName", displayName).param("email", email)
                .param("hash", passwordHash).param("roles", Role.format(roles)).param("totp", sealedTotpSecret)
                .param("mfa", mfaEnabled).param("supplier", supplierRef).param("now", at(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void updatePassword(long id, String passwordHash, Instant now) {
        jdbc.sql("UPDATE user_account SET password_hash = ?, password_changed_at = ? WHERE id = ?")
                .param(passwordHash).param(at(now)).param(id).update();
    }

    public void updateRoles(long id, Set<Role> roles) {
        jdbc.sql("UPDATE user_account SET roles = ? WHERE id = ?").param(Role.format(roles)).param(id).update();
    }

    public void setEnabled(long id, boolean enabled) {
        jdbc.sql("UPDATE user_account SET enabled = ? WHERE id = ?").param(enabled).param(id).update();
    }

    public void setMfa(long id, String sealedTotpSecret, boolean enabled) {
        jdbc.sql("UPDATE user_account SET totp_secret = ?, mfa_enabled = ?, totp_last_step = NULL WHERE id = ?")
                .param(sealedTotpSecret).param(enabled).param(id).update();
    }

    /**
     * Records the TOTP time step just used, only if it is later than the last one: a code is
     * accepted once. Returns false when the step was already used (a replay).
     */
    public boolean advanceTotpStep(long id, long step) {
        return jdbc.sql("""
                UPDATE user_account SET totp_last_step = ?
                WHERE id = ? AND (totp_last_step IS NULL OR totp_last_step < ?)""")
                .param(step).param(id).param(step).update() == 1;
    }

    public void recordFailure(long id, int failures, Instant lockedUntil) {
        jdbc.sql("UPDATE user_account SET failed_logins = ?, locked_until = ? WHERE id = ?")
                .param(failures).param(at(lockedUntil)).param(id).update();
    }

    public void recordSuccess(long id, Instant now) {
        jdbc.sql("UPDATE user_account SET failed_logins = 0, locked_until = NULL, last_login_at = ? WHERE id = ?")
                .param(at(now)).param(id).update();
    }

    public void unlock(long id) {
        jdbc.sql("UPDATE user_account SET failed_logins = 0, locked_until = NULL WHERE id = ?").param(id).update();
    }

    static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static UserAccount map(ResultSet rs, int row) throws SQLException {
        long lastStep = rs.getLong("totp_last_step");
        Long totpLastStep = rs.wasNull() ? null : lastStep;
        return new UserAccount(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getString("email"), rs.getString("password_hash"), Role.parseAll(rs.getString("roles")),
                rs.getBoolean("enabled"), rs.getString("totp_secret"), rs.getBoolean("mfa_enabled"), totpLastStep,
                rs.getInt("failed_logins"), instant(rs, "locked_until"), instant(rs, "last_login_at"),
                rs.getString("supplier_ref"), instant(rs, "created_at"));
    }
}
