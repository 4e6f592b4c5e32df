package eu.vigil.incidents.internal;

import static eu.vigil.incidents.internal.Incidents.at;
import static eu.vigil.incidents.internal.Incidents.instant;
import static eu.vigil.incidents.internal.Incidents.longOrNull;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import eu.vigil.core.incident.ReportStage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reports on incidents, in plain SQL; their content is a JSON object of field to text. */
@Repository
public class IncidentReports {

    private static final TypeReference<LinkedHashMap<String, String>> CONTENT = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    IncidentReports(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public long insert(long incidentId, ReportStage stage, int version, Map<String, String> content, Long supersedesId,
                       Instant now, String user) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO incident_report (incident_id, stage, version, status, content, supersedes_id, created_at,
                    created_by, updated_at, updated_by)
                VALUES (?, ?, ?, 'DRAFT', ?, ?, ?, ?, ?, ?)""")
                .param(incidentId).param(stage.name()).param(version).param(json.writeValueAsString(content))
                .param(supersedesId).param(at(now)).param(user).param(at(now)).param(user)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Saves a draft's content; answers false when the report is no longer a draft. */
    public boolean saveDraft(long id, Map<String, String> content, Instant now, String user) {
        return jdbc.sql("UPDATE incident_report SET content = ?, updated_at = ?, updated_by = ? WHERE id = ? AND status = 'DRAFT'")
                .param(json.writeValueAsString(content)).param(at(now)).param(user).param(id)
                .update() == 1;
    }

    /** Freezes a draft as submitted; answers false when it was no longer a draft. */
    public boolean submit(long id, String recipient, Instant now, String user) {
        return jdbc.sql("""
                UPDATE incident_report SET status = 'SUBMITTED', recipient = ?, submitted_at = ?, submitted_by = ?,
                    updated_at = ?, updated_by = ?
                WHERE id = ? AND status = 'DRAFT'""")
                .param(recipient).param(at(now)).param(user).param(at(now)).param(user).param(id)
                .update() == 1;
    }

    public void markSuperseded(long id) {
        jdbc.sql("UPDATE incident_report SET status = 'SUPERSEDED' WHERE id = ? AND status = 'SUBMITTED'").param(id).update();
    }

    public Optional<IncidentReport> find(long id) {
        return jdbc.sql("SELECT * FROM incident_report WHERE id = ?").param(id).query(this::map).optional();
    }

    public List<IncidentReport> of(long incidentId) {
        return jdbc.sql("SELECT * FROM incident_report WHERE incident_id = ? ORDER BY created_at, id")
                .param(incidentId).query(this::map).list();
    }

    public int nextVersion(long incidentId, ReportStage stage) {
        return jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM incident_report WHERE incident_id = ? AND stage = ?")
                .param(incidentId).param(stage.name()).query(Integer.class).single();
    }

    /** When each stage was first submitted: what the reporting clock counts. */
    public Map<ReportStage, Instant> firstSubmissions(long incidentId) {
        Map<ReportStage, Instant> first = new EnumMap<>(ReportStage.class);
        for (IncidentReport report : of(incidentId)) {
            if (report.submittedAt() != null) {
                first.merge(report.stage(), report.submittedAt(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        return first;
    }

    private IncidentReport map(ResultSet rs, int row) throws SQLException {
        return new IncidentReport(rs.getLong("id"), rs.getLong("incident_id"), ReportStage.valueOf(rs.getString("stage")),
                rs.getInt("version"), IncidentReport.Status.valueOf(rs.getString("status")),
                json.readValue(rs.getString("content"), CONTENT), rs.getString("recipient"), instant(rs, "submitted_at"),
                rs.getString("submitted_by"), longOrNull(rs, "supersedes_id"), instant(rs, "created_at"),
                rs.getString("created_by"), instant(rs, "updated_at"), rs.getString("updated_by"));
    }
}
