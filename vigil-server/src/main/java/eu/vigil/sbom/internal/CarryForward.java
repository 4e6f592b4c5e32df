package eu.vigil.sbom.internal;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Carries triage decisions across the releases of a product, so that nobody triages the same
 * false positive on every release. A decision applies as it is where the other release has the
 * same component (same purl and hashes) and the same vulnerability; where only the package is the
 * same and its version changed, the finding stays in triage with a note that says what was
 * decided before and that the version change needs a second look.
 */
@Component
class CarryForward {

    private final JdbcClient jdbc;

    CarryForward(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Candidate(long findingId, long priorId, String state, String justification, String detail,
                             String priorVersion, String componentVersion, String priorComponentVersion,
                             boolean sameComponent) {
    }

    /** Applies earlier decisions to the findings created by matching run {@code run}. */
    void apply(long run, Instant now) {
        List<Candidate> candidates = jdbc.sql("""
                SELECT f.id, p.id, p.state, p.justification, p.detail, r2.version, c.version, c2.version,
                    CASE WHEN p.component_id = f.component_id THEN 1 ELSE 0 END AS same_component
                FROM sbom_finding f
                JOIN sbom_release r ON r.id = f.release_id
                JOIN sbom_component c ON c.id = f.component_id
                JOIN sbom_finding p ON p.vuln_id = f.vuln_id AND p.release_id <> f.release_id AND p.state <> 'IN_TRIAGE'
                JOIN sbom_release r2 ON r2.id = p.release_id AND r2.product_id = r.product_id
                JOIN sbom_component c2 ON c2.id = p.component_id
                    AND (c2.id = c.id OR (c2.package_key = c.package_key AND c2.package_key IS NOT NULL))
                WHERE f.match_run = ? AND f.state = 'IN_TRIAGE'
                ORDER BY f.id, same_component DESC, p.analysed_at DESC, p.id DESC""")
                .param(run)
                .query((rs, n) -> new Candidate(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getInt(9) == 1))
                .list();
        Set<Long> done = new HashSet<>();
        for (Candidate c : candidates) {
            if (!done.add(c.findingId())) {
                continue;
            }
            if (c.sameComponent()) {
                carry(c.findingId(), c.priorId(), c.state(), c.justification(), c.detail(), c.priorVersion(), now);
            } else {
                jdbc.sql("UPDATE sbom_finding SET note = ? WHERE id = ?")
                        .params(Sql.cut("Release " + c.priorVersion() + " decided " + c.state() + " for version "
                                + c.priorComponentVersion() + " of this component; this release has version "
                                + c.componentVersion() + ", so the decision needs a second look.", 1000), c.findingId())
                        .update();
            }
        }
    }

    /** Applies a decision just made on {@code findingId} to the untriaged same findings of the product's other releases. */
    int forward(long findingId, String state, String justification, String detail, Instant now) {
        record Target(long id, String version) {
        }
        List<Target> targets = jdbc.sql("""
                SELECT t.id, r.version FROM sbom_finding f
                JOIN sbom_release r0 ON r0.id = f.release_id
                JOIN sbom_finding t ON t.component_id = f.component_id AND t.vuln_id = f.vuln_id AND t.id <> f.id
                    AND t.state = 'IN_TRIAGE'
                JOIN sbom_release r ON r.id = t.release_id AND r.product_id = r0.product_id
                WHERE f.id = ?""").param(findingId).query((rs, n) -> new Target(rs.getLong(1), rs.getString(2))).list();
        String fromVersion = jdbc.sql("SELECT r.version FROM sbom_finding f JOIN sbom_release r ON r.id = f.release_id WHERE f.id = ?")
                .param(findingId).query(String.class).single();
        for (Target t : targets) {
            carry(t.id(), findingId, state, justification, detail, fromVersion, now);
        }
        return targets.size();
    }

    private void carry(long findingId, long fromFinding, String state, String justification, String detail,
                       String fromVersion, Instant now) {
        String note = "Carried forward from release " + fromVersion + " (finding " + fromFinding + ").";
        jdbc.sql("""
                UPDATE sbom_finding SET state = ?, justification = ?, detail = ?, carried_from = ?, note = ?,
                    analysed_at = ?, analysed_by = ? WHERE id = ?""")
                .params(state, justification, detail, fromFinding, Sql.cut(note, 1000), Sql.at(now), "vigil", findingId)
                .update();
        jdbc.sql("""
                INSERT INTO sbom_analysis (finding_id, state, justification, detail, source, analysed_at, analysed_by)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(findingId, state, justification, detail, Sql.cut(note, 300), Sql.at(now), "vigil").update();
    }
}
