package eu.vigil.backup.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Every table of the application schema as JSON Lines: a first line naming the table and its
 * columns, then one JSON array per row. Values are portable (times as ISO-8601, binary as
 * Base64, numbers as text when they are decimals), so an H2 export restores into PostgreSQL and
 * the other way round. Tables are ordered so that referenced tables come first.
 */
final class DatabaseExport {

    static final String HISTORY_TABLE = "flyway_schema_history";
    private static final JsonFactory JSON = new JsonFactory();

    private DatabaseExport() {
    }

    static List<String> tables(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String schema = connection.getSchema();
        Map<String, Set<String>> references = new LinkedHashMap<>();
        try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (!name.equals(HISTORY_TABLE)) {
                    references.put(name, new LinkedHashSet<>());
                }
            }
        }
        for (String table : references.keySet()) {
            String stored = meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
            try (ResultSet rs = meta.getImportedKeys(null, schema, stored)) {
                while (rs.next()) {
                    String referenced = rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
                    if (!referenced.equals(table) && references.containsKey(referenced)) {
                        references.get(table).add(referenced);
                    }
                }
            }
        }
        List<String> ordered = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        List<String> names = new ArrayList<>(references.keySet());
        java.util.Collections.sort(names);
        while (placed.size() < names.size()) {
            boolean progress = false;
            for (String table : names) {
                if (!placed.contains(table) && placed.containsAll(references.get(table))) {
                    placed.add(table);
                    ordered.add(table);
                    progress = true;
                }
            }
            if (!progress) {
                throw new IllegalStateException("tables refer to each other in a cycle: " + references);
            }
        }
        return ordered;
    }

    /** Writes one table; returns its row count. The stream is not closed. */
    static long export(Connection connection, String table, OutputStream out) throws SQLException, IOException {
        long rows = 0;
        try (Statement statement = connection.createStatement()) {
            statement.setFetchSize(1000);
            try (ResultSet rs = statement.executeQuery("SELECT * FROM " + table)) {
                ResultSetMetaData meta = rs.getMetaData();
                int columns = meta.getColumnCount();
                JsonGenerator json = JSON.createGenerator(new NonClosing(out));
                json.writeStartObject();
                json.writeStringField("table", table);
                json.writeArrayFieldStart("columns");
                for (int i = 1; i <= columns; i++) {
                    json.writeString(meta.getColumnLabel(i).toLowerCase(Locale.ROOT));
                }
                json.writeEndArray();
                json.writeEndObject();
                json.writeRaw('\n');
                while (rs.next()) {
                    json.writeStartArray();
                    for (int i = 1; i <= columns; i++) {
                        value(json, rs, i, portableType(meta.getColumnType(i), meta.getColumnTypeName(i)));
                    }
                    json.writeEndArray();
                    json.writeRaw('\n');
                    rows++;
                }
                json.flush();
            }
        }
        return rows;
    }

    /** PostgreSQL's driver reports {@code timestamptz} as TIMESTAMP; tell them apart by name. */
    static int portableType(int type, String typeName) {
        String name = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
        if (type == Types.TIMESTAMP && (name.contains("timestamptz") || name.contains("with time zone"))) {
            return Types.TIMESTAMP_WITH_TIMEZONE;
        }
        return type;
    }

    private static void value(JsonGenerator json, ResultSet rs, int i, int type) throws SQLException, IOException {
        Object value = switch (type) {
            case Types.TIMESTAMP_WITH_TIMEZONE -> string(rs.getObject(i, OffsetDateTime.class));
            case Types.TIMESTAMP -> string(rs.getObject(i, LocalDateTime.class));
            case Types.DATE -> string(rs.getObject(i, LocalDate.class));
            case Types.TIME -> string(rs.getObject(i, LocalTime.class));
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> {
                byte[] bytes = rs.getBytes(i);
                yield bytes == null ? null : Base64.getEncoder().encodeToString(bytes);
            }
            case Types.BOOLEAN, Types.BIT -> {
                boolean b = rs.getBoolean(i);
                yield rs.wasNull() ? null : b;
            }
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> {
                long n = rs.getLong(i);
                yield rs.wasNull() ? null : n;
            }
            case Types.NUMERIC, Types.DECIMAL, Types.REAL, Types.FLOAT, Types.DOUBLE -> string(rs.getBigDecimal(i));
            default -> rs.getString(i);
        };
        if (value == null) {
            json.writeNull();
        } else if (value instanceof Long n) {
            json.writeNumber(n);
        } else if (value instanceof Boolean b) {
            json.writeBoolean(b);
        } else {
            json.writeString(value.toString());
        }
    }

    private static String string(Object value) {
        return value == null ? null : value instanceof java.math.BigDecimal d ? d.toPlainString() : value.toString();
    }

    /** Keeps the generator from closing the archive stream. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
