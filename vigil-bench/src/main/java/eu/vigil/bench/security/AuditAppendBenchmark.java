package eu.vigil.bench.security;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import eu.vigil.VigilApplication;
import eu.vigil.audit.AuditEvent;
import eu.vigil.audit.AuditIntegrity;
import eu.vigil.audit.AuditTrail;
import eu.vigil.audit.ChainVerification;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Audit append throughput with the hash chain on the embedded H2 file: writers record entries
 * (single entries, or batches through {@code recordAll}), the chainer links them; the clock stops
 * when every entry is in the chain. Then the chain is verified from the database.
 * {@code bench/run eu.vigil.bench.security.AuditAppendBenchmark [entries] [threads] [batch]}
 */
public final class AuditAppendBenchmark {

    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        Path data = Files.createTempDirectory("vigil-bench-audit-");
        try (ConfigurableApplicationContext vigil = new SpringApplicationBuilder(VigilApplication.class)
                .web(WebApplicationType.NONE)
                .run("--vigil.data=" + data, "--vigil.tls.enabled=false", "--vigil.jobs.enabled=false",
                        "--logging.level.root=WARN", "--spring.main.banner-mode=off")) {
            AuditTrail trail = vigil.getBean(AuditTrail.class);
            AuditIntegrity integrity = vigil.getBean(AuditIntegrity.class);
            run(trail, integrity, 10_000, threads, batch); // warm-up
            double perSecond = run(trail, integrity, entries, threads, batch);
            System.out.printf("append: %,d entries, %d threads, batches of %d: %,.0f entries/s%n", entries, threads, batch, perSecond);
            ChainVerification verification = integrity.verify();
            System.out.printf("verify from H2: %,d entries in %.2f s = %,.0f entries/s, intact %s%n", verification.entries(),
                    verification.seconds(), verification.entries() / verification.seconds(), verification.intact());
        }
    }

    static double run(AuditTrail trail, AuditIntegrity integrity, int entries, int threads, int batch) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            writers.add(pool.submit(() -> {
                List<AuditEvent> events = new ArrayList<>(batch);
                for (int i = thread; i < entries; i += threads) {
                    events.add(AuditEvent.of("bench.append").actor("user" + (i % 100)).clientAddress("192.0.2.1")
                            .object("document", i).detail("size", i).build());
                    if (events.size() == batch) {
                        if (batch == 1) {
                            trail.record(events.get(0));
                        } else {
                            trail.recordAll(events);
                        }
                        events.clear();
                    }
                }
                if (!events.isEmpty()) {
                    trail.recordAll(events);
                }
                return null;
            }));
        }
        for (Future<?> writer : writers) {
            writer.get();
        }
        double written = (System.nanoTime() - start) / 1e9;
        integrity.chainPending();
        System.out.printf("  writers done after %.2f s, chained after %.2f s%n", written, (System.nanoTime() - start) / 1e9);
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return entries / seconds;
    }
}
