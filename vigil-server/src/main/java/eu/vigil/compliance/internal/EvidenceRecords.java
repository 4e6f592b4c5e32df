package eu.vigil.compliance.internal;

import static eu.vigil.compliance.internal.AssessmentRecords.at;
import static eu.vigil.compliance.internal.AssessmentRecords.date;
import static eu.vigil.compliance.internal.AssessmentRecords.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import eu.vigil.compliance.EvidenceLink;
import eu.vigil.compliance.Recurrence;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Link evidence and the recurring requests for the next piece of evidence. */
@Repository
public class EvidenceRecords {

    /** An evidence request: the next evidence for a requirement is due on {@code dueDate}. */
    public record Request(long id, long assessmentId, String requirementId, LocalDate dueDate, Long fulfilledBy) {
    }

    private final JdbcClient jdbc;

    EvidenceRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long assessmentId, String requirementId, String title, String url, LocalDate speaksFor,
                       LocalDate validUntil, Recurrence recurrence, String actor, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO compliance_evidence (assessment_id, requirement_id, kind, title, url, speaks_for, valid_until,
                    recurrence, added_by, added_at)
                VALUES (?, ?, 'LINK', ?, ?, ?, ?, ?, ?, ?)
                """).param(assessmentId).param(requirementId).param(title).param(url).param(speaksFor).param(validUntil)
                .param(recurrence.name()).param(actor).param(at(now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    public List<EvidenceLink> ofAssessment(long assessmentId) {
        return jdbc.sql("""
                SELECT id, assessment_id, requirement_id, title, url, speaks_for, valid_until, recurrence, added_by, added_at
                FROM compliance_evidence WHERE assessment_id = ? ORDER BY requirement_id, speaks_for DESC, id DESC
                """).param(assessmentId).query(EvidenceRecords::map).list();
    }

    public List<Request> openRequests(long assessmentId) {
        return jdbc.sql("""
                SELECT id, assessment_id, requirement_id, due_date, fulfilled_by FROM compliance_evidence_request
                WHERE assessment_id = ? AND fulfilled_by IS NULL ORDER BY due_date
                """).param(assessmentId).query((rs, row) -> new Request(rs.getLong("id"), rs.getLong("assessment_id"),
                rs.getString("requirement_id"), date(rs, "due_date"), null)).list();
    }

    public void fulfilOpen(long assessmentId, String requirementId, long evidenceId, Instant now) {
        jdbc.sql("""
                UPDATE compliance_evidence_request SET fulfilled_by = ?, fulfilled_at = ?
                WHERE assessment_id = ? AND requirement_id = ? AND fulfilled_by IS NULL
                """).param(evidenceId).param(at(now)).param(assessmentId).param(requirementId).update();
    }

    public void openRequest(long assessmentId, String requirementId, LocalDate due, Instant now) {
        jdbc.sql("""
                INSERT INTO compliance_evidence_request (assessment_id, requirement_id, due_date, opened_at)
                VALUES (?, ?, ?, ?)
                """).param(assessmentId).param(requirementId).param(due).param(at(now)).update();
    }

    private static EvidenceLink map(ResultSet rs, int row) throws SQLException {
        return new EvidenceLink(rs.getLong("id"), rs.getLong("assessment_id"), rs.getString("requirement_id"),
                rs.getString("title"), rs.getString("url"), date(rs, "speaks_for"), date(rs, "valid_until"),
                Recurrence.valueOf(rs.getString("recurrence")), rs.getString("added_by"), instant(rs, "added_at"));
    }
}
