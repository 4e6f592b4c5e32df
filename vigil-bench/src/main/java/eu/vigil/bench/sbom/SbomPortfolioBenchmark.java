package eu.vigil.bench.sbom;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;

import eu.vigil.VigilApplication;
import eu.vigil.core.osv.OsvPackageRef;
import eu.vigil.sbom.internal.Impact;
import eu.vigil.sbom.internal.Matching;
import eu.vigil.sbom.internal.SbomManagement;
import eu.vigil.vulndb.internal.FeedImporter;
import eu.vigil.vulndb.internal.FeedSource;
import eu.vigil.vulndb.internal.VulnerabilityStore;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The SBOM repository at portfolio scale: a generated portfolio of {@code releases × components}
 * component instances and an OSV corpus of {@code records} records. Measures the full initial
 * match, one changed vulnerability re-matched with its findings updated, the impact query
 * latency (p50/p99 of 1,000 queries), and a 10,000-component SBOM uploaded and matched; prints
 * the peak heap. Run with {@code -Xmx512m} to hold the heap limit.
 *
 * <pre>bench/run -Xmx512m eu.vigil.bench.sbom.SbomPortfolioBenchmark [products] [releasesPerProduct]
 *     [componentsPerRelease] [records] [jdbc:postgresql://... (default: H2 in a temporary folder)]</pre>
 */
public final class SbomPortfolioBenchmark {

    public static void main(String[] args) throws Exception {
        int products = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int releasesPerProduct = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int componentsPerRelease = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        int records = args.length > 3 ? Integer.parseInt(args[3]) : 100_000;
        String dbUrl = args.length > 4 ? args[4] : null;
        int poolPackages = 5_000;
        Path data = Files.createTempDirectory("vigil-bench-sbom-");
        List<String> options = new ArrayList<>(List.of("--vigil.data=" + data, "--vigil.tls.enabled=false",
                "--vigil.jobs.enabled=false", "--logging.level.root=WARN", "--spring.main.banner-mode=off"));
        if (dbUrl != null) {
            options.add("--spring.datasource.url=" + dbUrl);
            options.add("--spring.datasource.username=postgres");
        }
        System.out.printf("SBOM portfolio benchmark: %d releases x %d components, %,d OSV records, %s, %d cores, max heap %d MB%n",
                products * releasesPerProduct, componentsPerRelease, records, dbUrl == null ? "H2" : "PostgreSQL",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        try (ConfigurableApplicationContext vigil = new SpringApplicationBuilder(VigilApplication.class)
                .web(WebApplicationType.NONE).run(options.toArray(String[]::new))) {
            JdbcTemplate jdbc = vigil.getBean(JdbcTemplate.class);
            FeedImporter importer = vigil.getBean(FeedImporter.class);
            Matching matching = vigil.getBean(Matching.class);
            Impact impact = vigil.getBean(Impact.class);
            SbomManagement management = vigil.getBean(SbomManagement.class);

            long t = System.nanoTime();
            Path corpus = PortfolioGenerator.writeCorpus(data.resolve("osv-corpus.zip"), records);
            importer.run(importer.queuePaths(FeedSource.OSV, List.of(corpus), null, "bench"), n -> { }).orElseThrow();
            System.out.printf("OSV corpus of %,d records written and imported in %.1f s%n", records, seconds(t));

            t = System.nanoTime();
            int instances = PortfolioGenerator.insertPortfolio(jdbc, products, releasesPerProduct, componentsPerRelease, poolPackages);
            long distinct = jdbc.queryForObject("SELECT COUNT(*) FROM sbom_component", Long.class);
            System.out.printf("portfolio generated: %,d component instances, %,d distinct components, in %.1f s%n",
                    instances, distinct, seconds(t));

            t = System.nanoTime();
            Matching.Outcome full = matching.matchAll();
            double fullSeconds = seconds(t);
            long findings = jdbc.queryForObject("SELECT COUNT(*) FROM sbom_finding", Long.class);
            System.out.printf("full initial match: %,d components, %,d matches, %,d findings in %.1f s%n",
                    full.components(), full.matches(), findings, fullSeconds);
            System.out.println("decoded-record cache: " + vigil.getBean(VulnerabilityStore.class).decodedCache());

            // one changed vulnerability: the record of a package in the portfolio now has another fix
            int changed = PortfolioGenerator.packageOf(0, 0, poolPackages);
            String pkg = PortfolioGenerator.packageName(changed);
            // the record changes through the importer: the listener re-matches its package after the commit
            Path file = Files.writeString(data.resolve("changed.json"), PortfolioGenerator.record(changed, records / 5,
                    "2026-02-01T00:00:00Z", 1));
            importer.run(importer.queuePaths(FeedSource.OSV, List.of(file), null, "bench"), n -> { }).orElseThrow();
            Thread.sleep(10_000); // let the listener finish before timing the same work directly
            System.out.printf("after the change: %d open findings of %s%n", jdbc.queryForObject("""
                    SELECT COUNT(*) FROM sbom_finding f JOIN sbom_component c ON c.id = f.component_id
                    WHERE f.active = TRUE AND c.name = ?""", Long.class, pkg), pkg);
            double[] rematch = new double[10];
            for (int i = 0; i < rematch.length; i++) {
                t = System.nanoTime();
                Matching.Outcome outcome = matching.rematch(Set.of(new OsvPackageRef("npm", pkg)));
                rematch[i] = (System.nanoTime() - t) / 1e6;
                if (i == 0) {
                    System.out.printf("re-match of %s: %d components, %d matches%n", pkg, outcome.components(),
                            outcome.matches());
                }
            }
            Arrays.sort(rematch);
            System.out.printf("one changed vulnerability re-matched and findings updated: median %.1f ms, max %.1f ms (10 runs)%n",
                    rematch[rematch.length / 2], rematch[rematch.length - 1]);

            // impact queries: random CVE ids of the corpus and purls of the pool
            Random random = new Random(42);
            for (int i = 0; i < 200; i++) {
                impact.query("CVE-2098-" + (100000 + random.nextInt(records)), 0, 25); // warm-up
            }
            double[] latencies = new double[1000];
            for (int i = 0; i < latencies.length; i++) {
                String q = i % 2 == 0 ? "CVE-2098-" + (100000 + random.nextInt(records))
                        : "pkg:npm/" + PortfolioGenerator.packageName(random.nextInt(poolPackages)) + "@>=1.2.0|<1.6.0";
                t = System.nanoTime();
                impact.query(q, 0, 25);
                latencies[i] = (System.nanoTime() - t) / 1e6;
            }
            Arrays.sort(latencies);
            explainImpact(jdbc, "CVE-2098-" + (100000 + random.nextInt(records)),
                    PortfolioGenerator.packageName(random.nextInt(poolPackages)));
            System.out.printf("impact query (1,000, half CVE ids, half purl ranges): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    latencies[500], latencies[989], latencies[999]);

            // a 10,000-component SBOM uploaded and matched
            var product = management.createProduct(new eu.vigil.sbom.Portfolio.Product(0, "big-box", "Big box", "ACME", null,
                    null, null, "default", null), "bench");
            double[] uploads = new double[3];
            for (int i = 0; i < uploads.length; i++) {
                var release = management.createRelease(product.id(), "9." + i, null, "supported", "bench");
                byte[] sbom = PortfolioGenerator.cycloneDx("big-box", "9." + i, 10_000, poolPackages * 2, 1000 + i)
                        .getBytes(StandardCharsets.UTF_8);
                t = System.nanoTime();
                var result = management.upload(release.id(), "big.json", new ByteArrayInputStream(sbom), "bench");
                uploads[i] = seconds(t);
                System.out.printf("upload %d: %,d bytes, %,d components, %,d new findings in %.2f s%n", i, sbom.length,
                        result.components(), result.newFindings(), uploads[i]);
            }
            System.out.println("decoded-record cache: " + vigil.getBean(VulnerabilityStore.class).decodedCache());
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            System.out.printf("peak heap used (sum of pool peaks, an upper bound): %d MB of max %d MB%n", peak >> 20,
                    Runtime.getRuntime().maxMemory() >> 20);
        }
    }

    /** The plans of the impact query's statements (the SQL of {@code Impact}), as the database runs them. */
    private static void explainImpact(JdbcTemplate jdbc, String cve, String npmPackage) {
        String vulnId = jdbc.queryForList("SELECT vuln_id FROM sbom_vulnerability_alias WHERE alias = ?", String.class, cve)
                .stream().findFirst().orElse(cve);
        String byVulnerability = """
                SELECT p.id, r.id, c.name, rc.path, f.vuln_id, v.severity, m.fixed_versions, f.state, f.id
                FROM sbom_finding f
                JOIN sbom_release r ON r.id = f.release_id
                JOIN sbom_product p ON p.id = r.product_id
                JOIN sbom_component c ON c.id = f.component_id
                JOIN sbom_release_component rc ON rc.release_id = f.release_id AND rc.component_id = f.component_id
                LEFT JOIN sbom_match m ON m.component_id = f.component_id AND m.vuln_id = f.vuln_id
                LEFT JOIN sbom_vulnerability v ON v.vuln_id = f.vuln_id
                WHERE f.active = TRUE AND f.vuln_id IN (?)
                ORDER BY p.name, r.released_on DESC NULLS LAST, r.id DESC, c.name, f.id OFFSET 0 ROWS FETCH NEXT 25 ROWS ONLY""";
        List<Long> components = jdbc.queryForList("SELECT component_id FROM sbom_component_package WHERE match_key = ?",
                Long.class, new OsvPackageRef("npm", npmPackage).matchKey());
        String byPackage = """
                SELECT p.id, r.id, c.name, rc.path
                FROM sbom_release_component rc
                JOIN sbom_release r ON r.id = rc.release_id
                JOIN sbom_product p ON p.id = r.product_id
                JOIN sbom_component c ON c.id = rc.component_id
                WHERE rc.component_id IN (?)
                ORDER BY p.name, r.released_on DESC NULLS LAST, r.id DESC, c.name OFFSET 0 ROWS FETCH NEXT 25 ROWS ONLY""";
        System.out.println("plan of the impact query by vulnerability (" + vulnId + "):");
        jdbc.queryForList("EXPLAIN ANALYZE " + byVulnerability, String.class, vulnId).forEach(System.out::println);
        if (components.isEmpty()) {
            return;
        }
        System.out.println("plan of the impact query by package (" + npmPackage + ", component " + components.getFirst() + "):");
        jdbc.queryForList("EXPLAIN ANALYZE " + byPackage, String.class, components.getFirst()).forEach(System.out::println);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
