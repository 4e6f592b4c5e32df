package eu.vigil.incidents.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import eu.vigil.core.incident.EntityType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The incident register, in plain SQL. */
@Repository
public class Incidents {

    // null-safe on purpose: NOT (NULL) would drop incidents not yet assessed
    static final String VERDICT_SIGNIFICANT =
            "(COALESCE(override_significant, FALSE) = TRUE"
            + " OR (override_significant IS NULL AND COALESCE(significance_auto, '') = 'SIGNIFICANT'))";
    static final String VERDICT_NOT_SIGNIFICANT =
            "(COALESCE(override_significant, TRUE) = FALSE"
            + " OR (override_significant IS NULL AND COALESCE(significance_auto, '') = 'NOT_SIGNIFICANT'))";
    static final String VERDICT_UNDETERMINED = "(override_significant IS NULL AND significance_auto IS NULL)";

    private final JdbcClient jdbc;

    Incidents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Filters of the register list; {@code null} or blank means "any". */
    public record Filter(IncidentStatus status, Verdict verdict, String text) {
    }

    public long insert(IncidentDetails d, Instant now, String user) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO incident (title, description, category, status, entity_type, detected_at, aware_at, handled_at,
                    affected_services, affected_assets, affected_products, affected_users, duration_minutes,
                    geographic_spread, financial_loss_eur, suspected_malicious, cross_border, root_cause, owner_name, team,
                    linked_psirt_cases, linked_suppliers, linked_devices, created_at, created_by, updated_at, updated_by)
                VALUES (:title, :description, :category, :status, :entityType, :detectedAt, :awareAt, :handledAt,
                    :services, :assets, :products, :users, :duration, :spread, :loss, :malicious, :crossBorder, :rootCause,
                    :owner, :team, :psirt, :suppliers, :devices, :now, :user, :now, :user)
                """)
                .params(params(d)).param("now", at(now)).param("user", user)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void update(long id, IncidentDetails d, Instant now, String user) {
        jdbc.sql("""
                UPDATE incident SET title = :title, description = :description, category = :category, status = :status,
                    entity_type = :entityType, detected_at = :detectedAt, aware_at = :awareAt, handled_at = :handledAt,
                    affected_services = :services, affected_assets = :assets, affected_products = :products,
                    affected_users = :users, duration_minutes = :duration, geographic_spread = :spread,
                    financial_loss_eur = :loss, suspected_malicious = :malicious, cross_border = :crossBorder,
                    root_cause = :rootCause, owner_name = :owner, team = :team, linked_psirt_cases = :psirt,
                    linked_suppliers = :suppliers, linked_devices = :devices, updated_at = :now, updated_by = :user
                WHERE id = :id
                """)
                .params(params(d)).param("now", at(now)).param("user", user).param("id", id)
                .update();
    }

    public void saveAssessment(long id, String factsJson, boolean significant, List<String> criteria, Instant now,
                               String user) {
        jdbc.sql("""
                UPDATE incident SET significance_facts = ?, significance_auto = ?, significance_criteria = ?,
                    significance_assessed_at = ?, significance_assessed_by = ?, updated_at = ?, updated_by = ?
                WHERE id = ?""")
                .param(factsJson).param(significant ? "SIGNIFICANT" : "NOT_SIGNIFICANT").param(String.join(",", criteria))
                .param(at(now)).param(user).param(at(now)).param(user).param(id)
                .update();
    }

    public void saveOverride(long id, Boolean significant, String reason, Instant now, String user) {
        jdbc.sql("""
                UPDATE incident SET override_significant = ?, override_reason = ?, override_by = ?, override_at = ?,
                    updated_at = ?, updated_by = ?
                WHERE id = ?""")
                .param(significant).param(significant == null ? null : reason).param(significant == null ? null : user)
                .param(significant == null ? null : at(now)).param(at(now)).param(user).param(id)
                .update();
    }

    public Optional<Incident> find(long id) {
        return jdbc.sql("SELECT * FROM incident WHERE id = ?").param(id).query(Incidents::map).optional();
    }

    public List<Incident> page(Filter filter, int offset, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM incident WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (filter.status() != null) {
            sql.append(" AND status = ?");
            args.add(filter.status().name());
        }
        if (filter.verdict() != null) {
            sql.append(" AND ").append(switch (filter.verdict()) {
                case SIGNIFICANT -> VERDICT_SIGNIFICANT;
                case NOT_SIGNIFICANT -> VERDICT_NOT_SIGNIFICANT;
                case UNDETERMINED -> VERDICT_UNDETERMINED;
            });
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            sql.append(" AND (LOWER(title) LIKE ? OR LOWER(COALESCE(description, '')) LIKE ?)");
            String like = "%" + filter.text().strip().toLowerCase(Locale.ROOT)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            args.add(like);
            args.add(like);
        }
        sql.append(" ORDER BY aware_at DESC, id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY");
        args.add(offset);
        args.add(limit);
        return jdbc.sql(sql.toString()).params(args).query(Incidents::map).list();
    }

    /**
     * Incidents whose reporting clock may still be running: not assessed as not significant, and
     * without a submitted final report.
     */
    public List<Incident> withOpenClocks(int limit) {
        return jdbc.sql("SELECT * FROM incident WHERE NOT " + VERDICT_NOT_SIGNIFICANT + """
                 AND NOT EXISTS (SELECT 1 FROM incident_report r WHERE r.incident_id = incident.id
                     AND r.stage = 'FINAL_REPORT' AND r.submitted_at IS NOT NULL)
                ORDER BY aware_at, id FETCH FIRST ? ROWS ONLY""")
                .param(limit).query(Incidents::map).list();
    }

    /** Other incidents with the same apparent root cause (ignoring case), for the recurring-incident rule. */
    public List<Incident> withRootCause(String rootCause, long exceptId) {
        if (rootCause == null || rootCause.isBlank()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM incident WHERE LOWER(TRIM(root_cause)) = ? AND id <> ? ORDER BY detected_at")
                .param(rootCause.strip().toLowerCase(Locale.ROOT)).param(exceptId).query(Incidents::map).list();
    }

    private static java.util.Map<String, Object> params(IncidentDetails d) {
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        p.put("title", d.title());
        p.put("description", d.description());
        p.put("category", d.category());
        p.put("status", d.status());
        p.put("entityType", d.entityType());
        p.put("detectedAt", at(d.detectedAt()));
        p.put("awareAt", at(d.awareAt()));
        p.put("handledAt", at(d.handledAt()));
        p.put("services", d.affectedServices());
        p.put("assets", d.affectedAssets());
        p.put("products", d.affectedProducts());
        p.put("users", d.affectedUsers());
        p.put("duration", d.durationMinutes());
        p.put("spread", d.geographicSpread());
        p.put("loss", d.financialLossEur());
        p.put("malicious", d.suspectedMalicious());
        p.put("crossBorder", d.crossBorder());
        p.put("rootCause", d.rootCause());
        p.put("owner", d.owner());
        p.put("team", d.team());
        p.put("psirt", d.linkedPsirtCases());
        p.put("suppliers", d.linkedSuppliers());
        p.put("devices", d.linkedDevices());
        return p;
    }

    static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Boolean booleanOrNull(ResultSet rs, String column) throws SQLException {
        boolean value = rs.getBoolean(column);
        return rs.wasNull() ? null : value;
    }

    private static Incident map(ResultSet rs, int row) throws SQLException {
        String auto = rs.getString("significance_auto");
        String criteria = rs.getString("significance_criteria");
        Significance significance = new Significance(rs.getString("significance_facts"),
                auto == null ? null : auto.equals("SIGNIFICANT"),
                criteria == null || criteria.isBlank() ? List.of() : Arrays.asList(criteria.split(",")),
                instant(rs, "significance_assessed_at"), rs.getString("significance_assessed_by"),
                booleanOrNull(rs, "override_significant"), rs.getString("override_reason"), rs.getString("override_by"),
                instant(rs, "override_at"));
        return new Incident(rs.getLong("id"), rs.getString("title"), rs.getString("description"),
                IncidentCategory.valueOf(rs.getString("category")), IncidentStatus.valueOf(rs.getString("status")),
                EntityType.valueOf(rs.getString("entity_type")), instant(rs, "detected_at"), instant(rs, "aware_at"),
                instant(rs, "handled_at"), rs.getString("affected_services"), rs.getString("affected_assets"),
                rs.getString("affected_products"), longOrNull(rs, "affected_users"), longOrNull(rs, "duration_minutes"),
                rs.getString("geographic_spread"), longOrNull(rs, "financial_loss_eur"),
                rs.getString("suspected_malicious"), rs.getString("cross_border"), rs.getString("root_cause"),
                rs.getString("owner_name"), rs.getString("team"), rs.getString("linked_psirt_cases"),
                rs.getString("linked_suppliers"), rs.getString("linked_devices"), significance,
                instant(rs, "created_at"), rs.getString("created_by"), instant(rs, "updated_at"),
                rs.getString("updated_by"));
    }
}
