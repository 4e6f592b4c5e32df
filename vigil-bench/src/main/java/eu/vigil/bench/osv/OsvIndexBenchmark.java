package eu.vigil.bench.osv;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import com.sun.management.OperatingSystemMXBean;
import eu.vigil.core.osv.OsvAffected;
import eu.vigil.core.osv.OsvEvent;
import eu.vigil.core.osv.OsvIndex;
import eu.vigil.core.osv.OsvLoadResult;
import eu.vigil.core.osv.OsvLoader;
import eu.vigil.core.osv.OsvRange;
import eu.vigil.core.osv.OsvVulnerability;

/**
 * Times the OSV index: reading and indexing 100,000 records from an osv.dev-style zip (target:
 * under 10 s), and matching a batch of 10,000 (ecosystem, package, version) queries shaped like an
 * SBOM's components (target: under 1 s).
 *
 * <p>Run: {@code bench/run eu.vigil.bench.osv.OsvIndexBenchmark [testdata/osv] [records] [queries]}.
 */
public final class OsvIndexBenchmark {

    private OsvIndexBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path osvTestData = Path.of(args.length > 0 ? args[0] : "../shared/testdata/osv");
        int records = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int queries = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        Path zip = Path.of("vigil-bench/target/osv-bench/" + records + "/all.zip");
        if (!Files.exists(zip)) {
            int real = OsvRecordGenerator.writeZip(osvTestData, zip, records);
            System.out.printf("wrote %s: %d records (%d real, %d generated), %.1f MiB%n", zip, records, real,
                    records - real, Files.size(zip) / 1048576.0);
        }

        // CPU time of the whole process (all threads, GC and JIT included): on a shared, loaded
        // machine it says more about the work than wall-clock time does
        var os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        System.out.printf("load average before: %.1f on %d cores%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        long[] loadMs = new long[3];
        long[] indexMs = new long[3];
        long[] cpuMs = new long[3];
        OsvLoadResult loaded = null;
        OsvIndex index = null;
        for (int run = 0; run < loadMs.length; run++) {
            System.gc();
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            loaded = OsvLoader.load(zip);
            long t1 = System.nanoTime();
            index = loaded.index();
            long t2 = System.nanoTime();
            cpuMs[run] = (os.getProcessCpuTime() - c0) / 1_000_000;
            loadMs[run] = (t1 - t0) / 1_000_000;
            indexMs[run] = (t2 - t1) / 1_000_000;
            System.out.printf("run %d: read %d records in %d ms, indexed in %d ms (total %d ms wall, %d ms CPU of "
                            + "the process); %d packages, %d problems%n",
                    run + 1, loaded.records().size(), loadMs[run], indexMs[run], loadMs[run] + indexMs[run],
                    cpuMs[run], index.packageCount(), loaded.problems().size());
        }

        List<String[]> batch = sbomShapedQueries(loaded.records(), queries, new Random(42));
        String lazy = queryRuns("lazy index (packages compiled at first query)", index, batch, os);
        long c0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        OsvIndex eager = loaded.index().compileAll();
        System.out.printf("index with compileAll(): %d ms wall, %d ms CPU%n", (System.nanoTime() - t0) / 1_000_000,
                (os.getProcessCpuTime() - c0) / 1_000_000);
        String compiled = queryRuns("index after compileAll()", eager, batch, os);
        System.out.printf("RESULT records=%d read+index wall median=%d ms (read %d, index %d), CPU median=%d ms; %s; %s;"
                        + " load average after %.1f%n",
                records, median(sum(loadMs, indexMs)), median(loadMs), median(indexMs), median(cpuMs), lazy, compiled,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static String queryRuns(String label, OsvIndex index, List<String[]> batch,
                                    OperatingSystemMXBean os) {
        long[] queryMs = new long[7];
        long[] queryCpuMs = new long[7];
        int matched = 0;
        for (int run = 0; run < queryMs.length; run++) {
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            matched = 0;
            for (String[] q : batch) {
                if (!index.query(q[0], q[1], q[2]).matches().isEmpty()) {
                    matched++;
                }
            }
            queryMs[run] = (System.nanoTime() - t0) / 1_000_000;
            queryCpuMs[run] = (os.getProcessCpuTime() - c0) / 1_000_000;
        }
        System.out.printf("%s, query batch of %d: wall %s ms, CPU %s ms; %d components matched%n",
                label, batch.size(), Arrays.toString(queryMs), Arrays.toString(queryCpuMs), matched);
        return "%s: %d queries first wall=%d ms CPU=%d ms, median wall=%d ms CPU=%d ms".formatted(label, batch.size(),
                queryMs[0], queryCpuMs[0], median(queryMs), median(queryCpuMs));
    }

    /**
     * Queries shaped like an SBOM's components: a third name packages that have advisories, at a
     * version taken from or next to the advisory's events (so some match and some do not); the
     * rest name packages without advisories, as most SBOM components are.
     */
    static List<String[]> sbomShapedQueries(List<OsvVulnerability> records, int count, Random random) {
        List<String[]> known = new ArrayList<>();
        for (OsvVulnerability r : records) {
            for (OsvAffected a : r.affected()) {
                if (!a.hasPackage()) {
                    continue;
                }
                List<String> versions = new ArrayList<>(a.versions());
                for (OsvRange range : a.ranges()) {
                    if (range.type() != OsvRange.Type.GIT) {
                        range.events().stream().map(OsvEvent::version).filter(v -> !v.equals("0")).forEach(versions::add);
                    }
                }
                if (!versions.isEmpty()) {
                    known.add(new String[] {a.ecosystem(), a.name(), versions.get(random.nextInt(versions.size()))});
                }
            }
        }
        String[][] unknownShapes = {{"npm", "left-pad-%d", "1.%d.0"}, {"Maven", "org.example:lib%d", "2.%d"},
                {"PyPI", "package-%d", "0.%d.1"}, {"Go", "example.org/mod%d", "v1.%d.0"},
                {"crates.io", "crate%d", "0.%d.3"}};
        List<String[]> batch = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (i % 3 == 0) {
                batch.add(known.get(random.nextInt(known.size())));
            } else {
                String[] shape = unknownShapes[i % unknownShapes.length];
                batch.add(new String[] {shape[0], shape[1].formatted(i), shape[2].formatted(i % 20)});
            }
        }
        return batch;
    }

    private static long[] sum(long[] a, long[] b) {
        long[] s = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            s[i] = a[i] + b[i];
        }
        return s;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
