package eu.vigil.audit.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.vigil.audit.AuditFilter;
import eu.vigil.audit.AuditLog;
import eu.vigil.audit.AuditOutcome;
import eu.vigil.audit.AuditRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Read-only SQL over {@code audit_entry}; every filter value is a bound parameter. */
@Component
class JdbcAuditLog implements AuditLog {

    static final String COLUMNS = "seq, recorded_at, actor, client_address, action, object_type, object_id, outcome, "
            + "details, prev_hash, entry_hash";
    static final RowMapper<AuditRecord> ROW = JdbcAuditLog::map;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;
    private final TransactionTemplate readOnly;

    JdbcAuditLog(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(jdbc.getDataSource());
        this.streaming.setFetchSize(2000);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    static AuditRecord map(ResultSet rs, int row) throws SQLException {
        return new AuditRecord(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), AuditOutcome.valueOf(rs.getString(8)),
                AuditEntryCodec.decodeDetails(rs.getString(9)), rs.getString(10), rs.getString(11));
    }

    private record Where(String sql, List<Object> params) {
    }

    private static Where where(AuditFilter filter) {
        StringBuilder sql = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (filter.from() != null) {
            sql.append(" AND recorded_at >= ?");
            params.add(filter.from().atOffset(ZoneOffset.UTC));
        }
        if (filter.to() != null) {
            sql.append(" AND recorded_at < ?");
            params.add(filter.to().atOffset(ZoneOffset.UTC));
        }
        equal(sql, params, "actor", filter.actor());
        equal(sql, params, "object_type", filter.objectType());
        equal(sql, params, "object_id", filter.objectId());
        equal(sql, params, "client_address", filter.clientAddress());
        if (filter.outcome() != null) {
            equal(sql, params, "outcome", filter.outcome().name());
        }
        if (filter.action() != null && !filter.action().isBlank()) {
            if (filter.action().endsWith("*")) {
                String prefix = filter.action().substring(0, filter.action().length() - 1)
                        .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
                sql.append(" AND action LIKE ? ESCAPE '\\'");
                params.add(prefix + "%");
            } else {
                equal(sql, params, "action", filter.action());
            }
        }
        return new Where(sql.toString(), params);
    }

    private static void equal(StringBuilder sql, List<Object> params, String column, String value) {
        if (value != null && !value.isBlank()) {
            sql.append(" AND ").append(column).append(" = ?");
            params.add(value);
        }
    }

    @Override
    public List<AuditRecord> search(AuditFilter filter, int offset, int limit) {
        Where where = where(filter);
        List<Object> params = new ArrayList<>(where.params());
        params.add(Math.max(0, offset));
        params.add(Math.max(1, Math.min(limit, 1000)));
        return jdbc.query("SELECT " + COLUMNS + " FROM audit_entry" + where.sql()
                + " ORDER BY seq DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", ROW, params.toArray());
    }

    @Override
    public long count(AuditFilter filter) {
        Where where = where(filter);
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry" + where.sql(), Long.class,
                where.params().toArray());
        return count == null ? 0 : count;
    }

    @Override
    public void export(AuditFilter filter, ExportFormat format, OutputStream out) {
        Where where = where(filter);
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        readOnly.executeWithoutResult(status -> {
            try {
                if (format == ExportFormat.CSV) {
                    writer.write("seq,recorded_at,actor,client_address,action,object_type,object_id,outcome,details,prev_hash,entry_hash\r\n");
                }
                streaming.query("SELECT " + COLUMNS + " FROM audit_entry" + where.sql() + " ORDER BY seq", rs -> {
                    AuditRecord record = map(rs, 0);
                    try {
                        writer.write(format == ExportFormat.CSV ? csv(record, rs.getString(9)) : json(record));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }, where.params().toArray());
                writer.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static String json(AuditRecord r) throws IOException {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("seq", r.seq());
        object.put("recordedAt", r.recordedAt().toString());
        object.put("actor", r.actor());
        object.put("clientAddress", r.clientAddress());
        object.put("action", r.action());
        object.put("objectType", r.objectType());
        object.put("objectId", r.objectId());
        object.put("outcome", r.outcome().name());
        object.put("details", r.details());
        object.put("prevHash", r.prevHash());
        object.put("entryHash", r.entryHash());
        return JSON.writeValueAsString(object) + "\n";
    }

    private static String csv(AuditRecord r, String details) {
        return String.join(",", String.valueOf(r.seq()), r.recordedAt().toString(), cell(r.actor()),
                cell(r.clientAddress()), cell(r.action()), cell(r.objectType()), cell(r.objectId()), r.outcome().name(),
                cell(details), r.prevHash(), r.entryHash()) + "\r\n";
    }

    /** RFC 4180 quoting, and a leading quote mark against formula injection in spreadsheets. */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String text = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
