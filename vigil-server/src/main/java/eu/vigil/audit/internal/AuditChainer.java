package eu.vigil.audit.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import eu.vigil.audit.AuditOutcome;
import eu.vigil.audit.AuditRecord;
import eu.vigil.core.crypto.CanonicalRecord;
import eu.vigil.core.crypto.HashChain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Links pending entries into the chain, in batches, one chainer at a time across all nodes: the
 * row lock on {@code audit_chain_head} serializes them, and the head, the new entries and the
 * removal from {@code audit_pending} commit together. A background thread does it whenever a
 * transaction with entries commits, and every second for entries from other nodes.
 */
@Component
class AuditChainer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AuditChainer.class);
    static final int BATCH = 2000;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final boolean background;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private boolean signalled;
    private volatile boolean running;
    private Thread thread;

    AuditChainer(JdbcTemplate jdbc, PlatformTransactionManager transactions, Environment environment) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.background = environment.getProperty("vigil.audit.chainer.enabled", Boolean.class, true);
    }

    void wake() {
        lock.lock();
        try {
            signalled = true;
            work.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Chains everything pending now; returns how many entries it linked. */
    long chainAll() {
        long total = 0;
        int n;
        do {
            n = chainBatch();
            total += n;
        } while (n == BATCH);
        return total;
    }

    private record Pending(long id, OffsetDateTime recordedAt, String actor, String clientAddress, String action,
                           String objectType, String objectId, String outcome, String details) {
    }

    int chainBatch() {
        Integer linked = transaction.execute(status -> {
            // the lock first: whoever holds it owns the end of the chain until commit
            var head = jdbc.queryForMap("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE");
            List<Pending> pending = jdbc.query("""
                    SELECT id, recorded_at, actor, client_address, action, object_type, object_id, outcome, details
                    FROM audit_pending ORDER BY id FETCH FIRST %d ROWS ONLY""".formatted(BATCH),
                    (rs, i) -> new Pending(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            rs.getString(9)));
            if (pending.isEmpty()) {
                return 0;
            }
            long seq = ((Number) head.get("last_seq")).longValue();
            String previous = (String) head.get("last_hash");
            HashChain chain = new HashChain(AuditEntryCodec.DOMAIN);
            CanonicalRecord scratch = new CanonicalRecord();
            List<Object[]> entries = new ArrayList<>(pending.size());
            List<Object[]> done = new ArrayList<>(pending.size());
            for (Pending p : pending) {
                seq++;
                AuditRecord entry = new AuditRecord(seq, p.recordedAt().toInstant(), p.actor(), p.clientAddress(),
                        p.action(), p.objectType(), p.objectId(), AuditOutcome.valueOf(p.outcome()), null, previous, null);
                String hash = AuditEntryCodec.hash(chain, scratch, previous, entry, p.details());
                entries.add(new Object[] {seq, p.recordedAt(), p.actor(), p.clientAddress(), p.action(), p.objectType(),
                        p.objectId(), p.outcome(), p.details(), previous, hash});
                done.add(new Object[] {p.id()});
                previous = hash;
            }
            jdbc.batchUpdate("""
                    INSERT INTO audit_entry (seq, recorded_at, actor, client_address, action, object_type, object_id,
                                             outcome, details, prev_hash, entry_hash)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", entries);
            // by exact ids, never by range: a row committed meanwhile inside a range was not chained
            for (int from = 0; from < done.size(); from += 500) {
                List<Object[]> part = done.subList(from, Math.min(done.size(), from + 500));
                jdbc.update("DELETE FROM audit_pending WHERE id IN ("
                        + String.join(", ", java.util.Collections.nCopies(part.size(), "?")) + ")",
                        part.stream().map(row -> row[0]).toArray());
            }
            jdbc.update("UPDATE audit_chain_head SET last_seq = ?, last_hash = ? WHERE id = 1", seq, previous);
            return pending.size();
        });
        return linked == null ? 0 : linked;
    }

    private void loop() {
        while (running) {
            lock.lock();
            try {
                if (!signalled) {
                    work.await(1, TimeUnit.SECONDS);
                }
                signalled = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                lock.unlock();
            }
            if (!running) {
                return;
            }
            try {
                chainAll();
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("Could not chain audit entries (will retry): {}", e.getMessage());
                }
            }
        }
    }

    @Override
    public void start() {
        running = true;
        if (!background) {
            return;
        }
        thread = Thread.ofPlatform().daemon().name("audit-chainer").start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            // no interrupt: H2 closes its file when a thread is interrupted in the middle of I/O
            wake();
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            chainAll(); // what was recorded until now is linked before the database closes
        } catch (RuntimeException e) {
            log.warn("Could not chain the last audit entries; they stay pending until the next start: {}", e.getMessage());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
