package eu.vigil.scope.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import eu.vigil.scope.ScopeSnapshot;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The versions of the entity profile, in plain SQL. */
@Repository
public class ProfileVersions {

    private static final String COLUMNS = "version, profile_json, result_json, changed_by, changed_at";

    private final JdbcClient jdbc;

    ProfileVersions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ScopeSnapshot> latest() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM scope_profile ORDER BY version DESC FETCH FIRST 1 ROWS ONLY")
                .query(ProfileVersions::map).optional();
    }

    public List<ScopeSnapshot> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM scope_profile ORDER BY version DESC")
                .query(ProfileVersions::map).list();
    }

    public void insert(ScopeSnapshot snapshot, String profileJson, String resultJson) {
        jdbc.sql("""
                INSERT INTO scope_profile (version, profile_json, legal_name, classification, indirectly_affected,
                    result_json, changed_by, changed_at)
                VALUES (:version, :profile, :name, :classification, :indirect, :result, :by, :at)
                """)
                .param("version", snapshot.version()).param("profile", profileJson)
                .param("name", snapshot.profile().legalName())
                .param("classification", snapshot.result().classification().code())
                .param("indirect", snapshot.result().indirectlyAffected()).param("result", resultJson)
                .param("by", snapshot.changedBy())
                .param("at", snapshot.changedAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    private static ScopeSnapshot map(ResultSet rs, int row) throws SQLException {
        return new ScopeSnapshot(rs.getInt("version"), ScopeJson.readProfile(rs.getString("profile_json")),
                ScopeJson.readResult(rs.getString("result_json")), rs.getString("changed_by"),
                rs.getObject("changed_at", OffsetDateTime.class).toInstant());
    }
}
