package eu.vigil.bench.sbom;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A generated product portfolio for the SBOM benchmarks, and an OSV corpus that hits it.
 *
 * <p>Portfolio: {@code products × releasesPerProduct} releases of {@code componentsPerRelease}
 * components each, drawn from a pool of {@code poolPackages} npm packages with ten versions each;
 * a product keeps its packages across releases and moves a third of their versions every release,
 * as real products do, so components are shared between releases and products. Each release has a
 * root, 100 direct dependencies and the rest transitive under them, with paths and edges.
 *
 * <p>Corpus: {@code records} OSV records, five per package over {@code records / 5} packages (the
 * portfolio's pool among them), each affecting a range of two versions, with CVSS 3.1 vectors of
 * all four severities and a CVE alias.
 */
public final class PortfolioGenerator {

    private PortfolioGenerator() {
    }

    static String packageName(int p) {
        return "bench-lib-" + p;
    }

    static String version(int v) {
        return "1." + v + ".0";
    }

    private static final String[] VECTORS = {
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", // 9.8 critical
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N", // 7.5 high
            "CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:U/C:L/I:L/A:N", // 4.6 medium
            "CVSS:3.1/AV:L/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N"}; // 1.8 low

    /** The OSV record number {@code r}: package {@code r % packages}, versions [a, a + 2). */
    static String record(int r, int packages, String modified, int fixedOffset) {
        int pkg = r % packages;
        int a = (r / packages) * 2 % 8;
        return """
                {"schema_version": "1.6.0", "id": "BENCH-%d", "modified": "%s", "aliases": ["CVE-2098-%d"],
                 "summary": "Generated vulnerability %d", "severity": [{"type": "CVSS_V3", "score": "%s"}],
                 "affected": [{"package": {"ecosystem": "npm", "name": "%s"},
                   "ranges": [{"type": "SEMVER", "events": [{"introduced": "%s"}, {"fixed": "%s"}]}]}]}"""
                .formatted(r, modified, 100000 + r, r, VECTORS[r % 4], packageName(pkg), version(a), version(a + fixedOffset));
    }

    /** Writes the corpus as an osv.dev-style zip. */
    static Path writeCorpus(Path zip, int records) throws IOException {
        int packages = records / 5;
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            for (int r = 0; r < records; r++) {
                z.putNextEntry(new ZipEntry("BENCH-" + r + ".json"));
                z.write(record(r, packages, "2026-01-01T00:00:00Z", 2).getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return zip;
    }

    /** The package of the pool slot {@code k} of {@code product}. */
    static int packageOf(int product, int k, int poolPackages) {
        return (int) (((long) product * 7919 + (long) k * 104729) % poolPackages);
    }

    static int versionOf(int release, int k) {
        return (release / 3 + k) % 10;
    }

    /** Inserts the portfolio straight into the SBOM tables (as uploads would leave them, without matching). */
    static int insertPortfolio(JdbcTemplate jdbc, int products, int releasesPerProduct, int componentsPerRelease,
                               int poolPackages) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Map<String, Long> components = new LinkedHashMap<>();
        int instances = 0;
        for (int p = 0; p < products; p++) {
            jdbc.update("INSERT INTO sbom_product (product_key, name, vendor, cra_category, created_at) VALUES (?, ?, 'ACME', 'default', ?)",
                    "bench-" + p, "Bench product " + p, now);
            long productId = jdbc.queryForObject("SELECT id FROM sbom_product WHERE product_key = ?", Long.class, "bench-" + p);
            for (int r = 0; r < releasesPerProduct; r++) {
                String releaseVersion = "1." + r;
                jdbc.update("INSERT INTO sbom_release (product_id, version, released_on, status, created_at) VALUES (?, ?, ?, ?, ?)",
                        productId, releaseVersion, Date.valueOf(LocalDate.of(2024, 1, 1).plusDays(30L * r)),
                        r >= releasesPerProduct - 3 ? "supported" : "end-of-life", now);
                long releaseId = jdbc.queryForObject("SELECT id FROM sbom_release WHERE product_id = ? AND version = ?",
                        Long.class, productId, releaseVersion);
                jdbc.update("""
                        INSERT INTO sbom_document (release_id, blob_id, file_name, format, spec_version, sha256, size_bytes,
                            component_count, uploaded_at) VALUES (?, 'generated', 'generated.json', 'CYCLONEDX_JSON', '1.6', ?, 0, ?, ?)""",
                        releaseId, "0".repeat(64), componentsPerRelease, now);
                long documentId = jdbc.queryForObject("SELECT MAX(id) FROM sbom_document WHERE release_id = ?", Long.class, releaseId);
                String rootPurl = "pkg:generic/acme/bench-" + p + "@" + releaseVersion;
                long root = component(jdbc, components, rootPurl, "bench-" + p, releaseVersion, null, null);
                List<Object[]> rows = new ArrayList<>(componentsPerRelease + 1);
                java.util.Set<List<Long>> edges = new java.util.LinkedHashSet<>();
                rows.add(new Object[] {releaseId, root, documentId, "root", true, 0, "bench-" + p + "@" + releaseVersion});
                long[] ids = new long[componentsPerRelease];
                String[] labels = new String[componentsPerRelease];
                for (int k = 0; k < componentsPerRelease; k++) {
                    int pkg = packageOf(p, k, poolPackages);
                    String v = version(versionOf(r, k));
                    String name = packageName(pkg);
                    ids[k] = component(jdbc, components, "pkg:npm/" + name + "@" + v, name, v, "npm", "npm:" + name);
                    labels[k] = name + "@" + v;
                }
                java.util.Set<Long> seen = new java.util.HashSet<>();
                for (int k = 0; k < componentsPerRelease; k++) {
                    if (!seen.add(ids[k])) {
                        continue; // the same package slot twice in one release
                    }
                    boolean direct = k < 100;
                    String path = "bench-" + p + "@" + releaseVersion + (direct ? "" : " > " + labels[k % 100]) + " > " + labels[k];
                    rows.add(new Object[] {releaseId, ids[k], documentId, "c" + k, false, direct ? 1 : 2, path});
                    if (ids[k] != root) {
                        edges.add(List.of(direct ? root : ids[k % 100], ids[k]));
                    }
                }
                jdbc.batchUpdate("""
                        INSERT INTO sbom_release_component (release_id, component_id, document_id, bom_ref, is_root, depth, path)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""", rows);
                jdbc.batchUpdate("INSERT INTO sbom_edge (release_id, parent_id, child_id) VALUES (?, ?, ?)",
                        edges.stream().map(e -> new Object[] {releaseId, e.get(0), e.get(1)}).toList());
                instances += rows.size() - 1;
            }
        }
        return instances;
    }

    private static long component(JdbcTemplate jdbc, Map<String, Long> cache, String purl, String name, String version,
                                  String ecosystem, String matchKey) {
        Long known = cache.get(purl);
        if (known != null) {
            return known;
        }
        String identity = sha256("purl:" + purl + "\n");
        jdbc.update("""
                INSERT INTO sbom_component (identity_hash, purl, name, version, component_type, licences, package_key)
                VALUES (?, ?, ?, ?, 'library', 'MIT', ?)""", identity, purl, name, version, matchKey);
        long id = jdbc.queryForObject("SELECT id FROM sbom_component WHERE identity_hash = ?", Long.class, identity);
        if (ecosystem != null) {
            jdbc.update("INSERT INTO sbom_component_package (component_id, ecosystem, package_name, match_key, version) VALUES (?, ?, ?, ?, ?)",
                    id, ecosystem, name, matchKey, version);
        }
        cache.put(purl, id);
        return id;
    }

    /** A CycloneDX SBOM of {@code count} components from the pool, for the upload benchmark. */
    static String cycloneDx(String name, String version, int count, int poolPackages, int seed) {
        StringBuilder components = new StringBuilder();
        StringBuilder dependsOn = new StringBuilder();
        for (int k = 0; k < count; k++) {
            int pkg = packageOf(seed, k, poolPackages);
            String v = version((seed + k) % 10);
            String ref = "c" + k;
            components.append(k == 0 ? "" : ",\n").append("""
                    {"type": "library", "bom-ref": "%s", "name": "%s", "version": "%s", "purl": "pkg:npm/%s@%s",
                     "licenses": [{"license": {"id": "MIT"}}]}""".formatted(ref, packageName(pkg), v, packageName(pkg), v));
            dependsOn.append(k == 0 ? "" : ",").append('"').append(ref).append('"');
        }
        return """
                {"bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1,
                 "metadata": {"component": {"type": "firmware", "bom-ref": "root", "name": "%s", "version": "%s"}},
                 "components": [%s],
                 "dependencies": [{"ref": "root", "dependsOn": [%s]}]}""".formatted(name, version, components, dependsOn);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
