package eu.vigil.audit.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import eu.vigil.audit.AuditIntegrity;
import eu.vigil.audit.ChainVerification;
import eu.vigil.core.crypto.CanonicalRecord;
import eu.vigil.keys.SigningKeys;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Walks the chain from the first entry: each entry must follow the one before without a gap,
 * name its hash, and hash to what it says. Then the head must name the last entry, and each
 * signed checkpoint must carry a valid signature over a hash the chain still has.
 */
@Component
class ChainVerifier implements AuditIntegrity {

    static final String CHECKPOINT_PURPOSE = "audit.checkpoint";
    private final JdbcTemplate jdbc;
    private final AuditChainer chainer;
    private final SigningKeys signing;
    private final TransactionTemplate readOnly;
    private final Clock clock;

    ChainVerifier(JdbcTemplate jdbc, AuditChainer chainer, SigningKeys signing, PlatformTransactionManager transactions,
                  ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.chainer = chainer;
        this.signing = signing;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.readOnly.setIsolationLevel(TransactionTemplate.ISOLATION_REPEATABLE_READ);
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Override
    public long chainPending() {
        return chainer.chainAll();
    }

    @Override
    public ChainVerification verify() {
        long started = System.nanoTime();
        return readOnly.execute(status -> {
            ChainWalk walk = new ChainWalk();
            jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Void>) connection -> {
                walk.walk(connection);
                return null;
            });
            int checkpoints = 0;
            long lastCheckpoint = 0;
            if (walk.broken == null) {
                Map<String, Object> head = jdbc.queryForMap("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1");
                long headSeq = ((Number) head.get("last_seq")).longValue();
                if (headSeq != walk.entries || !walk.lastHash.equals(head.get("last_hash"))) {
                    walk.fail(Math.min(headSeq, walk.entries) + 1, "the chain ends at entry " + walk.entries
                            + " but its head says " + headSeq + ": entries at the end were removed or added behind its back");
                }
            }
            if (walk.broken == null) {
                List<Map<String, Object>> rows = jdbc.queryForList(
                        "SELECT seq, entry_hash, signed_at, key_id, signature FROM audit_checkpoint ORDER BY seq");
                for (Map<String, Object> row : rows) {
                    long seq = ((Number) row.get("seq")).longValue();
                    String hash = (String) row.get("entry_hash");
                    Instant signedAt = toInstant(row.get("signed_at"));
                    String stored = seq > walk.entries ? null : jdbc.queryForObject(
                            "SELECT entry_hash FROM audit_entry WHERE seq = ?", String.class, seq);
                    if (!hash.equals(stored)) {
                        walk.fail(seq, "the signed checkpoint of " + signedAt + " names a hash the chain no longer has there"
                                + " (the chain was rewritten or cut short)");
                        break;
                    }
                    if (!signing.verify((String) row.get("key_id"), checkpointBytes(seq, hash, signedAt),
                            Base64.getDecoder().decode((String) row.get("signature")))) {
                        walk.fail(seq, "the signature of the checkpoint of " + signedAt + " does not verify");
                        break;
                    }
                    checkpoints++;
                    lastCheckpoint = seq;
                }
            }
            Long pending = jdbc.queryForObject("SELECT COUNT(*) FROM audit_pending", Long.class);
            return new ChainVerification(walk.broken == null, walk.entries, walk.broken, walk.problem, checkpoints,
                    lastCheckpoint, pending == null ? 0 : pending, Instant.now(clock),
                    (System.nanoTime() - started) / 1e9);
        });
    }

    private static Instant toInstant(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        throw new IllegalStateException("unexpected time value " + value);
    }

    static byte[] checkpointBytes(long seq, String entryHash, Instant signedAt) {
        return new CanonicalRecord().string("vigil.audit-checkpoint.v1").number(seq).string(entryHash)
                .number(AuditEntryCodec.micros(signedAt)).toByteArray();
    }

    @Override
    public Optional<Checkpoint> checkpoint() {
        chainer.chainAll();
        return Optional.ofNullable(new TransactionTemplate(readOnly.getTransactionManager()).execute(status -> {
            Map<String, Object> head = jdbc.queryForMap("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE");
            long seq = ((Number) head.get("last_seq")).longValue();
            Long last = jdbc.queryForObject("SELECT MAX(seq) FROM audit_checkpoint", Long.class);
            if (seq == 0 || (last != null && last >= seq)) {
                return null;
            }
            String hash = (String) head.get("last_hash");
            Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
            SigningKeys.Signed signed = signing.sign(CHECKPOINT_PURPOSE, SigningKeys.Algorithm.ED25519,
                    checkpointBytes(seq, hash, now));
            jdbc.update("INSERT INTO audit_checkpoint (seq, entry_hash, signed_at, key_id, algorithm, signature) VALUES (?, ?, ?, ?, ?, ?)",
                    seq, hash, now.atOffset(ZoneOffset.UTC), signed.keyId(), signed.algorithm().name(),
                    Base64.getEncoder().encodeToString(signed.signature()));
            return new Checkpoint(seq, hash, now, signed.keyId());
        }));
    }
}
