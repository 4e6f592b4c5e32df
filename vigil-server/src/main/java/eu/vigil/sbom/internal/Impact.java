package eu.vigil.sbom.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import eu.vigil.core.InvalidInputException;
import eu.vigil.core.osv.OsvPackageRef;
import eu.vigil.core.purl.PackageUrl;
import eu.vigil.core.version.VersRange;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Which products and releases are affected by CVE-X, GHSA-Y, or pkg:maven/g/a@range?" Answered
 * from indexes: the alias table for vulnerability ids, the package index for purls; one page of
 * releases with the path from the release's root to the component and the fixed versions.
 */
@Service
@Transactional(readOnly = true)
public class Impact {

    private final JdbcClient jdbc;

    Impact(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One affected component in one release. */
    public record Hit(long productId, String productKey, String productName, long releaseId, String releaseVersion,
                      String releaseStatus, long componentId, String componentName, String componentVersion, String purl,
                      Integer depth, String path, String vulnId, String severity, List<String> fixedVersions, String state,
                      Long findingId, boolean fixAvailable) {

        public Hit {
            fixAvailable = !fixedVersions.isEmpty();
        }
    }

    /**
     * The answer.
     *
     * @param kind      {@code vulnerability} or {@code package}
     * @param matched   the vulnerability ids (for a vulnerability query) or the package's match key
     */
    public record Answer(String query, String kind, List<String> matched, long products, long releases, long total,
                         List<Hit> hits) {
    }

    public Answer query(String query, int offset, int limit) {
        if (query == null || query.isBlank()) {
            throw new InvalidSbomInput("q", "Give a vulnerability id (CVE-…, GHSA-…, an OSV id) or a Package URL "
                    + "(pkg:type/namespace/name, optionally @version or @range such as @>=2.0|<2.15.0).");
        }
        String q = query.strip();
        if (q.length() > 2000) {
            throw new InvalidSbomInput("q", "The query is longer than 2000 characters.");
        }
        return q.regionMatches(true, 0, "pkg:", 0, 4) ? packageQuery(q, offset, limit) : vulnerabilityQuery(q, offset, limit);
    }

    private static final String HIT_COLUMNS = """
            p.id AS product_id, p.product_key, p.name AS product_name, r.id AS release_id, r.version AS release_version,
            r.status AS release_status, c.id AS component_id, c.name AS component_name, c.version AS component_version,
            c.purl, rc.depth, rc.path""";

    private Answer vulnerabilityQuery(String id, int offset, int limit) {
        List<String> ids = jdbc.sql("SELECT DISTINCT vuln_id FROM sbom_vulnerability_alias WHERE alias = ?")
                .param(id.toUpperCase(Locale.ROOT)).query(String.class).list();
        if (ids.isEmpty()) {
            return new Answer(id, "vulnerability", List.of(), 0, 0, 0, List.of());
        }
        String in = Sql.placeholders(ids.size());
        String from = """
                FROM sbom_finding f
                JOIN sbom_release r ON r.id = f.release_id
                JOIN sbom_product p ON p.id = r.product_id
                JOIN sbom_component c ON c.id = f.component_id
                JOIN sbom_release_component rc ON rc.release_id = f.release_id AND rc.component_id = f.component_id
                LEFT JOIN sbom_match m ON m.component_id = f.component_id AND m.vuln_id = f.vuln_id
                LEFT JOIN sbom_vulnerability v ON v.vuln_id = f.vuln_id
                WHERE f.active = TRUE AND f.vuln_id IN (""" + in + ")";
        List<Object> args = new ArrayList<>(ids);
        // the same rows without the joins that cannot change a count (foreign keys, unique left joins): less to plan
        long[] counts = counts("""
                FROM sbom_finding f
                JOIN sbom_release r ON r.id = f.release_id
                JOIN sbom_release_component rc ON rc.release_id = f.release_id AND rc.component_id = f.component_id
                WHERE f.active = TRUE AND f.vuln_id IN (""" + in + ")", args);
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(offset);
        pageArgs.add(limit);
        List<Hit> hits = jdbc.sql("SELECT " + HIT_COLUMNS + ", f.vuln_id, v.severity, m.fixed_versions, f.state, f.id AS finding_id "
                        + from + " ORDER BY p.name, r.released_on DESC NULLS LAST, r.id DESC, c.name, f.id"
                        + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")
                .params(pageArgs).query((rs, n) -> hit(rs, true)).list();
        return new Answer(id, "vulnerability", ids, counts[0], counts[1], counts[2], hits);
    }

    private Answer packageQuery(String text, int offset, int limit) {
        int at = text.lastIndexOf('@');
        int slash = text.lastIndexOf('/');
        String purlText = at > slash ? text.substring(0, at) : text;
        String versionPart = at > slash ? text.substring(at + 1).strip() : null;
        PackageUrl purl;
        try {
            purl = PackageUrl.parse(purlText);
        } catch (InvalidInputException e) {
            throw new InvalidSbomInput("q", e.getMessage());
        }
        VersRange range = null;
        if (versionPart != null && !versionPart.isEmpty()) {
            try {
                range = VersRange.parse(versionPart.regionMatches(true, 0, "vers:", 0, 5) ? versionPart
                        : "vers:" + purl.type() + "/" + versionPart);
            } catch (InvalidInputException e) {
                throw new InvalidSbomInput("q", "The version or range after '@' is not valid: " + e.getMessage());
            }
        }
        String key = OsvPackageRef.fromPurl(purl.type(), purl.namespace(), purl.name(), purl.qualifiers().get("distro"))
                .matchKey();
        record Candidate(long id, String version) {
        }
        List<Candidate> candidates = jdbc.sql("SELECT component_id, version FROM sbom_component_package WHERE match_key = ?")
                .param(key).query((rs, n) -> new Candidate(rs.getLong(1), rs.getString(2))).list();
        List<Object> ids = new ArrayList<>();
        for (Candidate c : candidates) {
            if (range == null || contains(range, c.version())) {
                ids.add(c.id());
            }
        }
        if (ids.isEmpty()) {
            return new Answer(text, "package", List.of(key), 0, 0, 0, List.of());
        }
        List<Hit> hits = new ArrayList<>();
        long products = 0;
        long releases = 0;
        long total = 0;
        // a package has few distinct versions; chunk anyway so that no IN list grows without bound
        List<List<Object>> chunks = Sql.chunks(ids, Sql.CHUNK);
        if (chunks.size() == 1) {
            String from = """
                    FROM sbom_release_component rc
                    JOIN sbom_release r ON r.id = rc.release_id
                    JOIN sbom_product p ON p.id = r.product_id
                    JOIN sbom_component c ON c.id = rc.component_id
                    WHERE rc.component_id IN (""" + Sql.placeholders(ids.size()) + ")";
            long[] counts = counts("FROM sbom_release_component rc JOIN sbom_release r ON r.id = rc.release_id"
                    + " WHERE rc.component_id IN (" + Sql.placeholders(ids.size()) + ")", ids);
            products = counts[0];
            releases = counts[1];
            total = counts[2];
            List<Object> pageArgs = new ArrayList<>(ids);
            pageArgs.add(offset);
            pageArgs.add(limit);
            hits = jdbc.sql("SELECT " + HIT_COLUMNS + " " + from
                            + " ORDER BY p.name, r.released_on DESC NULLS LAST, r.id DESC, c.name OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")
                    .params(pageArgs).query((rs, n) -> hit(rs, false)).list();
        } else {
            throw new InvalidSbomInput("q", "More than " + Sql.CHUNK + " versions of this package match; narrow the range.");
        }
        return new Answer(text, "package", List.of(key), products, releases, total, hits);
    }

    private static boolean contains(VersRange range, String version) {
        try {
            return range.contains(version);
        } catch (InvalidInputException e) {
            return false; // a version the scheme cannot order is not claimed to be in the range
        }
    }

    private long[] counts(String from, List<Object> args) {
        return jdbc.sql("SELECT COUNT(DISTINCT r.product_id), COUNT(DISTINCT r.id), COUNT(*) " + from).params(args)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).single();
    }

    private static Hit hit(java.sql.ResultSet rs, boolean vulnerability) throws java.sql.SQLException {
        int depth = rs.getInt("depth");
        Integer d = rs.wasNull() ? null : depth;
        String fixed = vulnerability ? rs.getString("fixed_versions") : null;
        Long findingId = null;
        if (vulnerability) {
            long f = rs.getLong("finding_id");
            findingId = rs.wasNull() ? null : f;
        }
        return new Hit(rs.getLong("product_id"), rs.getString("product_key"), rs.getString("product_name"),
                rs.getLong("release_id"), rs.getString("release_version"), rs.getString("release_status"),
                rs.getLong("component_id"), rs.getString("component_name"), rs.getString("component_version"),
                rs.getString("purl"), d, rs.getString("path"), vulnerability ? rs.getString("vuln_id") : null,
                vulnerability ? rs.getString("severity") : null,
                fixed == null || fixed.isBlank() ? List.of() : Arrays.asList(fixed.split(", ")),
                vulnerability ? rs.getString("state") : null, findingId, false);
    }
}
