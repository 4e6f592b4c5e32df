package eu.vigil.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import eu.vigil.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One-time links: the first administrator's activation (valid 24 hours) and invitations (valid
 * seven days). Only a digest of the token is stored; a token is used once.
 */
@Component
public class Activations {

    public static final Duration ACTIVATION_VALIDITY = Duration.ofHours(24);
    public static final Duration INVITATION_VALIDITY = Duration.ofDays(7);

    public enum Purpose { ACTIVATION, INVITATION }

    /** An open link, found by its token. */
    public record Pending(long id, Purpose purpose, Set<Role> roles, String email, String invitedBy,
                          Instant expiresAt) {
    }

    /** Why a link cannot be used. */
    public enum Refusal {
        UNKNOWN("This link is not valid. Ask an administrator for a new one."),
        USED("This link has already been used. Ask an administrator for a new one."),
        EXPIRED("This link has expired. Ask an administrator for a new one.");

        private final String message;

        Refusal(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    public static final class LinkRefused extends RuntimeException {
        private final Refusal refusal;

        LinkRefused(Refusal refusal) {
            super(refusal.message());
            this.refusal = refusal;
        }

        public Refusal refusal() {
            return refusal;
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    Activations(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Creates a link and returns its token, which exists nowhere else after this call. */
    public String create(Purpose purpose, Set<Role> roles, String email, String invitedBy) {
        String token = TokenDigests.newToken(32);
        Instant now = clock.instant();
        Duration validity = purpose == Purpose.ACTIVATION ? ACTIVATION_VALIDITY : INVITATION_VALIDITY;
        jdbc.sql("""
                INSERT INTO activation_token (token_hash, purpose, roles, email, invited_by, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .param(TokenDigests.sha256(token)).param(purpose.name()).param(Role.format(roles)).param(email)
                .param(invitedBy).param(UserAccounts.at(now)).param(UserAccounts.at(now.plus(validity)))
                .update();
        return token;
    }

    /** The open link behind a token, or the reason it cannot be used. */
    public Pending find(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            throw new LinkRefused(Refusal.UNKNOWN);
        }
        record Row(Pending pending, Instant usedAt) {
        }
        Optional<Row> row = jdbc.sql("""
                SELECT id, purpose, roles, email, invited_by, expires_at, used_at FROM activation_token
                WHERE token_hash = ?""")
                .param(TokenDigests.sha256(token))
                .query((rs, i) -> new Row(new Pending(rs.getLong("id"), Purpose.valueOf(rs.getString("purpose")),
                        Role.parseAll(rs.getString("roles")), rs.getString("email"), rs.getString("invited_by"),
                        UserAccounts.instant(rs, "expires_at")), UserAccounts.instant(rs, "used_at")))
                .optional();
        Row found = row.orElseThrow(() -> new LinkRefused(Refusal.UNKNOWN));
        if (found.usedAt() != null) {
            throw new LinkRefused(Refusal.USED);
        }
        if (!found.pending().expiresAt().isAfter(clock.instant())) {
            throw new LinkRefused(Refusal.EXPIRED);
        }
        return found.pending();
    }

    /** Marks the link used; false when another request used it first. */
    public boolean consume(long id) {
        return jdbc.sql("UPDATE activation_token SET used_at = ? WHERE id = ? AND used_at IS NULL")
                .param(UserAccounts.at(clock.instant())).param(id).update() == 1;
    }

    public boolean hasOpenActivation() {
        return jdbc.sql("SELECT COUNT(*) FROM activation_token WHERE purpose = 'ACTIVATION' AND used_at IS NULL AND expires_at > ?")
                .param(UserAccounts.at(clock.instant())).query(Long.class).single() > 0;
    }

    /** Ends every open first-start activation link (a new one replaces them on each start). */
    public void revokeOpenActivations() {
        jdbc.sql("UPDATE activation_token SET used_at = ? WHERE purpose = 'ACTIVATION' AND used_at IS NULL")
                .param(UserAccounts.at(clock.instant())).update();
    }
}
