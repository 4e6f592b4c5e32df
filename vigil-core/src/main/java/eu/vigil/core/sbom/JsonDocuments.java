package eu.vigil.core.sbom;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import eu.vigil.core.InvalidInputException;

/**
 * Streaming JSON access for the SBOM readers: parsers bounded by {@link SbomLimits}, duplicate
 * keys refused, and Jackson's errors turned into {@link InvalidInputException}s that say where.
 */
final class JsonDocuments {

    private final ObjectMapper mapper;

    JsonDocuments(SbomLimits limits) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxDepth())
                        .maxStringLength(limits.maxStringLength())
                        .maxNameLength(Math.min(limits.maxStringLength(), 64 * 1024))
                        .maxNumberLength(1000)
                        .maxDocumentLength(limits.maxBytes())
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        this.mapper = new ObjectMapper(factory);
    }

    JsonParser open(byte[] document) {
        try {
            return mapper.createParser(document);
        } catch (IOException e) {
            throw translate(e);
        }
    }

    /** Reads the value at the parser's current token as a tree. */
    JsonNode tree(JsonParser parser) throws IOException {
        JsonNode node = mapper.readTree(parser);
        return node == null ? NullNode.getInstance() : node;
    }

    /** A string field of an object node; {@code null} when absent or JSON null. */
    static String text(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidInputException("'" + field + "' of " + where + " must be a string");
        }
        return value.textValue();
    }

    /** An array field of an object node; empty when absent or JSON null. */
    static Iterable<JsonNode> array(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new InvalidInputException("'" + field + "' of " + where + " must be an array");
        }
        return value;
    }

    /** The string value at the parser's current token. */
    static String string(JsonParser parser, String field) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            throw new InvalidInputException("'" + field + "' must be a string");
        }
        return parser.getText();
    }

    static void requireArray(JsonToken token, String field) {
        if (token != JsonToken.START_ARRAY) {
            throw new InvalidInputException("'" + field + "' must be an array");
        }
    }

    static void requireObject(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new InvalidInputException(where + " must be a JSON object");
        }
    }

    static InvalidInputException translate(IOException e) {
        if (e instanceof StreamConstraintsException) {
            return new InvalidInputException("the JSON document exceeds a reading limit: "
                    + ((StreamConstraintsException) e).getOriginalMessage(), e);
        }
        if (e instanceof JsonProcessingException processing) {
            var location = processing.getLocation();
            String where = location == null ? "" : " at line " + location.getLineNr() + ", column "
                    + location.getColumnNr();
            return new InvalidInputException("malformed JSON" + where + ": " + processing.getOriginalMessage(), e);
        }
        return new InvalidInputException("cannot read the JSON document: " + e.getMessage(), e);
    }
}
