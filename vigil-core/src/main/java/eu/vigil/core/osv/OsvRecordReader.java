package eu.vigil.core.osv;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.vigil.core.InvalidInputException;

/**
 * Reads one OSV record (schema 1.x) from JSON and checks what matching relies on: an {@code id}
 * and {@code modified}; packages with an ecosystem and a name; ranges of a known type whose events
 * each hold exactly one of {@code introduced}, {@code fixed}, {@code last_affected}, {@code limit},
 * with at least one {@code introduced}, never both {@code fixed} and {@code last_affected}, and a
 * {@code repo} for {@code GIT} ranges. It does not insist on full-length commit hashes in
 * {@code GIT} ranges, which real PyPA records break and which are never evaluated here.
 *
 * <p>Safe on hostile input: nesting depth, string and document sizes are bounded, duplicate keys
 * are refused, and nothing is resolved from outside. A bad record raises
 * {@link InvalidInputException} naming the source, the record id when known, and the field.
 */
public final class OsvRecordReader {

    /** The largest record accepted, far above real ones (the largest PyPA record is ~300 KB). */
    public static final int MAX_RECORD_BYTES = 16 * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(64)
                    .maxStringLength(MAX_RECORD_BYTES)
                    .maxNumberLength(100)
                    .maxDocumentLength(MAX_RECORD_BYTES)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build());

    private static final Map<String, OsvEvent.Kind> EVENT_KINDS = Map.of(
            "introduced", OsvEvent.Kind.INTRODUCED, "fixed", OsvEvent.Kind.FIXED,
            "last_affected", OsvEvent.Kind.LAST_AFFECTED, "limit", OsvEvent.Kind.LIMIT);

    private OsvRecordReader() {
    }

    /** Reads a record from bytes; {@code source} names where they came from, for messages. */
    public static OsvVulnerability read(byte[] json, String source) {
        if (json.length > MAX_RECORD_BYTES) {
            throw new InvalidInputException(source + ": OSV record larger than " + MAX_RECORD_BYTES + " bytes");
        }
        try (JsonParser parser = JSON.createParser(json)) {
            return read(parser, source);
        } catch (IOException e) {
            throw notJson(source, e);
        }
    }

    /** Reads a record from a stream (not closed); {@code source} names it, for messages. */
    public static OsvVulnerability read(InputStream json, String source) {
        try (JsonParser parser = JSON.createParser(json)) {
            return read(parser, source);
        } catch (IOException e) {
            throw notJson(source, e);
        }
    }

    private static InvalidInputException notJson(String source, IOException e) {
        String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        return new InvalidInputException(source + ": not a readable OSV JSON record: " + message, e);
    }

    private static OsvVulnerability read(JsonParser parser, String source) throws IOException {
        JsonNode root = JSON.readTree(parser);
        if (parser.nextToken() != null) {
            throw new InvalidInputException(source + ": text after the end of the OSV record");
        }
        if (root == null || !root.isObject()) {
            throw new InvalidInputException(source + ": an OSV record must be a JSON object");
        }
        return new RecordFields(root, source).vulnerability();
    }

    /** Field access with messages that name the source, the record and the path. */
    private static final class RecordFields {

        private final JsonNode root;
        private final String source;
        private String where;

        RecordFields(JsonNode root, String source) {
            this.root = root;
            this.source = source;
            this.where = source;
        }

        OsvVulnerability vulnerability() {
            String id = requiredString(root, "id", "id");
            if (id.isBlank()) {
                throw invalid("id", "is blank");
            }
            where = source + " (" + id + ")";
            String schemaVersion = optionalString(root, "schema_version", "schema_version");
            if (schemaVersion != null && !schemaVersion.equals("1") && !schemaVersion.startsWith("1.")) {
                throw invalid("schema_version", "is " + schemaVersion + "; only OSV schema 1.x is supported");
            }
            String modified = requiredString(root, "modified", "modified");
            List<String> aliases = stringList(root.get("aliases"), "aliases");
            List<OsvSeverity> severities = severities(root.get("severity"), "severity");
            List<OsvAffected> affected = new ArrayList<>();
            JsonNode affectedNode = root.get("affected");
            if (affectedNode != null && !affectedNode.isNull()) {
                if (!affectedNode.isArray()) {
                    throw invalid("affected", "must be a list");
                }
                for (int i = 0; i < affectedNode.size(); i++) {
                    affected.add(affected(affectedNode.get(i), "affected[" + i + "]"));
                }
            }
            return new OsvVulnerability(id, aliases, modified,
                    optionalString(root, "published", "published"),
                    optionalString(root, "withdrawn", "withdrawn"),
                    optionalString(root, "summary", "summary"),
                    severities, databaseSeverity(root.get("database_specific")), affected, source);
        }

        private OsvAffected affected(JsonNode node, String path) {
            if (!node.isObject()) {
                throw invalid(path, "must be an object");
            }
            String ecosystem = null;
            String name = null;
            String purl = null;
            JsonNode pkg = node.get("package");
            if (pkg != null && !pkg.isNull()) {
                if (!pkg.isObject()) {
                    throw invalid(path + ".package", "must be an object");
                }
                ecosystem = requiredString(pkg, "ecosystem", path + ".package.ecosystem");
                name = requiredString(pkg, "name", path + ".package.name");
                if (ecosystem.isBlank() || name.isBlank()) {
                    throw invalid(path + ".package", "has a blank ecosystem or name");
                }
                purl = optionalString(pkg, "purl", path + ".package.purl");
            }
            List<OsvRange> ranges = new ArrayList<>();
            JsonNode rangesNode = node.get("ranges");
            if (rangesNode != null && !rangesNode.isNull()) {
                if (!rangesNode.isArray()) {
                    throw invalid(path + ".ranges", "must be a list");
                }
                for (int i = 0; i < rangesNode.size(); i++) {
                    ranges.add(range(rangesNode.get(i), path + ".ranges[" + i + "]"));
                }
            }
            List<String> versions = stringList(node.get("versions"), path + ".versions");
            List<OsvSeverity> severities = severities(node.get("severity"), path + ".severity");
            return new OsvAffected(ecosystem, name, purl, ranges, versions, severities,
                    databaseSeverity(node.get("database_specific")));
        }

        private OsvRange range(JsonNode node, String path) {
            if (!node.isObject()) {
                throw invalid(path, "must be an object");
            }
            String typeText = requiredString(node, "type", path + ".type");
            OsvRange.Type type;
            try {
                type = OsvRange.Type.valueOf(typeText);
            } catch (IllegalArgumentException e) {
                throw invalid(path + ".type", "is \"" + typeText + "\"; expected SEMVER, ECOSYSTEM or GIT");
            }
            String repo = optionalString(node, "repo", path + ".repo");
            if (type == OsvRange.Type.GIT && repo == null) {
                throw invalid(path + ".repo", "is required for a GIT range");
            }
            JsonNode eventsNode = node.get("events");
            if (eventsNode == null || !eventsNode.isArray() || eventsNode.isEmpty()) {
                throw invalid(path + ".events", "must be a non-empty list");
            }
            List<OsvEvent> events = new ArrayList<>();
            Set<OsvEvent.Kind> kinds = EnumSet.noneOf(OsvEvent.Kind.class);
            for (int i = 0; i < eventsNode.size(); i++) {
                String eventPath = path + ".events[" + i + "]";
                JsonNode event = eventsNode.get(i);
                if (!event.isObject() || event.size() != 1) {
                    throw invalid(eventPath, "must be an object with exactly one of introduced, fixed, "
                            + "last_affected, limit");
                }
                var field = event.properties().iterator().next();
                OsvEvent.Kind kind = EVENT_KINDS.get(field.getKey());
                if (kind == null) {
                    throw invalid(eventPath, "has unknown event \"" + field.getKey() + "\"");
                }
                if (!field.getValue().isTextual() || field.getValue().asText().isBlank()) {
                    throw invalid(eventPath + "." + field.getKey(), "must be a non-blank string");
                }
                events.add(new OsvEvent(kind, field.getValue().asText()));
                kinds.add(kind);
            }
            if (!kinds.contains(OsvEvent.Kind.INTRODUCED)) {
                throw invalid(path + ".events", "has no introduced event");
            }
            if (kinds.contains(OsvEvent.Kind.FIXED) && kinds.contains(OsvEvent.Kind.LAST_AFFECTED)) {
                throw invalid(path + ".events", "has both fixed and last_affected events");
            }
            return new OsvRange(type, repo, events);
        }

        private List<OsvSeverity> severities(JsonNode node, String path) {
            if (node == null || node.isNull()) {
                return List.of();
            }
            if (!node.isArray()) {
                throw invalid(path, "must be a list");
            }
            List<OsvSeverity> severities = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                JsonNode entry = node.get(i);
                if (!entry.isObject()) {
                    throw invalid(path + "[" + i + "]", "must be an object");
                }
                severities.add(new OsvSeverity(requiredString(entry, "type", path + "[" + i + "].type"),
                        requiredString(entry, "score", path + "[" + i + "].score")));
            }
            return severities;
        }

        /** {@code database_specific.severity} as GHSA and others write it ("HIGH", "MODERATE", ...). */
        private static String databaseSeverity(JsonNode databaseSpecific) {
            if (databaseSpecific == null || !databaseSpecific.isObject()) {
                return null;
            }
            JsonNode severity = databaseSpecific.get("severity");
            return severity != null && severity.isTextual() && !severity.asText().isBlank() ? severity.asText() : null;
        }

        private List<String> stringList(JsonNode node, String path) {
            if (node == null || node.isNull()) {
                return List.of();
            }
            if (!node.isArray()) {
                throw invalid(path, "must be a list of strings");
            }
            List<String> list = new ArrayList<>(node.size());
            for (int i = 0; i < node.size(); i++) {
                if (!node.get(i).isTextual()) {
                    throw invalid(path + "[" + i + "]", "must be a string");
                }
                list.add(node.get(i).asText());
            }
            return list;
        }

        private String requiredString(JsonNode node, String field, String path) {
            String value = optionalString(node, field, path);
            if (value == null) {
                throw invalid(path, "is missing");
            }
            return value;
        }

        private String optionalString(JsonNode node, String field, String path) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isTextual()) {
                throw invalid(path, "must be a string");
            }
            return value.asText();
        }

        private InvalidInputException invalid(String path, String problem) {
            return new InvalidInputException(where + ": " + path + " " + problem);
        }
    }
}
