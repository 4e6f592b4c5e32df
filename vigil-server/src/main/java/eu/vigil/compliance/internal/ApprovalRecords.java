package eu.vigil.compliance.internal;

import static eu.vigil.compliance.internal.AssessmentRecords.at;
import static eu.vigil.compliance.internal.AssessmentRecords.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import eu.vigil.compliance.Approval;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Management approvals: append-only; the signature status is left to {@link ApprovalSignatures#checked}. */
@Repository
public class ApprovalRecords {

    private final JdbcClient jdbc;

    ApprovalRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(Approval approval) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO compliance_approval (assessment_id, assessment_version, digest, signature, signature_key_id,
                    approved_by, approved_at, comment)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """).param(approval.assessmentId()).param(approval.assessmentVersion()).param(approval.digest())
                .param(approval.signature()).param(approval.signatureKeyId()).param(approval.approvedBy()).param(at(approval.approvedAt()))
                .param(approval.comment()).update(keys, "id");
        return keys.getKey().longValue();
    }

    public List<Approval> ofAssessment(long assessmentId) {
        return jdbc.sql("""
                SELECT id, assessment_id, assessment_version, digest, signature, signature_key_id, approved_by, approved_at, comment
                FROM compliance_approval WHERE assessment_id = ? ORDER BY approved_at DESC, id DESC
                """).param(assessmentId).query(ApprovalRecords::map).list();
    }

    private static Approval map(ResultSet rs, int row) throws SQLException {
        return new Approval(rs.getLong("id"), rs.getLong("assessment_id"), rs.getInt("assessment_version"),
                rs.getString("digest"), rs.getString("signature"), rs.getString("signature_key_id"),
                rs.getString("approved_by"), instant(rs, "approved_at"), rs.getString("comment"), null);
    }
}
