package eu.vigil.cli;

import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** One JSON object per line on stdout, the CLI's machine output. */
final class JsonLines {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonLines() {
    }

    static void print(PrintStream out, Map<String, ?> object) {
        try {
            out.println(JSON.writeValueAsString(object));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A record's components as an ordered map, times as ISO-8601 text. */
    static Map<String, Object> of(Record record) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (var component : record.getClass().getRecordComponents()) {
            try {
                Object value = component.getAccessor().invoke(record);
                map.put(component.getName(), value instanceof Instant instant ? instant.toString()
                        : value instanceof java.nio.file.Path path ? path.toString()
                        : value instanceof Record nested ? of(nested) : value);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return map;
    }

    static Map<String, Object> error(String message) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("error", message);
        return map;
    }
}
