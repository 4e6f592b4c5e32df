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
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
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
 * <p>Read with Jackson's streaming parser, keeping only what is needed (the long {@code details}
 * and {@code references} are skipped). Safe on hostile input: nesting depth, string and document
 * sizes are bounded, duplicate keys are refused, and nothing is resolved from outside. A bad record raises
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
        OsvVulnerability record = new RecordParser(parser, source).record();
        if (parser.nextToken() != null) {
            throw new InvalidInputException(source + ": text after the end of the OSV record");
        }
        return record;
    }

    /** Walks one record's tokens; messages name the source, the record (once its id is read) and the path. */
    private static final class RecordParser {

        private final JsonParser p;
        private final String source;
        private String id;

        RecordParser(JsonParser parser, String source) {
            this.p = parser;
            this.source = source;
        }

        OsvVulnerability record() throws IOException {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw invalid("", "an OSV record must be a JSON object");
            }
            String schemaVersion = null;
            String modified = null;
            String published = null;
            String withdrawn = null;
            String summary = null;
            List<String> aliases = List.of();
            List<OsvSeverity> severities = List.of();
            String databaseSeverity = null;
            List<OsvAffected> affected = List.of();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "id" -> {
                        id = string("id");
                        if (id == null) {
                            throw invalid("id", "is missing");
                        }
                        if (id.isBlank()) {
                            throw invalid("id", "is blank");
                        }
                    }
                    case "schema_version" -> schemaVersion = string("schema_version");
                    case "modified" -> modified = string("modified");
                    case "published" -> published = string("published");
                    case "withdrawn" -> withdrawn = string("withdrawn");
                    case "summary" -> summary = string("summary");
                    case "aliases" -> aliases = strings("aliases");
                    case "severity" -> severities = severities("severity");
                    case "database_specific" -> databaseSeverity = databaseSeverity("database_specific");
                    case "affected" -> affected = affectedList();
                    default -> p.skipChildren();
                }
            }
            if (id == null) {
                throw invalid("id", "is missing");
            }
            if (schemaVersion != null && !schemaVersion.equals("1") && !schemaVersion.startsWith("1.")) {
                throw invalid("schema_version", "is " + schemaVersion + "; only OSV schema 1.x is supported");
            }
            if (modified == null) {
                throw invalid("modified", "is missing");
            }
            return new OsvVulnerability(id, aliases, modified, published, withdrawn, summary, severities,
                    databaseSeverity, affected, source);
        }

        private List<OsvAffected> affectedList() throws IOException {
            if (p.currentToken() == JsonToken.VALUE_NULL) {
                return List.of();
            }
            requireArray("affected");
            List<OsvAffected> list = new ArrayList<>(2);
            for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                list.add(affected("affected[" + i + "]"));
            }
            return list;
        }

        private OsvAffected affected(String path) throws IOException {
            requireObject(path);
            String ecosystem = null;
            String name = null;
            String purl = null;
            List<OsvRange> ranges = List.of();
            List<String> versions = List.of();
            List<OsvSeverity> severities = List.of();
            String databaseSeverity = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "package" -> {
                        if (p.currentToken() == JsonToken.VALUE_NULL) {
                            continue;
                        }
                        requireObject(path + ".package");
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String packageField = p.currentName();
                            p.nextToken();
                            switch (packageField) {
                                case "ecosystem" -> ecosystem = string(path + ".package.ecosystem");
                                case "name" -> name = string(path + ".package.name");
                                case "purl" -> purl = string(path + ".package.purl");
                                default -> p.skipChildren();
                            }
                        }
                        if (ecosystem == null) {
                            throw invalid(path + ".package.ecosystem", "is missing");
                        }
                        if (name == null) {
                            throw invalid(path + ".package.name", "is missing");
                        }
                        if (ecosystem.isBlank() || name.isBlank()) {
                            throw invalid(path + ".package", "has a blank ecosystem or name");
                        }
                    }
                    case "ranges" -> ranges = ranges(path + ".ranges");
                    case "versions" -> versions = strings(path + ".versions");
                    case "severity" -> severities = severities(path + ".severity");
                    case "database_specific" -> databaseSeverity = databaseSeverity(path + ".database_specific");
                    default -> p.skipChildren();
                }
            }
            return new OsvAffected(ecosystem, name, purl, ranges, versions, severities, databaseSeverity);
        }

        private List<OsvRange> ranges(String path) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_NULL) {
                return List.of();
            }
            requireArray(path);
            List<OsvRange> list = new ArrayList<>(2);
            for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                list.add(range(path + "[" + i + "]"));
            }
            return list;
        }

        private OsvRange range(String path) throws IOException {
            requireObject(path);
            String typeText = null;
            String repo = null;
            List<OsvEvent> events = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "type" -> typeText = string(path + ".type");
                    case "repo" -> repo = string(path + ".repo");
                    case "events" -> events = events(path + ".events");
                    default -> p.skipChildren();
                }
            }
            if (typeText == null) {
                throw invalid(path + ".type", "is missing");
            }
            OsvRange.Type type;
            try {
                type = OsvRange.Type.valueOf(typeText);
            } catch (IllegalArgumentException e) {
                throw invalid(path + ".type", "is \"" + typeText + "\"; expected SEMVER, ECOSYSTEM or GIT");
            }
            if (type == OsvRange.Type.GIT && repo == null) {
                throw invalid(path + ".repo", "is required for a GIT range");
            }
            if (events == null || events.isEmpty()) {
                throw invalid(path + ".events", "must be a non-empty list");
            }
            Set<OsvEvent.Kind> kinds = EnumSet.noneOf(OsvEvent.Kind.class);
            events.forEach(e -> kinds.add(e.kind()));
            if (!kinds.contains(OsvEvent.Kind.INTRODUCED)) {
                throw invalid(path + ".events", "has no introduced event");
            }
            if (kinds.contains(OsvEvent.Kind.FIXED) && kinds.contains(OsvEvent.Kind.LAST_AFFECTED)) {
                throw invalid(path + ".events", "has both fixed and last_affected events");
            }
            return new OsvRange(type, repo, events);
        }

        private List<OsvEvent> events(String path) throws IOException {
            if (p.currentToken() != JsonToken.START_ARRAY) {
                throw invalid(path, "must be a non-empty list");
            }
            List<OsvEvent> events = new ArrayList<>(4);
            for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                String eventPath = path + "[" + i + "]";
                String exactlyOne = "must be an object with exactly one of introduced, fixed, last_affected, limit";
                if (p.currentToken() != JsonToken.START_OBJECT || p.nextToken() != JsonToken.FIELD_NAME) {
                    throw invalid(eventPath, exactlyOne);
                }
                String field = p.currentName();
                OsvEvent.Kind kind = EVENT_KINDS.get(field);
                if (kind == null) {
                    throw invalid(eventPath, "has unknown event \"" + field + "\"");
                }
                p.nextToken();
                if (p.currentToken() != JsonToken.VALUE_STRING || p.getText().isBlank()) {
                    throw invalid(eventPath + "." + field, "must be a non-blank string");
                }
                events.add(new OsvEvent(kind, p.getText()));
                if (p.nextToken() != JsonToken.END_OBJECT) {
                    throw invalid(eventPath, exactlyOne);
                }
            }
            return events;
        }

        private List<OsvSeverity> severities(String path) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_NULL) {
                return List.of();
            }
            requireArray(path);
            List<OsvSeverity> list = new ArrayList<>(2);
            for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                String entryPath = path + "[" + i + "]";
                requireObject(entryPath);
                String type = null;
                String score = null;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    p.nextToken();
                    switch (field) {
                        case "type" -> type = string(entryPath + ".type");
                        case "score" -> score = string(entryPath + ".score");
                        default -> p.skipChildren();
                    }
                }
                if (type == null) {
                    throw invalid(entryPath + ".type", "is missing");
                }
                if (score == null) {
                    throw invalid(entryPath + ".score", "is missing");
                }
                list.add(new OsvSeverity(type, score));
            }
            return list;
        }

        /** {@code database_specific.severity} as GHSA and others write it ("HIGH", "MODERATE", ...). */
        private String databaseSeverity(String path) throws IOException {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                p.skipChildren();
                return null;
            }
            String severity = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (field.equals("severity") && p.currentToken() == JsonToken.VALUE_STRING && !p.getText().isBlank()) {
                    severity = p.getText();
                } else {
                    p.skipChildren();
                }
            }
            return severity;
        }

        private List<String> strings(String path) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_NULL) {
                return List.of();
            }
            if (p.currentToken() != JsonToken.START_ARRAY) {
                throw invalid(path, "must be a list of strings");
            }
            List<String> list = new ArrayList<>();
            for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                if (p.currentToken() != JsonToken.VALUE_STRING) {
                    throw invalid(path + "[" + i + "]", "must be a string");
                }
                list.add(p.getText());
            }
            return list;
        }

        /** The current string value; null for JSON null. */
        private String string(String path) throws IOException {
            return switch (p.currentToken()) {
                case VALUE_STRING -> p.getText();
                case VALUE_NULL -> null;
                default -> throw invalid(path, "must be a string");
            };
        }

        private void requireObject(String path) {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw invalid(path, "must be an object");
            }
        }

        private void requireArray(String path) {
            if (p.currentToken() != JsonToken.START_ARRAY) {
                throw invalid(path, "must be a list");
            }
        }

        private InvalidInputException invalid(String path, String problem) {
            String where = id == null ? source : source + " (" + id + ")";
            return new InvalidInputException(path.isEmpty() ? where + ": " + problem : where + ": " + path + " " + problem);
        }
    }
}
