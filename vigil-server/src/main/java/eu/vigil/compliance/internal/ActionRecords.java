package eu.vigil.compliance.internal;

import static eu.vigil.compliance.internal.AssessmentRecords.at;
import static eu.vigil.compliance.internal.AssessmentRecords.date;
import static eu.vigil.compliance.internal.AssessmentRecords.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import eu.vigil.compliance.PlannedAction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The action plan's rows. Requirement titles are filled in by the caller, which knows the catalogues. */
@Repository
public class ActionRecords {

    private static final String COLUMNS = "id, assessment_id, requirement_id, priority, owner, due_date, status, opened_at, closed_at";

    private final JdbcClient jdbc;

    ActionRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<PlannedAction> open(long assessmentId, String requirementId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM compliance_action WHERE assessment_id = ? AND requirement_id = ? AND status = 'OPEN'")
                .param(assessmentId).param(requirementId).query(ActionRecords::map).optional();
    }

    public void insert(long assessmentId, String requirementId, String priority, String owner, LocalDate due, Instant now) {
        jdbc.sql("""
                INSERT INTO compliance_action (assessment_id, requirement_id, priority, owner, due_date, status, opened_at)
                VALUES (?, ?, ?, ?, ?, 'OPEN', ?)
                """).param(assessmentId).param(requirementId).param(priority).param(owner).param(due).param(at(now)).update();
    }

    public void update(long id, String priority, String owner, LocalDate due) {
        jdbc.sql("UPDATE compliance_action SET priority = ?, owner = ?, due_date = ? WHERE id = ?")
                .param(priority).param(owner).param(due).param(id).update();
    }

    public void close(long id, Instant now) {
        jdbc.sql("UPDATE compliance_action SET status = 'DONE', closed_at = ? WHERE id = ?").param(at(now)).param(id).update();
    }

    public List<PlannedAction> ofAssessment(long assessmentId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM compliance_action WHERE assessment_id = ? ORDER BY status DESC, due_date, id")
                .param(assessmentId).query(ActionRecords::map).list();
    }

    public List<PlannedAction> allOpen() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM compliance_action WHERE status = 'OPEN' ORDER BY due_date, id")
                .query(ActionRecords::map).list();
    }

    private static PlannedAction map(ResultSet rs, int row) throws SQLException {
        return new PlannedAction(rs.getLong("id"), rs.getLong("assessment_id"), rs.getString("requirement_id"), null,
                rs.getString("priority"), rs.getString("owner"), date(rs, "due_date"), rs.getString("status"),
                instant(rs, "opened_at"), instant(rs, "closed_at"));
    }
}
