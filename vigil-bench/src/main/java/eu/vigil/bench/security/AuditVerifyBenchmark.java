package eu.vigil.bench.security;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import javax.sql.DataSource;

import eu.vigil.VigilApplication;
import eu.vigil.audit.AuditEvent;
import eu.vigil.audit.AuditIntegrity;
import eu.vigil.audit.AuditTrail;
import eu.vigil.audit.ChainVerification;
import eu.vigil.core.crypto.CanonicalRecord;
import eu.vigil.core.crypto.HashChain;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What {@code vigil audit verify} does, timed: the whole chain read back from the H2 file and
 * verified ({@link AuditIntegrity#verify()}), against, in the same run, (a) the earlier
 * single-threaded path (one JDBC row callback that hashes as it reads, materialised result) and
 * (b) the in-memory verification of the same number of entries as a yardstick for the machine's
 * load. {@code bench/run eu.vigil.bench.security.AuditVerifyBenchmark [entries] [rounds]}
 */
public final class AuditVerifyBenchmark {

    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 500_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path data = Files.createTempDirectory("vigil-bench-verify-");
        try (ConfigurableApplicationContext vigil = new SpringApplicationBuilder(VigilApplication.class)
                .web(WebApplicationType.NONE)
                .run("--vigil.data=" + data, "--vigil.tls.enabled=false", "--vigil.jobs.enabled=false",
                        "--logging.level.root=WARN", "--spring.main.banner-mode=off")) {
            AuditTrail trail = vigil.getBean(AuditTrail.class);
            AuditIntegrity integrity = vigil.getBean(AuditIntegrity.class);
            long fill = System.nanoTime();
            List<AuditEvent> batch = new ArrayList<>(1000);
            for (int i = 0; i < entries; i++) {
                batch.add(AuditEvent.of("bench.verify").actor("user" + (i % 100) + "@example.com")
                        .clientAddress("192.0.2." + (i % 250)).object("document", i).detail("size", i).build());
                if (batch.size() == 1000) {
                    trail.recordAll(batch);
                    batch.clear();
                }
            }
            trail.recordAll(batch);
            chainAll(integrity);
            System.out.printf("filled %,d entries in %.1f s%n", entries, (System.nanoTime() - fill) / 1e9);
            JdbcTemplate jdbc = new JdbcTemplate(vigil.getBean(DataSource.class));
            for (int round = 0; round < rounds; round++) {
                ChainVerification result = integrity.verify();
                System.out.printf("round %d  audit verify (H2):            %,10d entries in %.3f s = %,12.0f entries/s, intact %s%n",
                        round, result.entries(), result.seconds(), result.entries() / result.seconds(), result.intact());
                long start = System.nanoTime();
                long n = earlierPath(jdbc);
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("round %d  earlier single-thread path (H2): %,10d entries in %.3f s = %,12.0f entries/s%n",
                        round, n, seconds, n / seconds);
            }
        }
        System.out.println("in-memory verification of the same number of entries (yardstick for the machine's load):");
        ChainVerificationBenchmark.main(new String[] {Integer.toString(entries),
                Integer.toString(Runtime.getRuntime().availableProcessors())});
    }

    /** Chains what is pending; the background chainer may hold the head's lock for a while on a busy machine. */
    static void chainAll(AuditIntegrity integrity) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            try {
                integrity.chainPending();
                return;
            } catch (org.springframework.dao.QueryTimeoutException | org.springframework.dao.PessimisticLockingFailureException e) {
                if (attempt > 20) {
                    throw e;
                }
                Thread.sleep(500);
            }
        }
    }

    /** The verification loop as it was before: hash each row on the reading thread, default result handling. */
    static long earlierPath(JdbcTemplate jdbc) {
        HashChain chain = new HashChain("vigil.audit-entry.v1");
        CanonicalRecord scratch = new CanonicalRecord();
        HexFormat hex = HexFormat.of();
        byte[][] previous = {HashChain.genesis()};
        long[] count = {0};
        JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
        streaming.setFetchSize(5000);
        streaming.query("""
                SELECT seq, recorded_at, actor, client_address, action, object_type, object_id, outcome, details,
                       prev_hash, entry_hash FROM audit_entry ORDER BY seq""", rs -> {
            long seq = rs.getLong(1);
            if (!hex.formatHex(previous[0]).equals(rs.getString(10))) {
                throw new IllegalStateException("broken at " + seq);
            }
            OffsetDateTime at = rs.getObject(2, OffsetDateTime.class);
            long micros = at.toEpochSecond() * 1_000_000 + at.getNano() / 1000;
            scratch.clear().number(seq).number(micros).string(rs.getString(3)).string(rs.getString(4))
                    .string(rs.getString(5)).string(rs.getString(6)).string(rs.getString(7)).string(rs.getString(8))
                    .string(rs.getString(9));
            byte[] hash = chain.link(previous[0], scratch);
            if (!hex.formatHex(hash).equals(rs.getString(11))) {
                throw new IllegalStateException("broken at " + seq);
            }
            previous[0] = hash;
            count[0]++;
        });
        return count[0];
    }
}
