package eu.vigil.incidents.internal;

import static eu.vigil.incidents.internal.Incidents.at;
import static eu.vigil.incidents.internal.Incidents.instant;
import static eu.vigil.incidents.internal.Incidents.longOrNull;

import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import eu.vigil.audit.AuditEvent;
import eu.vigil.audit.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Continuity plans and drills: recorded, listed, audited. */
@Service
@Transactional
public class Continuity {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    Continuity(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    public long addPlan(String title, String kind, String owner, String summary, String documentLinks,
                        LocalDate approvedOn, LocalDate nextReviewOn, String user) {
        if (title == null || title.isBlank() || title.length() > 200) {
            throw new InvalidIncidentInput("title", "Give a title of at most 200 characters.");
        }
        ContinuityPlan.Kind k;
        try {
            k = ContinuityPlan.Kind.valueOf(kind == null ? "" : kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidIncidentInput("kind", "One of " + Arrays.toString(ContinuityPlan.Kind.values()) + ".");
        }
        List<String> links = links(documentLinks);
        for (String link : links) {
            if (!link.startsWith("https://") && !link.startsWith("http://") && !link.startsWith("/")) {
                throw new InvalidIncidentInput("documentLinks", "Each link is an http(s) address or a path in Vigil: " + link);
            }
        }
        Instant now = clock.instant();
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO continuity_plan (title, kind, owner_name, summary, document_links, approved_on, next_review_on,
                    created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .param(title.strip()).param(k.name()).param(blankToNull(owner, 200, "owner"))
                .param(blankToNull(summary, 4000, "summary")).param(String.join("\n", links))
                .param(approvedOn == null ? null : Date.valueOf(approvedOn))
                .param(nextReviewOn == null ? null : Date.valueOf(nextReviewOn)).param(at(now)).param(user)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        audit.record(AuditEvent.of("incidents.continuity.plan").object("continuity-plan", id).detail("title", title.strip()));
        return id;
    }

    public long addDrill(Long planId, LocalDate heldOn, String scenario, String participants, String lessons,
                         String followUps, String user) {
        if (planId != null) {
            plan(planId);
        }
        if (heldOn == null) {
            throw new InvalidIncidentInput("heldOn", "Give the date of the drill.");
        }
        if (scenario == null || scenario.isBlank()) {
            throw new InvalidIncidentInput("scenario", "Describe the scenario exercised.");
        }
        Instant now = clock.instant();
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO continuity_drill (plan_id, held_on, scenario, participants, lessons, follow_ups, created_at,
                    created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .param(planId).param(Date.valueOf(heldOn)).param(blankToNull(scenario, 2000, "scenario"))
                .param(blankToNull(participants, 2000, "participants")).param(blankToNull(lessons, 4000, "lessons"))
                .param(blankToNull(followUps, 4000, "followUps")).param(at(now)).param(user)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        audit.record(AuditEvent.of("incidents.continuity.drill").object("continuity-drill", id).detail("plan", planId));
        return id;
    }

    @Transactional(readOnly = true)
    public List<ContinuityPlan> plans() {
        return jdbc.sql("SELECT * FROM continuity_plan ORDER BY title, id").query((rs, n) -> new ContinuityPlan(
                rs.getLong("id"), rs.getString("title"), ContinuityPlan.Kind.valueOf(rs.getString("kind")),
                rs.getString("owner_name"), rs.getString("summary"), links(rs.getString("document_links")),
                date(rs.getDate("approved_on")), date(rs.getDate("next_review_on")), instant(rs, "created_at"),
                rs.getString("created_by"))).list();
    }

    @Transactional(readOnly = true)
    public ContinuityPlan plan(long id) {
        return plans().stream().filter(p -> p.id() == id).findFirst()
                .orElseThrow(() -> new UnknownIncident("continuity plan", id));
    }

    @Transactional(readOnly = true)
    public List<ContinuityDrill> drills() {
        return jdbc.sql("SELECT * FROM continuity_drill ORDER BY held_on DESC, id DESC").query((rs, n) -> new ContinuityDrill(
                rs.getLong("id"), longOrNull(rs, "plan_id"), date(rs.getDate("held_on")), rs.getString("scenario"),
                rs.getString("participants"), rs.getString("lessons"), rs.getString("follow_ups"),
                instant(rs, "created_at"), rs.getString("created_by"))).list();
    }

    private static List<String> links(String text) {
        if (text == null) {
            return List.of();
        }
        return text.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String blankToNull(String value, int max, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > max) {
            throw new InvalidIncidentInput(field, "At most " + max + " characters.");
        }
        return value.strip();
    }

    private static LocalDate date(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
