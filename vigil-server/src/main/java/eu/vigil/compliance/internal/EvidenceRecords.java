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

import eu.vigil.compliance.Evidence;
import eu.vigil.compliance.Recurrence;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Link and file evidence, and the recurring requests for the next piece of evidence. */
@Repository
public class EvidenceRecords {

    /** An evidence request: the next evidence for a requirement is due on {@code dueDate}. */
    public record Request(long id, long assessmentId, String requirementId, LocalDate dueDate, Long fulfilledBy) {
    }

    private static final String COLUMNS = """
            id, assessment_id, requirement_id, kind, title, url, file_name, size_bytes, sha256, speaks_for, valid_until,
            recurrence, added_by, added_at""";

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

    public long insertFile(long assessmentId, String requirementId, String title, String blobId, String fileName,
                           long size, String sha256, LocalDate speaksFor, LocalDate validUntil, Recurrence recurrence,
                           String actor, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO compliance_evidence (assessment_id, requirement_id, kind, title, blob_id, file_name, size_bytes,
                    sha256, speaks_for, valid_until, recurrence, added_by, added_at)
                VALUES (?, ?, 'FILE', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).param(assessmentId).param(requirementId).param(title).param(blobId).param(fileName).param(size)
                .param(sha256).param(speaksFor).param(validUntil).param(recurrence.name()).param(actor).param(at(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** The blob that holds a file evidence's content, with the evidence itself. */
    public record StoredFile(Evidence evidence, String blobId) {
    }

    public Optional<StoredFile> file(long assessmentId, long evidenceId) {
        return jdbc.sql("SELECT " + COLUMNS + ", blob_id FROM compliance_evidence WHERE assessment_id = ? AND id = ? AND kind = 'FILE'")
                .param(assessmentId).param(evidenceId)
                .query((rs, row) -> new StoredFile(map(rs, row), rs.getString("blob_id"))).optional();
    }

    public List<Evidence> ofAssessment(long assessmentId) {
        return jdbc.sql("SELECT " + COLUMNS
                + " FROM compliance_evidence WHERE assessment_id = ? ORDER BY requirement_id, speaks_for DESC, id DESC").param(assessmentId).query(EvidenceRecords::map).list();
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

    private static Evidence map(ResultSet rs, int row) throws SQLException {
        long size = rs.getLong("size_bytes");
        Long sizeOrNull = rs.wasNull() ? null : size;
        return new Evidence(rs.getLong("id"), rs.getLong("assessment_id"), rs.getString("requirement_id"),
                rs.getString("kind"), rs.getString("title"), rs.getString("url"), rs.getString("file_name"), sizeOrNull,
                rs.getString("sha256"), date(rs, "speaks_for"), date(rs, "valid_until"),
                Recurrence.valueOf(rs.getString("recurrence")), rs.getString("added_by"), instant(rs, "added_at"));
    }
}
