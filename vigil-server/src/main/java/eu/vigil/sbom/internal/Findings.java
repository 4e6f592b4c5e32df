package eu.vigil.sbom.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Findings and their triage history: paged, filtered queries. */
@Repository
public class Findings {

    private final JdbcClient jdbc;

    Findings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A finding with what a list shows of it. */
    public record Finding(long id, long releaseId, long productId, String productKey, String productName,
                          String releaseVersion, String releaseStatus, long componentId, String componentName,
                          String componentVersion, String componentPurl, String vulnId, List<String> aliases,
                          String summary, String severity, Double cvssScore, String cvssVector, List<String> fixedVersions,
                          Instant firstSeen, boolean active, String state, String justification, String detail,
                          Long carriedFrom, String note, Instant analysedAt, String analysedBy, String path) {
    }

    /** An entry of a finding's triage history. */
    public record Analysis(String state, String justification, String detail, String source, Instant at, String by) {
    }

    /**
     * Filters; null or blank means any.
     *
     * @param minSeverity lowest severity rank (4 critical … 1 low)
     * @param text        part of a vulnerability id or of a component's name or purl
     * @param includeGone whether findings whose match went away are listed too
     */
    public record Filter(Long productId, Long releaseId, Long componentId, String vulnId, Integer minSeverity,
                         String state, String text, boolean includeGone) {
        public static Filter none() {
            return new Filter(null, null, null, null, null, null, null, false);
        }
    }

    private static final String SELECT = """
            SELECT f.id, f.release_id, r.product_id, p.product_key, p.name AS product_name, r.version AS release_version,
                r.status AS release_status, f.component_id, c.name AS component_name, c.version AS component_version,
                c.purl, f.vuln_id, v.aliases, v.summary, v.severity, v.cvss_score, v.cvss_vector, m.fixed_versions,
                f.first_seen, f.active, f.state, f.justification, f.detail, f.carried_from, f.note, f.analysed_at,
                f.analysed_by, rc.path
            FROM sbom_finding f
            JOIN sbom_release r ON r.id = f.release_id
            JOIN sbom_product p ON p.id = r.product_id
            JOIN sbom_component c ON c.id = f.component_id
            LEFT JOIN sbom_vulnerability v ON v.vuln_id = f.vuln_id
            LEFT JOIN sbom_match m ON m.component_id = f.component_id AND m.vuln_id = f.vuln_id
            LEFT JOIN sbom_release_component rc ON rc.release_id = f.release_id AND rc.component_id = f.component_id
            """;

    public Optional<Finding> find(long id) {
        return jdbc.sql(SELECT + " WHERE f.id = ?").param(id).query(Findings::map).optional();
    }

    public List<Finding> page(Filter filter, int offset, int limit) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        args.add(offset);
        args.add(limit);
        return jdbc.sql(SELECT + where + """
                 ORDER BY COALESCE(v.severity_rank, 0) DESC, f.vuln_id, p.name, r.version, f.id
                OFFSET ? ROWS FETCH NEXT ? ROWS ONLY""").params(args).query(Findings::map).list();
    }

    public long count(Filter filter) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        return jdbc.sql("""
                SELECT COUNT(*) FROM sbom_finding f JOIN sbom_release r ON r.id = f.release_id
                JOIN sbom_product p ON p.id = r.product_id JOIN sbom_component c ON c.id = f.component_id
                LEFT JOIN sbom_vulnerability v ON v.vuln_id = f.vuln_id""" + where).params(args).query(Long.class).single();
    }

    private static String where(Filter f, List<Object> args) {
        StringBuilder sql = new StringBuilder(" WHERE 1 = 1");
        if (!f.includeGone()) {
            sql.append(" AND f.active = TRUE");
        }
        if (f.productId() != null) {
            sql.append(" AND r.product_id = ?");
            args.add(f.productId());
        }
        if (f.releaseId() != null) {
            sql.append(" AND f.release_id = ?");
            args.add(f.releaseId());
        }
        if (f.componentId() != null) {
            sql.append(" AND f.component_id = ?");
            args.add(f.componentId());
        }
        if (f.vulnId() != null && !f.vulnId().isBlank()) {
            sql.append(" AND f.vuln_id IN (SELECT a.vuln_id FROM sbom_vulnerability_alias a WHERE a.alias = ?)");
            args.add(f.vulnId().strip().toUpperCase(Locale.ROOT));
        }
        if (f.minSeverity() != null && f.minSeverity() > 0) {
            sql.append(" AND v.severity_rank >= ?");
            args.add(f.minSeverity());
        }
        if (f.state() != null && !f.state().isBlank()) {
            sql.append(" AND f.state = ?");
            args.add(f.state().strip().toUpperCase(Locale.ROOT));
        }
        if (f.text() != null && !f.text().isBlank()) {
            sql.append(" AND (LOWER(f.vuln_id) LIKE ? OR LOWER(c.name) LIKE ? OR LOWER(COALESCE(c.purl, '')) LIKE ?)");
            String like = Sql.like(f.text());
            args.add(like);
            args.add(like);
            args.add(like);
        }
        return sql.toString();
    }

    public List<Analysis> history(long findingId) {
        return jdbc.sql("""
                SELECT state, justification, detail, source, analysed_at, analysed_by FROM sbom_analysis
                WHERE finding_id = ? ORDER BY analysed_at DESC, id DESC""").param(findingId)
                .query((rs, n) -> new Analysis(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        Sql.instant(rs.getObject(5)), rs.getString(6))).list();
    }

    void analyse(long id, String state, String justification, String detail, Instant now, String user, String source) {
        jdbc.sql("""
                UPDATE sbom_finding SET state = ?, justification = ?, detail = ?, carried_from = NULL, note = NULL,
                    analysed_at = ?, analysed_by = ? WHERE id = ?""")
                .params(state, justification, detail, Sql.at(now), user, id).update();
        jdbc.sql("""
                INSERT INTO sbom_analysis (finding_id, state, justification, detail, source, analysed_at, analysed_by)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, state, justification, detail, Sql.cut(source, 300), Sql.at(now), user).update();
    }

    static Finding map(ResultSet rs, int row) throws SQLException {
        String aliases = rs.getString("aliases");
        String fixed = rs.getString("fixed_versions");
        java.math.BigDecimal score = rs.getBigDecimal("cvss_score");
        long carried = rs.getLong("carried_from");
        Long carriedFrom = rs.wasNull() ? null : carried;
        return new Finding(rs.getLong("id"), rs.getLong("release_id"), rs.getLong("product_id"), rs.getString("product_key"),
                rs.getString("product_name"), rs.getString("release_version"), rs.getString("release_status"),
                rs.getLong("component_id"), rs.getString("component_name"), rs.getString("component_version"),
                rs.getString("purl"), rs.getString("vuln_id"),
                aliases == null || aliases.isBlank() ? List.of() : Arrays.asList(aliases.split(" ")),
                rs.getString("summary"), rs.getString("severity"), score == null ? null : score.doubleValue(),
                rs.getString("cvss_vector"),
                fixed == null || fixed.isBlank() ? List.of() : Arrays.asList(fixed.split(", ")),
                Sql.instant(rs.getObject("first_seen")), rs.getBoolean("active"), rs.getString("state"),
                rs.getString("justification"), rs.getString("detail"), carriedFrom, rs.getString("note"),
                Sql.instant(rs.getObject("analysed_at")), rs.getString("analysed_by"), rs.getString("path"));
    }
}
