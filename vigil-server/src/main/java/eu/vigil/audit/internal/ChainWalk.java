package eu.vigil.audit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

import eu.vigil.core.crypto.CanonicalRecord;
import eu.vigil.core.crypto.HashChain;

/**
 * Reads the chain once, front to back, with a forward-only read-only cursor, and checks it in
 * batches on other threads while the next rows are read. Each entry is checked against what is
 * stored: it follows the entry before it without a gap, names that entry's stored hash, and hashes
 * to its own stored hash. Together these say the same as walking the chain from its first entry
 * and recomputing every link, so the first entry that fails here is the first broken entry, but the
 * hashing needs no result of the row before it and runs beside the reading.
 */
final class ChainWalk {

    static final String SELECT = """
            SELECT seq, recorded_at, actor, client_address, action, object_type, object_id, outcome, details,
                   prev_hash, entry_hash FROM audit_entry ORDER BY seq""";
    private static final int BATCH = 4096;
    private static final String GENESIS_HEX = HexFormat.of().formatHex(HashChain.GENESIS);

    long entries;
    String lastHash = GENESIS_HEX;
    Long broken;
    String problem;

    /** Rows as read, before any check; the reader fills one while workers check the ones before. */
    private static final class Batch {
        final long[] seq = new long[BATCH];
        final long[] micros = new long[BATCH];
        final String[][] text = new String[BATCH][];
        final String[] prev = new String[BATCH];
        final String[] hash = new String[BATCH];
        String before;
        int size;
    }

    private record Failure(long seq, String why) {
    }

    /** Walks the chain on {@code connection} (inside the caller's read-only transaction). */
    void walk(Connection connection) throws SQLException {
        int workers = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors() - 1));
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread thread = new Thread(r, "audit-verify");
            thread.setDaemon(true);
            return thread;
        });
        // bounds the rows held in memory: the reader waits when the workers fall behind
        Semaphore inFlight = new Semaphore(workers * 2);
        List<Future<Failure>> checks = new ArrayList<>();
        boolean lazy = enableLazyResults(connection);
        try (PreparedStatement statement = connection.prepareStatement(SELECT, ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY)) {
            statement.setFetchSize(10_000);
            try (ResultSet rs = statement.executeQuery()) {
                long expected = 1;
                String before = GENESIS_HEX;
                Batch batch = new Batch();
                batch.before = before;
                while (rs.next()) {
                    long seq = rs.getLong(1);
                    if (seq != expected) {
                        fail(expected, seq < expected ? "entry " + seq + " appears twice or out of order"
                                : "entries " + expected + " to " + (seq - 1) + " are missing");
                        break;
                    }
                    int i = batch.size++;
                    batch.seq[i] = seq;
                    batch.micros[i] = AuditEntryCodec.micros(rs.getObject(2, OffsetDateTime.class).toInstant());
                    batch.text[i] = new String[] {rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                            rs.getString(7), rs.getString(8), rs.getString(9)};
                    batch.prev[i] = rs.getString(10);
                    batch.hash[i] = rs.getString(11);
                    expected++;
                    if (batch.size == BATCH) {
                        String last = batch.hash[BATCH - 1];
                        checks.add(submit(pool, inFlight, batch));
                        batch = new Batch();
                        batch.before = last;
                    }
                }
                if (batch.size > 0) {
                    checks.add(submit(pool, inFlight, batch));
                }
                entries = expected - 1;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while verifying the audit chain", e);
        } finally {
            if (lazy) {
                try (Statement reset = connection.createStatement()) {
                    reset.execute("SET LAZY_QUERY_EXECUTION FALSE");
                }
            }
        }
        try {
            Failure first = null;
            for (Future<Failure> check : checks) {
                Failure failure = check.get();
                if (failure != null && (first == null || failure.seq() < first.seq())) {
                    first = failure;
                }
            }
            if (first != null && (broken == null || first.seq() < broken)) {
                broken = null;
                fail(first.seq(), first.why());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while verifying the audit chain", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("verifying the audit chain failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        if (broken != null) {
            entries = broken - 1;
        } else if (entries > 0) {
            // every entry hashes to its stored hash: the stored hash of the last one is the chain's end
            lastHash = lastStoredHash;
        }
    }

    private String lastStoredHash = GENESIS_HEX;

    private Future<Failure> submit(ExecutorService pool, Semaphore inFlight, Batch batch) throws InterruptedException {
        inFlight.acquire();
        if (batch.size > 0) {
            lastStoredHash = batch.hash[batch.size - 1];
        }
        return pool.submit(() -> {
            try {
                return check(batch);
            } finally {
                inFlight.release();
            }
        });
    }

    private static final ThreadLocal<HashChain> CHAINS = ThreadLocal.withInitial(() -> new HashChain(AuditEntryCodec.DOMAIN));
    private static final ThreadLocal<CanonicalRecord> RECORDS = ThreadLocal.withInitial(CanonicalRecord::new);

    private static Failure check(Batch batch) {
        HashChain chain = CHAINS.get();
        CanonicalRecord scratch = RECORDS.get();
        HexFormat hex = HexFormat.of();
        String before = batch.before;
        for (int i = 0; i < batch.size; i++) {
            long seq = batch.seq[i];
            String prev = batch.prev[i];
            if (!before.equals(prev)) {
                return new Failure(seq, "it does not name the hash of the entry before it (an entry before it was "
                        + "changed, removed or inserted)");
            }
            String[] t = batch.text[i];
            scratch.clear().number(seq).number(batch.micros[i]).string(t[0]).string(t[1]).string(t[2]).string(t[3])
                    .string(t[4]).string(t[5]).string(t[6]);
            byte[] stored;
            byte[] previous;
            try {
                stored = hex.parseHex(batch.hash[i]);
                previous = hex.parseHex(prev);
            } catch (IllegalArgumentException | NullPointerException e) {
                return new Failure(seq, "its content does not match its hash (the entry was changed)");
            }
            if (stored.length != HashChain.HASH_BYTES || previous.length != HashChain.HASH_BYTES
                    || !chain.verify(previous, scratch, stored)) {
                return new Failure(seq, "its content does not match its hash (the entry was changed)");
            }
            before = batch.hash[i];
        }
        return null;
    }

    void fail(long seq, String why) {
        if (broken == null || seq < broken) {
            broken = seq;
            problem = "entry " + seq + ": " + why;
        }
    }

    /**
     * H2 materialises a whole result before the first row is returned (and spills a large one to a
     * temporary file); lazy execution streams the rows instead. Other databases stream with a fetch size.
     */
    private static boolean enableLazyResults(Connection connection) throws SQLException {
        if (!"H2".equals(connection.getMetaData().getDatabaseProductName())) {
            return false;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LAZY_QUERY_EXECUTION TRUE");
        }
        return true;
    }
}
