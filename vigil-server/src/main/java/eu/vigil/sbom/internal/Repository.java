package eu.vigil.sbom.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read models of the pages and the API: the portfolio overview with severity counts, the
 * components of a release (tree by path), where a component is used, what a vulnerability hits,
 * the SBOM documents of a release. Every list is paged; nothing loads the whole portfolio.
 */
@Service
@Transactional(readOnly = true)
public class Repository {

    private final JdbcClient jdbc;

    Repository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Open findings (in triage or affected) of a product's releases that are not end of life, by severity. */
    public record SeverityCounts(long critical, long high, long medium, long low, long unknown) {
        public long total() {
            return critical + high + medium + low + unknown;
        }
    }

    /** The counts for these products, in one grouped query. */
    public Map<Long, SeverityCounts> openCounts(List<Long> productIds) {
        Map<Long, long[]> counts = new LinkedHashMap<>();
        productIds.forEach(id -> counts.put(id, new long[5]));
        if (productIds.isEmpty()) {
            return Map.of();
        }
        jdbc.sql("""
                SELECT r.product_id, COALESCE(v.severity_rank, 0), COUNT(*)
                FROM sbom_finding f JOIN sbom_release r ON r.id = f.release_id
                LEFT JOIN sbom_vulnerability v ON v.vuln_id = f.vuln_id
                WHERE f.active = TRUE AND f.state IN ('IN_TRIAGE', 'AFFECTED') AND r.status <> 'end-of-life'
                    AND r.product_id IN (""" + Sql.placeholders(productIds.size()) + """
                ) GROUP BY r.product_id, COALESCE(v.severity_rank, 0)""")
                .params(new ArrayList<Object>(productIds))
                .query((rs, n) -> counts.get(rs.getLong(1))[4 - rs.getInt(2)] = rs.getLong(3)).list();
        Map<Long, SeverityCounts> result = new LinkedHashMap<>();
        counts.forEach((id, c) -> result.put(id, new SeverityCounts(c[0], c[1], c[2], c[3], c[4])));
        return result;
    }

    /** Findings first seen per day since {@code from}, by severity (for the trend chart). */
    public record TrendPoint(LocalDate day, long critical, long high, long medium, long low) {
    }

    public List<TrendPoint> trend(LocalDate from) {
        Map<LocalDate, long[]> days = new java.util.TreeMap<>();
        jdbc.sql("""
                SELECT CAST(f.first_seen AS DATE), COALESCE(v.severity_rank, 0), COUNT(*)
                FROM sbom_finding f LEFT JOIN sbom_vulnerability v ON v.vuln_id = f.vuln_id
                WHERE f.first_seen >= ? GROUP BY CAST(f.first_seen AS DATE), COALESCE(v.severity_rank, 0)""")
                .param(Sql.at(from.atStartOfDay(java.time.ZoneOffset.UTC).toInstant()))
                .query((rs, n) -> {
                    int rank = rs.getInt(2);
                    if (rank >= 1) {
                        days.computeIfAbsent(rs.getDate(1).toLocalDate(), d -> new long[4])[4 - rank] += rs.getLong(3);
                    }
                    return null;
                }).list();
        List<TrendPoint> points = new ArrayList<>();
        days.forEach((day, c) -> points.add(new TrendPoint(day, c[0], c[1], c[2], c[3])));
        return points;
    }

    /** A component in a release. */
    public record ReleaseComponent(long componentId, String name, String version, String purl, String type,
                                   String licences, boolean root, Integer depth, String path, long openFindings) {
    }

    private static final String RELEASE_COMPONENT = """
            SELECT c.id, c.name, c.version, c.purl, c.component_type, c.licences, rc.is_root, rc.depth, rc.path,
                (SELECT COUNT(*) FROM sbom_finding f WHERE f.release_id = rc.release_id AND f.component_id = c.id
                    AND f.active = TRUE AND f.state IN ('IN_TRIAGE', 'AFFECTED')) AS open_findings
            FROM sbom_release_component rc JOIN sbom_component c ON c.id = rc.component_id
            """;

    /** The components of a release in tree order (by path), paged, optionally filtered by text. */
    public List<ReleaseComponent> releaseComponents(long releaseId, String text, int offset, int limit) {
        List<Object> args = new ArrayList<>();
        args.add(releaseId);
        String where = " WHERE rc.release_id = ?" + textFilter(text, args);
        args.add(offset);
        args.add(limit);
        return jdbc.sql(RELEASE_COMPONENT + where
                        + " ORDER BY CASE WHEN rc.path IS NULL THEN 1 ELSE 0 END, rc.path, c.name, c.id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")
                .params(args).query(Repository::releaseComponent).list();
    }

    public long countReleaseComponents(long releaseId, String text) {
        List<Object> args = new ArrayList<>();
        args.add(releaseId);
        String where = " WHERE rc.release_id = ?" + textFilter(text, args);
        return jdbc.sql("SELECT COUNT(*) FROM sbom_release_component rc JOIN sbom_component c ON c.id = rc.component_id" + where)
                .params(args).query(Long.class).single();
    }

    /** Every component of a release with its licences, in slices (for the licence report; never the portfolio). */
    List<ReleaseComponent> allReleaseComponents(long releaseId) {
        return jdbc.sql(RELEASE_COMPONENT + " WHERE rc.release_id = ? ORDER BY c.name, c.id").param(releaseId)
                .query(Repository::releaseComponent).list();
    }

    private static String textFilter(String text, List<Object> args) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String like = Sql.like(text);
        args.add(like);
        args.add(like);
        return " AND (LOWER(c.name) LIKE ? OR LOWER(COALESCE(c.purl, '')) LIKE ?)";
    }

    private static ReleaseComponent releaseComponent(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        int depth = rs.getInt(8);
        Integer d = rs.wasNull() ? null : depth;
        return new ReleaseComponent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getBoolean(7), d, rs.getString(9), rs.getLong(10));
    }

    /** A distinct component. */
    public record ComponentInfo(long id, String name, String version, String group, String purl, String type,
                                String supplier, String cpe, List<String> licences, String hashes, long releases) {
    }

    public Optional<ComponentInfo> component(long id) {
        return jdbc.sql("""
                SELECT c.*, (SELECT COUNT(*) FROM sbom_release_component rc WHERE rc.component_id = c.id) AS releases
                FROM sbom_component c WHERE c.id = ?""").param(id)
                .query((rs, n) -> new ComponentInfo(rs.getLong("id"), rs.getString("name"), rs.getString("version"),
                        rs.getString("component_group"), rs.getString("purl"), rs.getString("component_type"),
                        rs.getString("supplier"), rs.getString("cpe"),
                        rs.getString("licences") == null || rs.getString("licences").isBlank() ? List.of()
                                : Arrays.asList(rs.getString("licences").split("\n")),
                        rs.getString("hashes"), rs.getLong("releases"))).optional();
    }

    /** Where a component is used: releases with the path to it. */
    public record Usage(long productId, String productName, long releaseId, String releaseVersion, String releaseStatus,
                        Integer depth, String path) {
    }

    public List<Usage> usages(long componentId, int offset, int limit) {
        return jdbc.sql("""
                SELECT p.id, p.name, r.id, r.version, r.status, rc.depth, rc.path
                FROM sbom_release_component rc JOIN sbom_release r ON r.id = rc.release_id
                JOIN sbom_product p ON p.id = r.product_id
                WHERE rc.component_id = ? ORDER BY p.name, r.id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY""")
                .params(componentId, offset, limit)
                .query((rs, n) -> {
                    int depth = rs.getInt(6);
                    Integer d = rs.wasNull() ? null : depth;
                    return new Usage(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5), d,
                            rs.getString(7));
                }).list();
    }

    /** A vulnerability as matched. */
    public record VulnerabilityInfo(String id, List<String> aliases, String summary, String severity, Double score,
                                    String vector, Instant updatedAt, long components, long releases) {
    }

    public Optional<VulnerabilityInfo> vulnerability(String idOrAlias) {
        List<String> ids = jdbc.sql("SELECT DISTINCT vuln_id FROM sbom_vulnerability_alias WHERE alias = ?")
                .param(idOrAlias.toUpperCase(java.util.Locale.ROOT)).query(String.class).list();
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        String id = ids.get(0);
        return jdbc.sql("""
                SELECT v.*, (SELECT COUNT(*) FROM sbom_match m WHERE m.vuln_id = v.vuln_id) AS components,
                    (SELECT COUNT(DISTINCT f.release_id) FROM sbom_finding f WHERE f.vuln_id = v.vuln_id AND f.active = TRUE)
                        AS releases
                FROM sbom_vulnerability v WHERE v.vuln_id = ?""").param(id)
                .query((rs, n) -> {
                    java.math.BigDecimal score = rs.getBigDecimal("cvss_score");
                    String aliases = rs.getString("aliases");
                    return new VulnerabilityInfo(rs.getString("vuln_id"),
                            aliases == null || aliases.isBlank() ? List.of() : Arrays.asList(aliases.split(" ")),
                            rs.getString("summary"), rs.getString("severity"), score == null ? null : score.doubleValue(),
                            rs.getString("cvss_vector"), Sql.instant(rs.getObject("updated_at")), rs.getLong("components"),
                            rs.getLong("releases"));
                }).optional();
    }

    /** An uploaded SBOM document. */
    public record Document(long id, String fileName, String format, String specVersion, String sha256, long size,
                           int components, Instant uploadedAt, String uploadedBy, String blobId) {
    }

    public List<Document> documents(long releaseId) {
        return jdbc.sql("SELECT * FROM sbom_document WHERE release_id = ? ORDER BY uploaded_at DESC, id DESC")
                .param(releaseId)
                .query((rs, n) -> new Document(rs.getLong("id"), rs.getString("file_name"), rs.getString("format"),
                        rs.getString("spec_version"), rs.getString("sha256"), rs.getLong("size_bytes"),
                        rs.getInt("component_count"), Sql.instant(rs.getObject("uploaded_at")), rs.getString("uploaded_by"),
                        rs.getString("blob_id"))).list();
    }

    public Optional<Document> document(long releaseId, long documentId) {
        return documents(releaseId).stream().filter(d -> d.id() == documentId).findFirst();
    }
}
