package eu.vigil.sbom.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import eu.vigil.audit.AuditEvent;
import eu.vigil.audit.AuditTrail;
import eu.vigil.core.InvalidInputException;
import eu.vigil.core.licence.LicenceDecision;
import eu.vigil.core.licence.LicenceExpression;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The licence policy (each SPDX licence id allowed, to review, or forbidden; unknown ones need a
 * review) and the licence report of a release: every component's licences parsed as SPDX
 * expressions and judged by the policy (the worst of an AND, the best of an OR).
 */
@Service
@Transactional
public class Licences {

    private final JdbcClient jdbc;
    private final Repository repository;
    private final AuditTrail audit;
    private final Clock clock;

    Licences(JdbcClient jdbc, Repository repository, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
    }

    public record PolicyEntry(String licenceId, String decision, java.time.Instant updatedAt, String updatedBy) {
    }

    @Transactional(readOnly = true)
    public List<PolicyEntry> policy() {
        return jdbc.sql("SELECT * FROM sbom_licence_policy ORDER BY decision, licence_id")
                .query((rs, n) -> new PolicyEntry(rs.getString("licence_id"), rs.getString("decision"),
                        Sql.instant(rs.getObject("updated_at")), rs.getString("updated_by"))).list();
    }

    /** Sets (or with a null decision removes) the policy's decision on one licence id. */
    public void decide(String licenceId, String decision, String user) {
        String id = SbomManagement.required("licenceId", licenceId, 300);
        if (!id.matches("[A-Za-z0-9.\\-:+]+")) {
            throw new InvalidSbomInput("licenceId", "A licence id is an SPDX identifier such as MIT or GPL-3.0-only.");
        }
        jdbc.sql("DELETE FROM sbom_licence_policy WHERE licence_id = ?").param(id).update();
        if (decision != null && !decision.isBlank()) {
            LicenceDecision d;
            try {
                d = LicenceDecision.valueOf(decision.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidSbomInput("decision", "The decision is one of allowed, review, forbidden.");
            }
            jdbc.sql("INSERT INTO sbom_licence_policy (licence_id, decision, updated_at, updated_by) VALUES (?, ?, ?, ?)")
                    .params(id, d.name(), Sql.at(clock.instant()), user).update();
        }
        audit.record(AuditEvent.of("sbom.licence.policy").object("licence", id).detail("decision", decision));
    }

    /** One component's licence verdict. */
    public record Verdict(long componentId, String component, String version, String licences, String decision,
                          String reason) {
    }

    /** The report of a release: counts per decision and the components that are not simply allowed. */
    public record Report(long components, Map<String, Long> counts, List<Verdict> violations) {
    }

    @Transactional(readOnly = true)
    public Report report(long releaseId) {
        Map<String, LicenceDecision> policy = new LinkedHashMap<>();
        policy().forEach(p -> policy.put(p.licenceId(), LicenceDecision.valueOf(p.decision())));
        Map<String, Long> counts = new LinkedHashMap<>();
        for (LicenceDecision d : LicenceDecision.values()) {
            counts.put(d.name(), 0L);
        }
        counts.put("NONE", 0L);
        List<Verdict> violations = new ArrayList<>();
        var components = repository.allReleaseComponents(releaseId);
        for (var c : components) {
            Verdict v = judge(c.componentId(), c.name(), c.version(), c.licences(), policy);
            counts.merge(v.decision(), 1L, Long::sum);
            if (!v.decision().equals("ALLOWED") && !v.decision().equals("NONE")) {
                violations.add(v);
            }
        }
        violations.sort((a, b) -> a.decision().equals(b.decision()) ? a.component().compareTo(b.component())
                : a.decision().equals("FORBIDDEN") ? -1 : 1);
        return new Report(components.size(), counts, violations);
    }

    static Verdict judge(long id, String name, String version, String licences, Map<String, LicenceDecision> policy) {
        if (licences == null || licences.isBlank()) {
            return new Verdict(id, name, version, null, "NONE", "The SBOM states no licence.");
        }
        LicenceDecision worst = LicenceDecision.ALLOWED;
        List<String> reasons = new ArrayList<>();
        for (String text : licences.split("\n")) {
            LicenceDecision d;
            try {
                LicenceExpression expression = LicenceExpression.parse(text);
                d = expression.evaluate(policy::get);
                if (d != LicenceDecision.ALLOWED) {
                    reasons.add(expression.canonical() + ": " + d.name().toLowerCase(Locale.ROOT)
                            + (expression.licenceIds().stream().anyMatch(i -> !policy.containsKey(i)) ? " (not all in the policy)" : ""));
                }
            } catch (InvalidInputException e) {
                d = LicenceDecision.REVIEW;
                reasons.add("'" + text + "' is not an SPDX expression: review");
            }
            worst = worst.compareTo(d) >= 0 ? worst : d;
        }
        return new Verdict(id, name, version, licences.replace("\n", "; "), worst.name(), String.join("; ", reasons));
    }
}
