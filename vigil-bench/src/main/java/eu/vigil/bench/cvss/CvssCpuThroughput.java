package eu.vigil.bench.cvss;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import eu.vigil.core.cvss.Cvss;

/**
 * Vectors parsed and scored per second of CPU time of one thread: a figure that stays meaningful
 * on a loaded machine, where JMH's wall-clock throughput depends on the neighbours. Same vectors
 * as {@link CvssScoringBenchmark}: {@code bench/run eu.vigil.bench.cvss.CvssCpuThroughput [seconds]}.
 */
public final class CvssCpuThroughput {

    private CvssCpuThroughput() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        List<String> all = CvssScoringBenchmark.suiteVectors();
        if (all.isEmpty()) {
            all = CvssScoringBenchmark.randomVectors(20_000);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (String set : new String[] {"mixed", "3.0", "3.1", "4.0"}) {
            List<String> chosen = new ArrayList<>();
            for (String vector : all) {
                if (set.equals("mixed") || vector.startsWith("CVSS:" + set + "/")) {
                    chosen.add(vector);
                }
            }
            Collections.shuffle(chosen, new Random(42));
            String[] vectors = chosen.toArray(String[]::new);
            double sink = 0;
            for (int warmup = 0; warmup < 200; warmup++) {
                for (String vector : vectors) {
                    sink += Cvss.parse(vector).score();
                }
            }
            long count = 0;
            long cpuStart = threads.getCurrentThreadCpuTime();
            long wallStart = System.nanoTime();
            while (threads.getCurrentThreadCpuTime() - cpuStart < seconds * 1e9) {
                for (String vector : vectors) {
                    sink += Cvss.parse(vector).score();
                }
                count += vectors.length;
            }
            double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            double wall = (System.nanoTime() - wallStart) / 1e9;
            System.out.printf("%-6s %6d vectors: %,12.0f vectors per CPU second (%,.0f per wall second) [%s]%n",
                    set, vectors.length, count / cpu, count / wall, sink > 0 ? "ok" : "?");
        }
    }
}
