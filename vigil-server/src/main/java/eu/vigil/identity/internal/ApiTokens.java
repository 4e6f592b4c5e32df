package eu.vigil.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import eu.vigil.identity.CurrentUser;
import eu.vigil.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * API tokens for scripts and CI pipelines: {@code vgl_} and 43 random characters, shown once,
 * stored as a SHA-256 digest, with an expiry and a subset of the owner's roles. A token acts with
 * the roles it was given that its owner still holds, and not at all once the owner is disabled.
 */
@Component
public class ApiTokens {

    public static final String PREFIX = "vgl_";

    public record TokenInfo(long id, String name, String prefix, Set<Role> roles, Instant createdAt,
                            Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {
        public boolean activeAt(Instant now) {
            return revokedAt == null && expiresAt.isAfter(now);
        }
    }

    private final JdbcClient jdbc;
    private final UserAccounts accounts;
    private final Clock clock;

    ApiTokens(JdbcClient jdbc, UserAccounts accounts, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** Creates a token and returns it in full, the only time it is seen. */
    public String create(long userId, String name, Set<Role> roles, Instant expiresAt) {
        String token = PREFIX + TokenDigests.newToken(32);
        jdbc.sql("""
                INSERT INTO api_token (user_id, name, token_prefix, token_hash, roles, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .param(userId).param(name).param(token.substring(0, 10)).param(TokenDigests.sha256(token))
                .param(Role.format(roles)).param(UserAccounts.at(clock.instant())).param(UserAccounts.at(expiresAt))
                .update();
        return token;
    }

    public List<TokenInfo> ofUser(long userId) {
        return jdbc.sql("""
                SELECT id, name, token_prefix, roles, created_at, expires_at, revoked_at, last_used_at
                FROM api_token WHERE user_id = ? ORDER BY created_at DESC""")
                .param(userId)
                .query((rs, i) -> new TokenInfo(rs.getLong("id"), rs.getString("name"), rs.getString("token_prefix"),
                        Role.parseAll(rs.getString("roles")), UserAccounts.instant(rs, "created_at"),
                        UserAccounts.instant(rs, "expires_at"), UserAccounts.instant(rs, "revoked_at"),
                        UserAccounts.instant(rs, "last_used_at")))
                .list();
    }

    /** Revokes one of the user's tokens; false when the user has no such active token. */
    public boolean revoke(long userId, long tokenId) {
        return jdbc.sql("UPDATE api_token SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL")
                .param(UserAccounts.at(clock.instant())).param(tokenId).param(userId).update() == 1;
    }

    public void revokeAll(long userId) {
        jdbc.sql("UPDATE api_token SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL")
                .param(UserAccounts.at(clock.instant())).param(userId).update();
    }

    /** The user a presented token acts for, with the roles in force; empty when it is not valid. */
    public Optional<CurrentUser> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        record Row(long id, long userId, Set<Role> roles, Instant expiresAt, Instant revokedAt) {
        }
        Instant now = clock.instant();
        Optional<Row> row = jdbc.sql("SELECT id, user_id, roles, expires_at, revoked_at FROM api_token WHERE token_hash = ?")
                .param(TokenDigests.sha256(token))
                .query((rs, i) -> new Row(rs.getLong("id"), rs.getLong("user_id"), Role.parseAll(rs.getString("roles")),
                        UserAccounts.instant(rs, "expires_at"), UserAccounts.instant(rs, "revoked_at")))
                .optional()
                .filter(r -> r.revokedAt() == null && r.expiresAt().isAfter(now));
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Optional<UserAccount> owner = accounts.findById(row.get().userId()).filter(UserAccount::enabled);
        if (owner.isEmpty()) {
            return Optional.empty();
        }
        Set<Role> effective = EnumSet.noneOf(Role.class);
        effective.addAll(row.get().roles());
        effective.retainAll(owner.get().roles());
        jdbc.sql("UPDATE api_token SET last_used_at = ? WHERE id = ?")
                .param(UserAccounts.at(now)).param(row.get().id()).update();
        UserAccount user = owner.get();
        return Optional.of(new CurrentUser(user.id(), user.username(), user.displayName(), effective, user.supplierRef()));
    }
}
