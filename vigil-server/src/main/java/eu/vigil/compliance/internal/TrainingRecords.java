package eu.vigil.compliance.internal;

import static eu.vigil.compliance.internal.AssessmentRecords.at;
import static eu.vigil.compliance.internal.AssessmentRecords.date;
import static eu.vigil.compliance.internal.AssessmentRecords.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import eu.vigil.compliance.TrainingSession;
import eu.vigil.keys.BlobStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Management training sessions and their attendance. */
@Repository
public class TrainingRecords {

    private static final String COLUMNS = """
            id, held_on, title, provider, duration_minutes, certificate_name, certificate_size, certificate_sha256,
            recorded_by, recorded_at""";

    private final JdbcClient jdbc;

    TrainingRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(LocalDate heldOn, String title, String provider, int minutes, BlobStore.StoredBlob certificate,
                       String certificateName, List<String> attendees, String actor, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO compliance_training_session (held_on, title, provider, duration_minutes, certificate_blob_id,
                    certificate_name, certificate_size, certificate_sha256, recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).param(heldOn).param(title).param(provider).param(minutes)
                .param(certificate == null ? null : certificate.id()).param(certificate == null ? null : certificateName)
                .param(certificate == null ? null : certificate.size()).param(certificate == null ? null : certificate.sha256())
                .param(actor).param(at(now)).update(keys, "id");
        long id = keys.getKey().longValue();
        for (String attendee : attendees) {
            jdbc.sql("INSERT INTO compliance_training_attendance (session_id, username) VALUES (?, ?)")
                    .param(id).param(attendee).update();
        }
        return id;
    }

    /** Every session, newest first, with its attendees. */
    public List<TrainingSession> all() {
        Map<Long, List<String>> attendance = new LinkedHashMap<>();
        jdbc.sql("SELECT session_id, username FROM compliance_training_attendance ORDER BY username")
                .query(rs -> {
                    attendance.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        return jdbc.sql("SELECT " + COLUMNS + " FROM compliance_training_session ORDER BY held_on DESC, id DESC")
                .query((rs, row) -> map(rs, attendance.getOrDefault(rs.getLong("id"), List.of()))).list();
    }

    public Optional<String> certificateBlob(long sessionId) {
        return jdbc.sql("SELECT certificate_blob_id FROM compliance_training_session WHERE id = ? AND certificate_blob_id IS NOT NULL")
                .param(sessionId).query(String.class).optional();
    }

    private static TrainingSession map(ResultSet rs, List<String> attendees) throws SQLException {
        long size = rs.getLong("certificate_size");
        Long sizeOrNull = rs.wasNull() ? null : size;
        return new TrainingSession(rs.getLong("id"), date(rs, "held_on"), rs.getString("title"), rs.getString("provider"),
                rs.getInt("duration_minutes"), rs.getString("certificate_name"), sizeOrNull,
                rs.getString("certificate_sha256"), List.copyOf(attendees), rs.getString("recorded_by"),
                instant(rs, "recorded_at"));
    }
}
