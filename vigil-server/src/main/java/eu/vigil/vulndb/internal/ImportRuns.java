package eu.vigil.vulndb.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Import runs and the records each could not import, in plain SQL. */
@Repository
public class ImportRuns {

    /** A record an import skipped, named by id when it could be read, else by file or zip entry. */
    public record Problem(long seq, String ref, String message) {
    }

    private static final String COLUMNS = """
            id, source, origin, input_kind, input_ref, state, started_at, started_by, heartbeat_at, finished_at,
            cursor_pos, read_count, added, updated, unchanged, failed, message""";

    private final JdbcClient jdbc;

    ImportRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(FeedSource source, String origin, String inputKind, String inputRef, String user, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO vulndb_import_run (source, origin, input_kind, input_ref, state, started_at, started_by, heartbeat_at)
                VALUES (:source, :origin, :kind, :ref, 'QUEUED', :now, :user, :now)""")
                .param("source", source.name()).param("origin", cut(origin, 2000)).param("kind", inputKind)
                .param("ref", inputRef).param("now", VulnerabilityStore.at(now)).param("user", user)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public Optional<ImportRun> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM vulndb_import_run WHERE id = ?").param(id).query(ImportRuns::run).optional();
    }

    public List<ImportRun> recent(int offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM vulndb_import_run ORDER BY id DESC LIMIT :limit OFFSET :offset")
                .param("limit", limit).param("offset", offset).query(ImportRuns::run).list();
    }

    /** Runs not finished whose last sign of life is older than {@code before}: their node died. */
    List<ImportRun> abandoned(Instant before) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM vulndb_import_run WHERE state IN ('QUEUED', 'RUNNING')"
                        + " AND heartbeat_at < :before ORDER BY id")
                .param("before", VulnerabilityStore.at(before)).query(ImportRuns::run).list();
    }

    /** An unfinished run of the same files, which an offline import continues instead of starting again. */
    Optional<ImportRun> unfinished(FeedSource source, String inputKind, String inputRef) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM vulndb_import_run WHERE state IN ('QUEUED', 'RUNNING')"
                        + " AND source = :source AND input_kind = :kind AND input_ref = :ref ORDER BY id DESC")
                .param("source", source.name()).param("kind", inputKind).param("ref", inputRef)
                .query(ImportRuns::run).list().stream().findFirst();
    }

    /** The last run of this origin that finished its import. */
    Optional<ImportRun> lastDone(String origin) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM vulndb_import_run WHERE origin = :origin AND state = 'DONE'"
                        + " ORDER BY id DESC LIMIT 1")
                .param("origin", origin).query(ImportRuns::run).optional();
    }

    /** Takes a run for this node: only one of several nodes that try succeeds. */
    boolean claim(long id, Instant seenHeartbeat, Instant now) {
        return jdbc.sql("UPDATE vulndb_import_run SET state = 'RUNNING', heartbeat_at = :now WHERE id = :id"
                        + " AND heartbeat_at = :seen AND state IN ('QUEUED', 'RUNNING')")
                .param("now", VulnerabilityStore.at(now)).param("id", id).param("seen", VulnerabilityStore.at(seenHeartbeat))
                .update() == 1;
    }

    void progress(long id, long items, long read, long added, long updated, long unchanged, long failed, Instant now) {
        jdbc.sql("""
                UPDATE vulndb_import_run SET cursor_pos = cursor_pos + :items, read_count = read_count + :read,
                    added = added + :added, updated = updated + :updated, unchanged = unchanged + :unchanged,
                    failed = failed + :failed, heartbeat_at = :now WHERE id = :id""")
                .param("items", items).param("read", read).param("added", added).param("updated", updated)
                .param("unchanged", unchanged).param("failed", failed).param("now", VulnerabilityStore.at(now))
                .param("id", id).update();
    }

    void finish(long id, ImportRun.State state, String message, Instant now) {
        jdbc.sql("UPDATE vulndb_import_run SET state = :state, message = :message, finished_at = :now, heartbeat_at = :now"
                        + " WHERE id = :id")
                .param("state", state.name()).param("message", cut(message, 2000)).param("now", VulnerabilityStore.at(now))
                .param("id", id).update();
    }

    void addProblems(long runId, long firstSeq, List<Problem> problems) {
        long seq = firstSeq;
        for (Problem p : problems) {
            jdbc.sql("INSERT INTO vulndb_import_problem (run_id, seq, record_ref, message) VALUES (:run, :seq, :ref, :message)")
                    .param("run", runId).param("seq", seq++).param("ref", cut(p.ref(), 1000)).param("message", cut(p.message(), 2000))
                    .update();
        }
    }

    public List<Problem> problems(long runId, int offset, int limit) {
        return jdbc.sql("SELECT seq, record_ref, message FROM vulndb_import_problem WHERE run_id = :run ORDER BY seq"
                        + " LIMIT :limit OFFSET :offset")
                .param("run", runId).param("limit", limit).param("offset", offset)
                .query((rs, n) -> new Problem(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    private static ImportRun run(ResultSet rs, int n) throws SQLException {
        return new ImportRun(rs.getLong(1), FeedSource.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                rs.getString(5), ImportRun.State.valueOf(rs.getString(6)), VulnerabilityStore.instant(rs, 7),
                rs.getString(8), VulnerabilityStore.instant(rs, 9), VulnerabilityStore.instant(rs, 10), rs.getLong(11),
                rs.getLong(12), rs.getLong(13), rs.getLong(14), rs.getLong(15), rs.getLong(16), rs.getString(17));
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
