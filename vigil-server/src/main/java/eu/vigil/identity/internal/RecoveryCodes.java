package eu.vigil.identity.internal;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Ten one-time recovery codes per user, for when the authenticator is lost. Stored as digests. */
@Component
public class RecoveryCodes {

    static final int COUNT = 10;

    private final JdbcClient jdbc;
    private final Clock clock;

    RecoveryCodes(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Replaces the user's codes with new ones and returns them, the only time they are seen. */
    public List<String> regenerate(long userId) {
        jdbc.sql("DELETE FROM recovery_code WHERE user_id = ?").param(userId).update();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            String code = TokenDigests.newRecoveryCode();
            codes.add(code);
            jdbc.sql("INSERT INTO recovery_code (user_id, code_hash) VALUES (?, ?)")
                    .param(userId).param(TokenDigests.sha256(TokenDigests.normalizeRecoveryCode(code))).update();
        }
        return codes;
    }

    /** Uses up a code; false when it is not one of the user's unused codes. */
    public boolean use(long userId, String code) {
        String digest = TokenDigests.sha256(TokenDigests.normalizeRecoveryCode(code));
        List<Long> matching = jdbc.sql("SELECT id, code_hash FROM recovery_code WHERE user_id = ? AND used_at IS NULL")
                .param(userId)
                .query((rs, i) -> MessageDigest.isEqual(rs.getString("code_hash").getBytes(StandardCharsets.US_ASCII),
                        digest.getBytes(StandardCharsets.US_ASCII)) ? rs.getLong("id") : null)
                .list().stream().filter(java.util.Objects::nonNull).toList();
        if (matching.isEmpty()) {
            return false;
        }
        return jdbc.sql("UPDATE recovery_code SET used_at = ? WHERE id = ? AND used_at IS NULL")
                .param(UserAccounts.at(clock.instant())).param(matching.getFirst()).update() == 1;
    }

    public int remaining(long userId) {
        return jdbc.sql("SELECT COUNT(*) FROM recovery_code WHERE user_id = ? AND used_at IS NULL")
                .param(userId).query(Integer.class).single();
    }

    public void removeAll(long userId) {
        jdbc.sql("DELETE FROM recovery_code WHERE user_id = ?").param(userId).update();
    }
}
