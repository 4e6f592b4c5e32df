package eu.vigil.core.feeds;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.vigil.core.InvalidInputException;
import eu.vigil.core.osv.OsvRecordReader;
import eu.vigil.core.osv.OsvVulnerability;

/**
 * Builds OSV records (schema 1.6) from other feeds, and checks each with {@link OsvRecordReader} so
 * that what is stored reads back as any OSV record does.
 */
public final class OsvJson {

    public static final String SCHEMA_VERSION = "1.6.0";
    private static final ObjectMapper JSON = new ObjectMapper();

    private OsvJson() {
    }

    public static ObjectNode record(String id, String modified) {
        ObjectNode r = JSON.createObjectNode();
        r.put("schema_version", SCHEMA_VERSION);
        r.put("id", id);
        r.put("modified", modified);
        return r;
    }

    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    public static ArrayNode array() {
        return JSON.createArrayNode();
    }

    /** The record as bytes and as read back; a record the OSV reader refuses becomes a problem. */
    public static FeedRecord finish(ObjectNode record, String source) {
        String id = record.path("id").asText(source);
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(record);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            OsvVulnerability v = OsvRecordReader.read(bytes, source + " (" + id + ")");
            return FeedRecord.of(bytes, v);
        } catch (InvalidInputException e) {
            return FeedRecord.problem(id, e.getMessage());
        }
    }

    /** An RFC 3339 time from NVD's and CSAF's ISO times; NVD writes UTC times without an offset. */
    public static String rfc3339(String time) {
        if (time == null || time.isBlank()) {
            return null;
        }
        String t = time.strip();
        boolean hasOffset = t.endsWith("Z") || t.endsWith("z") || t.matches(".*T.*[+-]\\d\\d:?\\d\\d$");
        return hasOffset ? t : t + "Z";
    }
}
