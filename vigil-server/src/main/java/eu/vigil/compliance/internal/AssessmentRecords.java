package eu.vigil.compliance.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import eu.vigil.compliance.Assessment;
import eu.vigil.compliance.ImplementationStatus;
import eu.vigil.compliance.RequirementResult;
import eu.vigil.compliance.ScopeKind;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Assessments and their requirement results, in plain SQL. */
@Repository
public class AssessmentRecords {

    private static final String COLUMNS = """
            id, title, scope_kind, product_name, catalogues, profile_version, classification, profile_outdated,
            target_maturity, version, created_by, created_at, updated_at""";
    private static final String RESULT_COLUMNS = """
            requirement_id, applicable, justification, status, maturity, owner, due_date, notes, updated_by, updated_at""";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    AssessmentRecords(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    public long insert(String title, ScopeKind kind, String productName, List<String> catalogues, Integer profileVersion,
                       String classification, int target, String actor, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO compliance_assessment (title, scope_kind, product_name, catalogues, profile_version,
                    classification, profile_outdated, target_maturity, version, created_by, created_at, updated_at)
                VALUES (:title, :kind, :product, :catalogues, :profile, :classification, FALSE, :target, 1, :actor, :now, :now)
                """)
                .param("title", title).param("kind", kind.name()).param("product", productName)
                .param("catalogues", String.join(",", catalogues)).param("profile", profileVersion)
                .param("classification", classification).param("target", target).param("actor", actor)
                .param("now", at(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** One unrated result per requirement, in one batch. */
    public void insertUnrated(long assessmentId, List<String> requirementIds) {
        MapSqlParameterSource[] rows = requirementIds.stream().map(id -> new MapSqlParameterSource()
                .addValue("assessment", assessmentId).addValue("requirement", id)
                .addValue("status", ImplementationStatus.NOT_STARTED.name())).toArray(MapSqlParameterSource[]::new);
        batch.batchUpdate("""
                INSERT INTO compliance_result (assessment_id, requirement_id, applicable, status)
                VALUES (:assessment, :requirement, TRUE, :status)
                """, rows);
    }

    public Optional<Assessment> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM compliance_assessment WHERE id = ?").param(id)
                .query(AssessmentRecords::map).optional();
    }

    public List<Assessment> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM compliance_assessment ORDER BY created_at DESC, id DESC")
                .query(AssessmentRecords::map).list();
    }

    public void touch(long id, Instant now) {
        jdbc.sql("UPDATE compliance_assessment SET version = version + 1, updated_at = ? WHERE id = ?")
                .param(at(now)).param(id).update();
    }

    public int markProfileOutdated(int currentProfileVersion) {
        return jdbc.sql("""
                UPDATE compliance_assessment SET profile_outdated = TRUE
                WHERE scope_kind = 'ENTITY' AND profile_version IS NOT NULL AND profile_version <> ?
                """).param(currentProfileVersion).update();
    }

    public Map<String, RequirementResult> results(long assessmentId) {
        Map<String, RequirementResult> results = new LinkedHashMap<>();
        jdbc.sql("SELECT " + RESULT_COLUMNS + " FROM compliance_result WHERE assessment_id = ? ORDER BY requirement_id")
                .param(assessmentId).query(AssessmentRecords::mapResult).list()
                .forEach(r -> results.put(r.requirementId(), r));
        return results;
    }

    public Optional<RequirementResult> result(long assessmentId, String requirementId) {
        return jdbc.sql("SELECT " + RESULT_COLUMNS + " FROM compliance_result WHERE assessment_id = ? AND requirement_id = ?")
                .param(assessmentId).param(requirementId).query(AssessmentRecords::mapResult).optional();
    }

    public void update(long assessmentId, RequirementResult r) {
        jdbc.sql("""
                UPDATE compliance_result SET applicable = :applicable, justification = :justification, status = :status,
                    maturity = :maturity, owner = :owner, due_date = :due, notes = :notes, updated_by = :by, updated_at = :at
                WHERE assessment_id = :assessment AND requirement_id = :requirement
                """)
                .param("applicable", r.applicable()).param("justification", r.justification())
                .param("status", r.status().name()).param("maturity", r.maturity()).param("owner", r.owner())
                .param("due", r.dueDate()).param("notes", r.notes()).param("by", r.updatedBy())
                .param("at", at(r.updatedAt())).param("assessment", assessmentId).param("requirement", r.requirementId())
                .update();
    }

    static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    private static Assessment map(ResultSet rs, int row) throws SQLException {
        Integer profile = rs.getObject("profile_version") == null ? null : rs.getInt("profile_version");
        return new Assessment(rs.getLong("id"), rs.getString("title"), ScopeKind.valueOf(rs.getString("scope_kind")),
                rs.getString("product_name"), Arrays.asList(rs.getString("catalogues").split(",")), profile,
                rs.getString("classification"), rs.getBoolean("profile_outdated"), rs.getInt("target_maturity"),
                rs.getInt("version"), rs.getString("created_by"), instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    private static RequirementResult mapResult(ResultSet rs, int row) throws SQLException {
        Integer maturity = rs.getObject("maturity") == null ? null : rs.getInt("maturity");
        return new RequirementResult(rs.getString("requirement_id"), rs.getBoolean("applicable"),
                rs.getString("justification"), ImplementationStatus.valueOf(rs.getString("status")), maturity,
                rs.getString("owner"), date(rs, "due_date"), rs.getString("notes"), rs.getString("updated_by"),
                instant(rs, "updated_at"));
    }
}
