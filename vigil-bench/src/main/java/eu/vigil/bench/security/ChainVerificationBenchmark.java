package eu.vigil.bench.security;

import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import eu.vigil.core.crypto.CanonicalRecord;
import eu.vigil.core.crypto.HashChain;

/**
 * Hash-chain verification over entries shaped like audit entries (time, actor, address,
 * action, object, outcome, a small JSON detail): each entry's link is recomputed and compared,
 * and each entry must name its predecessor's hash. Entries are independent once read, so the
 * check runs on all cores. {@code bench/run eu.vigil.bench.security.ChainVerificationBenchmark [entries] [threads]}
 */
public final class ChainVerificationBenchmark {

    record Entry(long seq, long micros, String actor, String address, String action, String type, String id,
                 String outcome, String details, byte[] prev, byte[] hash) {
    }

    static CanonicalRecord fields(CanonicalRecord r, Entry e) {
        return r.clear().number(e.seq()).number(e.micros()).string(e.actor()).string(e.address()).string(e.action())
                .string(e.type()).string(e.id()).string(e.outcome()).string(e.details());
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        Entry[] chain = new Entry[n];
        HashChain hashing = new HashChain("vigil.audit-entry.v1");
        CanonicalRecord scratch = new CanonicalRecord();
        byte[] previous = HashChain.genesis();
        long micros = Instant.parse("2026-11-28T00:00:00Z").getEpochSecond() * 1_000_000;
        for (int i = 0; i < n; i++) {
            Entry e = new Entry(i + 1, micros + i, "user" + (i % 100) + "@example.com", "192.0.2." + (i % 250),
                    "identity.login", "user", Integer.toString(i % 1000), "SUCCESS", "{\"method\":\"password\"}",
                    previous, null);
            byte[] hash = hashing.link(previous, fields(scratch, e));
            chain[i] = new Entry(e.seq(), e.micros(), e.actor(), e.address(), e.action(), e.type(), e.id(), e.outcome(),
                    e.details(), previous, hash);
            previous = hash;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int round = 0; round < 5; round++) {
            long start = System.nanoTime();
            int slice = (n + threads - 1) / threads;
            Future<?>[] parts = new Future<?>[threads];
            for (int t = 0; t < threads; t++) {
                int from = t * slice;
                int to = Math.min(n, from + slice);
                parts[t] = pool.submit(() -> {
                    HashChain verifier = new HashChain("vigil.audit-entry.v1");
                    CanonicalRecord record = new CanonicalRecord();
                    for (int i = from; i < to; i++) {
                        Entry e = chain[i];
                        byte[] expectedPrev = i == 0 ? HashChain.GENESIS : chain[i - 1].hash();
                        if (!Arrays.equals(e.prev(), expectedPrev) || !verifier.verify(e.prev(), fields(record, e), e.hash())) {
                            throw new IllegalStateException("broken at " + e.seq());
                        }
                    }
                    return null;
                });
            }
            for (Future<?> part : parts) {
                part.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("round %d: verified %,d entries in %.3f s = %,.0f entries/s (%d threads)%n",
                    round, n, seconds, n / seconds, threads);
        }
        pool.shutdown();
    }
}
