package eu.vigil.sbom.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import eu.vigil.identity.Role;
import eu.vigil.notifications.Notice;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells the security team about new critical and high findings on supported releases: one notice
 * per release and matching run, listing the vulnerabilities (the notifications module delivers it).
 */
@Component
class FindingNotices {

    static final String TOPIC = "sbom.finding";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    FindingNotices(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    private record Row(long releaseId, String productKey, String productName, String version, String vulnId,
                       String severity, String component) {
    }

    void announce(long run) {
        List<Row> rows = jdbc.sql("""
                SELECT r.id, p.product_key, p.name, r.version, f.vuln_id, v.severity, c.name
                FROM sbom_finding f
                JOIN sbom_release r ON r.id = f.release_id AND r.status = 'supported'
                JOIN sbom_product p ON p.id = r.product_id
                JOIN sbom_vulnerability v ON v.vuln_id = f.vuln_id AND v.severity_rank >= 3
                JOIN sbom_component c ON c.id = f.component_id
                WHERE f.match_run = ? AND f.state IN ('IN_TRIAGE', 'AFFECTED')
                ORDER BY r.id, v.severity_rank DESC, f.vuln_id""").param(run)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7))).list();
        Map<Long, List<Row>> byRelease = new LinkedHashMap<>();
        rows.forEach(r -> byRelease.computeIfAbsent(r.releaseId(), k -> new java.util.ArrayList<>()).add(r));
        byRelease.forEach((releaseId, list) -> {
            Row first = list.get(0);
            boolean critical = list.stream().anyMatch(r -> "CRITICAL".equals(r.severity()));
            StringBuilder body = new StringBuilder();
            list.stream().limit(20).forEach(r -> body.append(r.severity()).append(' ').append(r.vulnId()).append(" in ")
                    .append(r.component()).append('\n'));
            if (list.size() > 20) {
                body.append("… and ").append(list.size() - 20).append(" more\n");
            }
            events.publishEvent(new Notice(TOPIC, critical ? Notice.Urgency.CRITICAL : Notice.Urgency.WARNING,
                    "sbom:release:" + releaseId + ":run:" + run,
                    list.size() + " new " + (critical ? "critical/high" : "high") + " finding" + (list.size() == 1 ? "" : "s")
                            + " in " + first.productName() + " " + first.version(),
                    body.toString(), "/sbom/releases/" + releaseId + "?state=IN_TRIAGE",
                    Set.of(Role.SECURITY), Map.of("product", first.productKey(), "release", first.version())));
        });
    }
}
