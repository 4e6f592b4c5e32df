package eu.vigil.sbom.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import eu.vigil.core.cvss.CvssSeverity;
import eu.vigil.core.osv.OsvIndex;
import eu.vigil.core.osv.OsvMatch;
import eu.vigil.core.osv.OsvPackageRef;
import eu.vigil.core.osv.OsvRating;
import eu.vigil.core.osv.OsvVulnerability;
import eu.vigil.vulndb.VulnerabilityCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Matches distinct components against the vulnerability knowledge base and fans the matches out
 * to findings in every release that contains the component. A component is matched once however
 * many releases share it; a changed vulnerability re-matches only the components of the packages
 * it names. All writes are set-based, a chunk of components at a time.
 */
@Service
public class Matching {

    private static final Logger log = LoggerFactory.getLogger(Matching.class);

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final ObjectProvider<VulnerabilityCatalog> catalog;
    private final CarryForward carryForward;
    private final FindingNotices notices;
    private final Clock clock;
    private final TransactionTemplate transactions;

    Matching(JdbcClient jdbc, JdbcTemplate template, ObjectProvider<VulnerabilityCatalog> catalog,
             CarryForward carryForward, FindingNotices notices, Clock clock, PlatformTransactionManager transactions) {
        this.transactions = new TransactionTemplate(transactions);
        this.jdbc = jdbc;
        this.template = template;
        this.catalog = catalog;
        this.carryForward = carryForward;
        this.notices = notices;
        this.clock = clock;
    }

    /** What one matching run did. */
    public record Outcome(long run, int components, int matches, int newFindings, int closedFindings) {
        Outcome plus(Outcome o) {
            return new Outcome(run, components + o.components, matches + o.matches, newFindings + o.newFindings,
                    closedFindings + o.closedFindings);
        }
    }

    private record PackageRow(long componentId, OsvPackageRef ref, String version) {
    }

    /** Matches these components and updates the findings of every release that contains them. */
    @Transactional
    public Outcome match(Collection<Long> componentIds) {
        return doMatch(componentIds);
    }

    private Outcome doMatch(Collection<Long> componentIds) {
        long run = jdbc.sql("SELECT nextval('sbom_match_run_seq')").query(Long.class).single();
        Outcome total = new Outcome(run, 0, 0, 0, 0);
        VulnerabilityCatalog vulnerabilities = catalog.getIfAvailable();
        if (vulnerabilities == null) {
            log.warn("No vulnerability catalogue in this application: components are stored but not matched");
            return total;
        }
        Instant now = clock.instant();
        for (List<Long> chunk : Sql.chunks(new LinkedHashSet<>(componentIds), Sql.CHUNK)) {
            total = total.plus(matchChunk(vulnerabilities, chunk, run, now));
        }
        carryForward.apply(run, now);
        notices.announce(run);
        return total;
    }

    /** Re-matches the components of these packages (a changed vulnerability names them). */
    @Transactional
    public Outcome rematch(Collection<OsvPackageRef> packages) {
        Set<String> keys = new LinkedHashSet<>();
        packages.forEach(p -> keys.add(p.matchKey()));
        Set<Long> ids = new LinkedHashSet<>();
        for (List<String> chunk : Sql.chunks(keys, Sql.CHUNK)) {
            ids.addAll(jdbc.sql("SELECT DISTINCT component_id FROM sbom_component_package WHERE match_key IN ("
                    + Sql.placeholders(chunk.size()) + ")").params(new ArrayList<Object>(chunk)).query(Long.class).list());
        }
        return ids.isEmpty() ? new Outcome(0, 0, 0, 0, 0) : doMatch(ids);
    }

    /**
     * Re-matches the whole repository, a page of components at a time (never all loaded at once),
     * in the order of their package so that the versions of one package share a chunk and its
     * records are asked for once; then the components without a package key, by id.
     */
    public Outcome matchAll() {
        Outcome total = new Outcome(0, 0, 0, 0, 0);
        String lastKey = "";
        long after = 0;
        while (true) {
            List<Object[]> page = jdbc.sql("""
                    SELECT package_key, id FROM sbom_component
                    WHERE package_key > ? OR (package_key = ? AND id > ?)
                    ORDER BY package_key, id FETCH FIRST 5000 ROWS ONLY""")
                    .params(lastKey, lastKey, after)
                    .query((rs, n) -> new Object[] {rs.getString(1), rs.getLong(2)}).list();
            if (page.isEmpty()) {
                break;
            }
            List<Long> ids = page.stream().map(r -> (Long) r[1]).toList();
            total = total.plus(transactions.execute(status -> doMatch(ids))); // each page commits on its own
            lastKey = (String) page.getLast()[0];
            after = ids.getLast();
        }
        after = 0;
        while (true) {
            List<Long> ids = jdbc.sql("SELECT id FROM sbom_component WHERE package_key IS NULL AND id > ? ORDER BY id"
                    + " FETCH FIRST 5000 ROWS ONLY").param(after).query(Long.class).list();
            if (ids.isEmpty()) {
                return total;
            }
            total = total.plus(transactions.execute(status -> doMatch(ids)));
            after = ids.getLast();
        }
    }

    private Outcome matchChunk(VulnerabilityCatalog vulnerabilities, List<Long> chunk, long run, Instant now) {
        String in = Sql.placeholders(chunk.size());
        List<Object> ids = new ArrayList<>(chunk);
        List<PackageRow> rows = jdbc.sql("SELECT component_id, ecosystem, package_name, version FROM sbom_component_package"
                        + " WHERE component_id IN (" + in + ")").params(ids)
                .query((rs, n) -> new PackageRow(rs.getLong(1), new OsvPackageRef(rs.getString(2), rs.getString(3)),
                        rs.getString(4))).list();
        Set<OsvPackageRef> packages = new LinkedHashSet<>();
        rows.forEach(r -> packages.add(r.ref()));
        Map<OsvPackageRef, List<OsvVulnerability>> records = packages.isEmpty() ? Map.of()
                : vulnerabilities.affecting(packages);
        Map<OsvPackageRef, OsvIndex> indexes = new HashMap<>();
        // component -> vulnerability id -> match (a component matched as purl and as CPE keeps one match per id)
        Map<Long, Map<String, OsvMatch>> matches = new LinkedHashMap<>();
        for (PackageRow row : rows) {
            List<OsvVulnerability> affecting = records.getOrDefault(row.ref(), List.of());
            if (affecting.isEmpty()) {
                continue;
            }
            OsvIndex index = indexes.computeIfAbsent(row.ref(), r -> OsvIndex.of(affecting));
            for (OsvMatch match : index.query(row.ref(), row.version()).matches()) {
                matches.computeIfAbsent(row.componentId(), k -> new LinkedHashMap<>()).putIfAbsent(match.id(), match);
            }
        }
        // the distinct vulnerabilities, described once
        Map<String, OsvMatch> described = new LinkedHashMap<>();
        matches.values().forEach(m -> m.forEach(described::putIfAbsent));
        describe(described, now);
        jdbc.sql("DELETE FROM sbom_match WHERE component_id IN (" + in + ")").params(ids).update();
        List<Object[]> matchRows = new ArrayList<>();
        matches.forEach((component, byId) -> byId.forEach((id, m) -> matchRows.add(new Object[] {component, id,
                Sql.cut(String.join(", ", m.fixedVersions()), 1000)})));
        // ON CONFLICT DO NOTHING (H2 in PostgreSQL mode too): a concurrent re-match of the same component wrote it
        template.batchUpdate("INSERT INTO sbom_match (component_id, vuln_id, fixed_versions) VALUES (?, ?, ?)"
                + " ON CONFLICT DO NOTHING", matchRows);
        // fan out: new findings, findings whose match went away, findings whose match came back
        List<Object> args = new ArrayList<>();
        args.add(Sql.at(now));
        args.add(run);
        args.addAll(chunk);
        int created = jdbc.sql("""
                INSERT INTO sbom_finding (release_id, component_id, vuln_id, active, first_seen, match_run, state)
                SELECT rc.release_id, m.component_id, m.vuln_id, TRUE, ?, ?, 'IN_TRIAGE'
                FROM sbom_match m JOIN sbom_release_component rc ON rc.component_id = m.component_id
                WHERE m.component_id IN (""" + in + """
                ) AND NOT EXISTS (SELECT 1 FROM sbom_finding f WHERE f.release_id = rc.release_id
                    AND f.component_id = m.component_id AND f.vuln_id = m.vuln_id)
                ON CONFLICT DO NOTHING""").params(args).update();
        // findings whose match went away are closed, those whose match came back reopened: decided here against
        // the matches just written, because PostgreSQL planned the NOT EXISTS form as a scan of all of sbom_match
        List<Object[]> close = new ArrayList<>();
        List<Object[]> reopen = new ArrayList<>();
        jdbc.sql("SELECT id, component_id, vuln_id, active FROM sbom_finding WHERE component_id IN (" + in + ")")
                .params(ids).query(rs -> {
                    boolean matched = matches.getOrDefault(rs.getLong(2), Map.of()).containsKey(rs.getString(3));
                    boolean active = rs.getBoolean(4);
                    if (active && !matched) {
                        close.add(new Object[] {rs.getLong(1)});
                    } else if (!active && matched) {
                        reopen.add(new Object[] {rs.getLong(1)});
                    }
                });
        template.batchUpdate("UPDATE sbom_finding SET active = FALSE WHERE id = ?", close);
        template.batchUpdate("UPDATE sbom_finding SET active = TRUE WHERE id = ?", reopen);
        int closed = close.size();
        return new Outcome(run, chunk.size(), matchRows.size(), created, closed);
    }

    private void describe(Map<String, OsvMatch> matches, Instant now) {
        if (matches.isEmpty()) {
            return;
        }
        for (List<String> chunk : Sql.chunks(matches.keySet(), Sql.CHUNK)) {
            String in = Sql.placeholders(chunk.size());
            jdbc.sql("DELETE FROM sbom_vulnerability WHERE vuln_id IN (" + in + ")").params(new ArrayList<Object>(chunk)).update();
            jdbc.sql("DELETE FROM sbom_vulnerability_alias WHERE vuln_id IN (" + in + ")").params(new ArrayList<Object>(chunk)).update();
        }
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> aliases = new ArrayList<>();
        for (OsvMatch m : matches.values()) {
            OsvRating rating = OsvRating.of(m);
            rows.add(new Object[] {m.id(), Sql.cut(String.join(" ", m.aliases()), 4000), Sql.cut(m.summary(), 2000),
                    rating.severity() == null ? null : rating.severity().name(), rank(rating.severity()),
                    rating.score(), Sql.cut(rating.vector(), 300), Sql.at(now)});
            Set<String> names = new HashSet<>();
            names.add(m.id());
            names.addAll(m.aliases());
            names.addAll(m.recordIds());
            for (String alias : names) {
                aliases.add(new Object[] {Sql.cut(alias.toUpperCase(java.util.Locale.ROOT), 200), m.id()});
            }
        }
        template.batchUpdate("""
                INSERT INTO sbom_vulnerability (vuln_id, aliases, summary, severity, severity_rank, cvss_score, cvss_vector,
                    updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", rows);
        template.batchUpdate("INSERT INTO sbom_vulnerability_alias (alias, vuln_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                aliases);
    }

    /** 4 critical, 3 high, 2 medium, 1 low, 0 none or unknown: for filtering and ordering in SQL. */
    static int rank(CvssSeverity severity) {
        return severity == null ? 0 : switch (severity) {
            case CRITICAL -> 4;
            case HIGH -> 3;
            case MEDIUM -> 2;
            case LOW -> 1;
            case NONE -> 0;
        };
    }
}
