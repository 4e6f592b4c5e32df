package eu.vigil.bench.vulndb;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import eu.vigil.VigilApplication;
import eu.vigil.bench.data.OsvCorpus;
import eu.vigil.core.osv.OsvPackageRef;
import eu.vigil.core.osv.OsvVulnerability;
import eu.vigil.vulndb.VulnerabilityCatalog;
import eu.vigil.vulndb.internal.FeedImporter;
import eu.vigil.vulndb.internal.FeedSource;
import eu.vigil.vulndb.internal.ImportRun;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Imports an {@link OsvCorpus} zip of N records (default 100,000) into a fresh Vigil on an H2 file:
 * records/s of the first import and of the incremental re-import (nothing changed), the peak heap
 * after each, and the time of one {@code affecting} call for 3,000 packages. Run it with the heap
 * the server is meant to fit in:
 * {@code JAVA_TOOL_OPTIONS=-Xmx512m bench/run eu.vigil.bench.vulndb.VulnDbImportBenchmark [records]}
 */
public final class VulnDbImportBenchmark {

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path folder = Files.createTempDirectory("vigil-bench-vulndb-");
        OsvCorpus corpus = OsvCorpus.forSize(count);
        long t0 = System.nanoTime();
        Path zip = corpus.writeZip(folder.resolve("corpus.zip"), count);
        System.out.printf("corpus: %,d records, %,d bytes zipped, written in %.1f s%n", count, Files.size(zip),
                (System.nanoTime() - t0) / 1e9);
        System.out.printf("max heap: %,d MB%n", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        try (ConfigurableApplicationContext vigil = new SpringApplicationBuilder(VigilApplication.class)
                .web(WebApplicationType.NONE)
                .run("--vigil.data=" + folder.resolve("data"), "--vigil.tls.enabled=false", "--vigil.jobs.enabled=false",
                        "--logging.level.root=WARN", "--spring.main.banner-mode=off")) {
            FeedImporter importer = vigil.getBean(FeedImporter.class);
            VulnerabilityCatalog catalog = vigil.getBean(VulnerabilityCatalog.class);
            resetPeaks();
            report("first import", importer, zip, count);
            resetPeaks();
            report("re-import, nothing changed", importer, zip, count);

            List<OsvPackageRef> asked = corpus.packages(count).stream().limit(3000).toList();
            catalog.affecting(asked); // warm-up
            long start = System.nanoTime();
            Map<OsvPackageRef, List<OsvVulnerability>> found = catalog.affecting(asked);
            double ms = (System.nanoTime() - start) / 1e6;
            long hits = found.values().stream().mapToLong(List::size).sum();
            System.out.printf("affecting(%,d packages): %.0f ms, %,d records returned%n", asked.size(), ms, hits);
            System.out.printf("catalogue size: %,d%n", catalog.size());
        }
    }

    private static void report(String label, FeedImporter importer, Path zip, int count) {
        long start = System.nanoTime();
        ImportRun run = importer.run(importer.queuePaths(FeedSource.OSV, List.of(zip), null, "bench"), n -> { })
                .orElseThrow();
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = peakHeapMb();
        System.gc();
        long live = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
        System.out.printf("%s: %s in %.1f s = %,.0f records/s (added %,d, unchanged %,d, bad %,d); peak heap %,d MB"
                        + " (pool peaks, garbage included), %,d MB in use after a full GC%n",
                label, run.state(), seconds, count / seconds, run.added(), run.unchanged(), run.failed(), peak, live);
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    /** The sum of the heap pools' peaks since the last reset (an upper bound of the peak heap in use). */
    private static long peakHeapMb() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes / (1024 * 1024);
    }
}
