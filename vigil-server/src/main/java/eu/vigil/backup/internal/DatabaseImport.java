package eu.vigil.backup.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.vigil.backup.InvalidArchiveException;

/** Loads what {@link DatabaseExport} wrote into an empty schema, converting values to the target's column types. */
final class DatabaseImport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BATCH = 500;

    private DatabaseImport() {
    }

    /** Reads one table's lines from {@code in} (not closed) and inserts them; returns the row count. */
    static long load(Connection connection, InputStream in) throws IOException, SQLException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String first = reader.readLine();
        if (first == null) {
            throw new InvalidArchiveException("empty table entry in the archive");
        }
        JsonNode header = JSON.readTree(first);
        String table = header.get("table").asText();
        if (!table.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new InvalidArchiveException("archive names an unexpected table " + table);
        }
        List<String> columns = new ArrayList<>();
        header.get("columns").forEach(c -> columns.add(c.asText()));
        Map<String, Integer> types = columnTypes(connection, table);
        int[] targetTypes = new int[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            String column = columns.get(i);
            if (!column.matches("[a-z][a-z0-9_]{0,62}") || !types.containsKey(column)) {
                throw new InvalidArchiveException("table " + table + " of the archive has a column " + column
                        + " that this database schema does not have");
            }
            targetTypes[i] = types.get(column);
        }
        String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")";
        long rows = 0;
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            int pending = 0;
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isEmpty()) {
                    continue;
                }
                JsonNode row = JSON.readTree(line);
                if (!row.isArray() || row.size() != columns.size()) {
                    throw new InvalidArchiveException("table " + table + ": a row has " + row.size() + " values for "
                            + columns.size() + " columns");
                }
                for (int i = 0; i < columns.size(); i++) {
                    bind(insert, i + 1, row.get(i), targetTypes[i]);
                }
                insert.addBatch();
                rows++;
                if (++pending == BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
        return rows;
    }

    private static Map<String, Integer> columnTypes(Connection connection, String table) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String stored = meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
        Map<String, Integer> types = new HashMap<>();
        try (ResultSet rs = meta.getColumns(null, connection.getSchema(), stored, "%")) {
            while (rs.next()) {
                types.put(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT),
                        DatabaseExport.portableType(rs.getInt("DATA_TYPE"), rs.getString("TYPE_NAME")));
            }
        }
        if (types.isEmpty()) {
            throw new InvalidArchiveException("the archive holds table " + table + ", which this database schema does not have");
        }
        return types;
    }

    private static void bind(PreparedStatement insert, int index, JsonNode value, int type) throws SQLException {
        if (value == null || value.isNull()) {
            insert.setNull(index, type);
            return;
        }
        switch (type) {
            case Types.TIMESTAMP_WITH_TIMEZONE -> insert.setObject(index, OffsetDateTime.parse(value.asText()));
            case Types.TIMESTAMP -> insert.setObject(index, LocalDateTime.parse(value.asText()));
            case Types.DATE -> insert.setObject(index, LocalDate.parse(value.asText()));
            case Types.TIME -> insert.setObject(index, LocalTime.parse(value.asText()));
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB ->
                    insert.setBytes(index, Base64.getDecoder().decode(value.asText()));
            case Types.BOOLEAN, Types.BIT -> insert.setBoolean(index, value.asBoolean());
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER -> insert.setInt(index, value.asInt());
            case Types.BIGINT -> insert.setLong(index, value.asLong());
            case Types.NUMERIC, Types.DECIMAL, Types.REAL, Types.FLOAT, Types.DOUBLE ->
                    insert.setBigDecimal(index, new BigDecimal(value.asText()));
            case Types.OTHER -> insert.setObject(index, value.asText(), Types.OTHER);
            default -> insert.setString(index, value.asText());
        }
    }

    /** Moves every identity column past the highest restored value, so new rows get fresh ids. */
    static void resetIdentities(Connection connection) throws SQLException {
        List<String[]> identities = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT table_name, column_name FROM information_schema.columns WHERE is_identity = 'YES' "
                        + "AND LOWER(table_schema) = LOWER(?)")) {
            query.setString(1, connection.getSchema());
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    identities.add(new String[] {rs.getString(1).toLowerCase(Locale.ROOT), rs.getString(2).toLowerCase(Locale.ROOT)});
                }
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (String[] identity : identities) {
                if (identity[0].equals(DatabaseExport.HISTORY_TABLE)) {
                    continue;
                }
                long next;
                try (ResultSet rs = statement.executeQuery("SELECT COALESCE(MAX(" + identity[1] + "), 0) + 1 FROM " + identity[0])) {
                    rs.next();
                    next = rs.getLong(1);
                }
                statement.execute("ALTER TABLE " + identity[0] + " ALTER COLUMN " + identity[1] + " RESTART WITH " + next);
            }
        }
    }
}
