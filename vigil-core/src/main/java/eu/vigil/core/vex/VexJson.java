package eu.vigil.core.vex;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import eu.vigil.core.InvalidInputException;

/** Shared JSON handling of the VEX formats: bounded parsing, text fields, instants. */
final class VexJson {

    /** Largest VEX document read: 32 MiB is tens of thousands of statements. */
    static final int MAX_BYTES = 32 * 1024 * 1024;

    static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64)
                            .maxStringLength(1024 * 1024).maxNumberLength(64).build())
                    .build())
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private VexJson() {
    }

    static JsonNode parse(byte[] document, String format) {
        if (document.length > MAX_BYTES) {
            throw new InvalidInputException(format + ": larger than the limit of " + MAX_BYTES + " bytes");
        }
        try {
            JsonNode root = MAPPER.readTree(document);
            if (root == null || !root.isObject()) {
                throw new InvalidInputException(format + ": not a JSON object");
            }
            return root;
        } catch (IOException e) {
            throw new InvalidInputException(format + ": malformed JSON: " + (e instanceof com.fasterxml.jackson.core.JacksonException j ? j.getOriginalMessage() : e.getMessage()), e);
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }

    static Instant instant(JsonNode node, String field, String format) {
        String value = text(node, field);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(format + ": '" + field + "' is not an RFC 3339 timestamp: " + value);
        }
    }

    static byte[] write(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException("writing JSON to memory", e);
        }
    }
}
