package eu.vigil.core.catalogue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Reads catalogue files (JSON) and checks them. A file with any problem is rejected whole, with
 * the line, column and JSON path of every problem: malformed JSON, unknown or missing fields,
 * duplicate ids, parents that are not defined before their children, and references to unknown
 * areas, ISO/IEC 27001 controls or requirements of other catalogues. Thread-safe.
 *
 * <p>The format: an object with {@code catalogue} (id), {@code version}, {@code title},
 * {@code source} and {@code requirements}, a list of objects with the fields of {@link Requirement}
 * ({@code implements} for {@link Requirement#implementsRequirements()}). Only {@code id},
 * {@code title} and {@code text} are required; {@code assessable} defaults to true.
 */
public final class CatalogueReader {

    /** Largest catalogue file accepted. */
    public static final int MAX_BYTES = 8 << 20;

    private static final int MAX_REQUIREMENTS = 20_000;
    private static final int MAX_TEXT = 4000;
    private static final int MAX_SHORT_TEXT = 300;
    private static final Pattern CATALOGUE_ID = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    private static final Pattern LOCAL_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._()-]{0,99}");
    private static final Set<String> ROOT_FIELDS = Set.of("catalogue", "version", "title", "source", "requirements");
    private static final Set<String> REQUIREMENT_FIELDS = Set.of("id", "title", "text", "parent", "reference",
            "assessable", "obligation", "condition", "areas", "isoControls", "equivalents", "implements", "aliases");

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** Reads catalogues that may refer to each other; throws {@link InvalidCatalogueException} on any problem. */
    public CatalogueSet readAll(List<CatalogueSource> sources) {
        List<CatalogueProblem> problems = new ArrayList<>();
        List<Parsed> parsed = new ArrayList<>();
        for (CatalogueSource source : sources) {
            parse(source, problems).ifPresent(parsed::add);
        }
        Map<String, String> catalogueOfId = new HashMap<>();
        for (Parsed file : parsed) {
            file.declaredIds().forEach(id -> catalogueOfId.putIfAbsent(id, file.catalogueId()));
        }
        List<Catalogue> catalogues = new ArrayList<>();
        Map<String, String> seenCatalogues = new HashMap<>();
        for (Parsed file : parsed) {
            Optional<Catalogue> catalogue = new Check(file, id -> Optional.ofNullable(catalogueOfId.get(id)), problems)
                    .catalogue();
            if (catalogue.isPresent()) {
                String previous = seenCatalogues.putIfAbsent(catalogue.get().id(), file.source().name());
                if (previous != null) {
                    problems.add(file.problem("/catalogue", "catalogue id '" + catalogue.get().id()
                            + "' is also used by " + previous));
                }
                catalogues.add(catalogue.get());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidCatalogueException(problems);
        }
        return new CatalogueSet(catalogues);
    }

    /**
     * Reads one catalogue file whose cross references resolve against {@code context} (for example the
     * shipped catalogues); a catalogue of the same id in {@code context} is ignored, as the file replaces it.
     */
    public Catalogue read(CatalogueSource source, CatalogueSet context) {
        List<CatalogueProblem> problems = new ArrayList<>();
        Optional<Parsed> parsed = parse(source, problems);
        if (parsed.isEmpty()) {
            throw new InvalidCatalogueException(problems);
        }
        String ownId = parsed.get().catalogueId();
        Function<String, Optional<String>> catalogueOf = id -> context.catalogueOf(id).map(Catalogue::id)
                .filter(catalogueId -> !catalogueId.equals(ownId));
        Optional<Catalogue> catalogue = new Check(parsed.get(), catalogueOf, problems).catalogue();
        if (!problems.isEmpty() || catalogue.isEmpty()) {
            throw new InvalidCatalogueException(problems);
        }
        return catalogue.get();
    }

    /** A parsed file with the location of every value, keyed by JSON Pointer. */
    private record Parsed(CatalogueSource source, JsonNode root, Map<String, JsonLocation> locations) {

        String catalogueId() {
            JsonNode id = root.get("catalogue");
            return id != null && id.isTextual() ? id.textValue() : "";
        }

        /** Ids that look declared, for resolving references between files before each is fully checked. */
        List<String> declaredIds() {
            List<String> ids = new ArrayList<>();
            JsonNode requirements = root.get("requirements");
            if (requirements != null && requirements.isArray()) {
                for (JsonNode requirement : requirements) {
                    JsonNode id = requirement.get("id");
                    if (id != null && id.isTextual()) {
                        ids.add(id.textValue());
                    }
                }
            }
            return ids;
        }

        CatalogueProblem problem(String pointer, String message) {
            JsonLocation location = locations.get(pointer);
            int line = location == null ? 0 : location.getLineNr();
            int column = location == null ? 0 : location.getColumnNr();
            return new CatalogueProblem(source.name(), line, column, display(pointer), message);
        }

        int line(String pointer) {
            JsonLocation location = locations.get(pointer);
            return location == null ? 0 : location.getLineNr();
        }
    }

    private static Optional<Parsed> parse(CatalogueSource source, List<CatalogueProblem> problems) {
        byte[] content = source.content();
        if (content.length > MAX_BYTES) {
            problems.add(new CatalogueProblem(source.name(), 0, 0, "$", "the file has " + content.length
                    + " bytes; a catalogue may have at most " + MAX_BYTES));
            return Optional.empty();
        }
        try {
            JsonNode root = JSON.readTree(content);
            if (root == null || root.isMissingNode()) {
                problems.add(new CatalogueProblem(source.name(), 1, 1, "$", "the file is empty"));
                return Optional.empty();
            }
            return Optional.of(new Parsed(source, root, locations(content)));
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            problems.add(new CatalogueProblem(source.name(), location == null ? 0 : location.getLineNr(),
                    location == null ? 0 : location.getColumnNr(), "$", "not valid JSON: " + e.getOriginalMessage()));
            return Optional.empty();
        } catch (NumberFormatException e) {
            // Jackson refuses some numbers outside its own exception types
            problems.add(new CatalogueProblem(source.name(), 0, 0, "$",
                    "contains a number that cannot be read: " + e.getMessage()));
            return Optional.empty();
        } catch (IOException e) {
            problems.add(new CatalogueProblem(source.name(), 0, 0, "$", "cannot be read: " + e.getMessage()));
            return Optional.empty();
        }
    }

    /** Where each field name and array element starts; the tree itself keeps no positions. */
    private static Map<String, JsonLocation> locations(byte[] content) throws IOException {
        Map<String, JsonLocation> locations = new HashMap<>();
        try (JsonParser parser = new JsonFactory().createParser(content)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    continue;
                }
                locations.putIfAbsent(parser.getParsingContext().pathAsPointer().toString(),
                        parser.currentTokenLocation());
            }
        }
        return locations;
    }

    /** {@code /requirements/12/parent} as {@code $.requirements[12].parent}. */
    static String display(String pointer) {
        StringBuilder path = new StringBuilder("$");
        if (pointer.isEmpty()) {
            return path.toString();
        }
        for (String segment : pointer.substring(1).split("/", -1)) {
            String name = segment.replace("~1", "/").replace("~0", "~");
            if (!name.isEmpty() && name.chars().allMatch(Character::isDigit) && name.length() < 10) {
                path.append('[').append(name).append(']');
            } else {
                path.append('.').append(name);
            }
        }
        return path.toString();
    }

    private static String pointer(String parent, String name) {
        return parent + "/" + name.replace("~", "~0").replace("/", "~1");
    }

    /** Checks one parsed file, collecting problems; yields the catalogue only when the file is sound. */
    private static final class Check {
        private final Parsed file;
        private final Function<String, Optional<String>> catalogueOfOtherId;
        private final List<CatalogueProblem> problems;
        private final int problemsBefore;
        private final Set<String> declaredIds;

        Check(Parsed file, Function<String, Optional<String>> catalogueOfOtherId, List<CatalogueProblem> problems) {
            this.file = file;
            this.declaredIds = new java.util.HashSet<>(file.declaredIds());
            this.catalogueOfOtherId = catalogueOfOtherId;
            this.problems = problems;
            this.problemsBefore = problems.size();
        }

        Optional<Catalogue> catalogue() {
            JsonNode root = file.root();
            if (!root.isObject()) {
                problem("", "must be a JSON object with catalogue, version, title, source and requirements");
                return Optional.empty();
            }
            unknownFields(root, "", ROOT_FIELDS);
            String id = text(root, "", "catalogue", true, 40);
            if (id != null && !CATALOGUE_ID.matcher(id).matches()) {
                problem("/catalogue", "'" + id + "' is not a catalogue id: lower-case letters, digits and hyphens, "
                        + "starting with a letter, at most 40 characters");
                id = null;
            }
            String version = text(root, "", "version", true, 40);
            String title = text(root, "", "title", true, MAX_SHORT_TEXT);
            String source = text(root, "", "source", false, MAX_SHORT_TEXT);
            JsonNode list = root.get("requirements");
            List<Requirement> requirements = new ArrayList<>();
            if (list == null || !list.isArray() || list.isEmpty()) {
                problem(list == null ? "" : "/requirements", list == null ? "missing field 'requirements'"
                        : "'requirements' must be a non-empty list");
            } else if (list.size() > MAX_REQUIREMENTS) {
                problem("/requirements", "has " + list.size() + " entries; at most " + MAX_REQUIREMENTS);
            } else {
                Map<String, String> seen = new LinkedHashMap<>();
                for (int i = 0; i < list.size(); i++) {
                    requirement(list.get(i), "/requirements/" + i, id, seen).ifPresent(requirements::add);
                }
            }
            if (problems.size() > problemsBefore) {
                return Optional.empty();
            }
            return Optional.of(new Catalogue(id, version, title, source, requirements));
        }

        private Optional<Requirement> requirement(JsonNode node, String at, String catalogueId,
                Map<String, String> seen) {
            if (!node.isObject()) {
                problem(at, "a requirement must be an object");
                return Optional.empty();
            }
            unknownFields(node, at, REQUIREMENT_FIELDS);
            String id = text(node, at, "id", true, 140);
            if (id != null) {
                if (catalogueId != null && !(id.startsWith(catalogueId + ".")
                        && LOCAL_ID.matcher(id.substring(catalogueId.length() + 1)).matches())) {
                    problem(at + "/id", "'" + id + "' must be '" + catalogueId + ".' followed by letters, digits and "
                            + "._()- (ids are global, so each starts with its catalogue id)");
                } else if (seen.containsKey(id)) {
                    problem(at + "/id", "duplicate id '" + id + "', first defined at line "
                            + file.line(seen.get(id) + "/id"));
                }
            }
            String title = text(node, at, "title", true, MAX_SHORT_TEXT);
            String text = text(node, at, "text", true, MAX_TEXT);
            String parent = text(node, at, "parent", false, 140);
            if (parent != null && !seen.containsKey(parent)) {
                problem(at + "/parent", declaredIds.contains(parent)
                        ? "parent '" + parent + "' must be defined before the requirements below it"
                        : "unknown requirement '" + parent + "' (a parent must be in the same catalogue)");
            }
            String reference = text(node, at, "reference", false, MAX_SHORT_TEXT);
            boolean assessable = true;
            JsonNode assessableNode = node.get("assessable");
            if (assessableNode != null && !assessableNode.isNull()) {
                if (assessableNode.isBoolean()) {
                    assessable = assessableNode.booleanValue();
                } else {
                    problem(at + "/assessable", "must be true or false");
                }
            }
            Obligation obligation = null;
            String obligationCode = text(node, at, "obligation", false, 40);
            if (obligationCode != null) {
                obligation = Obligation.fromCode(obligationCode).orElse(null);
                if (obligation == null) {
                    problem(at + "/obligation", "must be 'mandatory' or 'recommended', not '" + obligationCode + "'");
                }
            }
            String condition = text(node, at, "condition", false, MAX_TEXT);
            List<Area> areas = list(node, at, "areas", (value, where) -> {
                Optional<Area> area = Area.fromCode(value);
                if (area.isEmpty()) {
                    problem(where, "unknown area '" + value + "'; areas are "
                            + java.util.Arrays.stream(Area.values()).map(Area::code).toList());
                }
                return area;
            });
            List<String> controls = list(node, at, "isoControls", (value, where) -> {
                if (!IsoControls.isKnown(value)) {
                    problem(where, "unknown ISO/IEC 27001:2022 Annex A control '" + value + "' (A.5.1 to A.8.34)");
                    return Optional.empty();
                }
                return Optional.of(value);
            });
            List<String> equivalents = list(node, at, "equivalents", (value, where) -> reference(value, where,
                    catalogueId, "equivalent"));
            List<String> implemented = list(node, at, "implements", (value, where) -> reference(value, where,
                    catalogueId, "implemented"));
            List<String> aliases = list(node, at, "aliases", (value, where) -> Optional.of(value));
            if (id != null) {
                seen.putIfAbsent(id, at);
            }
            if (id == null || title == null || text == null) {
                return Optional.empty();
            }
            return Optional.of(new Requirement(id, title, text, parent, reference, assessable, obligation, condition,
                    areas, controls, equivalents, implemented, aliases));
        }

        private Optional<String> reference(String value, String where, String catalogueId, String kind) {
            if (catalogueId != null && value.startsWith(catalogueId + ".")) {
                problem(where, kind + " requirement '" + value + "' is in this catalogue; cross references name "
                        + "requirements of other catalogues (use 'parent' within a catalogue)");
                return Optional.empty();
            }
            if (catalogueOfOtherId.apply(value).isEmpty()) {
                problem(where, "unknown " + kind + " requirement '" + value + "' (not in any other catalogue loaded)");
                return Optional.empty();
            }
            return Optional.of(value);
        }

        private <T> List<T> list(JsonNode node, String at, String name,
                java.util.function.BiFunction<String, String, Optional<T>> element) {
            JsonNode value = node.get(name);
            String where = pointer(at, name);
            if (value == null || value.isNull()) {
                return List.of();
            }
            if (!value.isArray()) {
                problem(where, "must be a list of strings");
                return List.of();
            }
            List<T> result = new ArrayList<>();
            java.util.Set<String> distinct = new java.util.HashSet<>();
            for (int i = 0; i < value.size(); i++) {
                JsonNode item = value.get(i);
                String itemAt = where + "/" + i;
                if (!item.isTextual() || item.textValue().isBlank()) {
                    problem(itemAt, "must be a non-empty string");
                } else if (!distinct.add(item.textValue())) {
                    problem(itemAt, "'" + item.textValue() + "' is listed twice");
                } else {
                    element.apply(item.textValue(), itemAt).ifPresent(result::add);
                }
            }
            return result;
        }

        private String text(JsonNode node, String at, String name, boolean required, int maxLength) {
            JsonNode value = node.get(name);
            String where = pointer(at, name);
            if (value == null || value.isNull()) {
                if (required) {
                    problem(at, "missing field '" + name + "'");
                }
                return null;
            }
            if (!value.isTextual()) {
                problem(where, "'" + name + "' must be a string");
                return null;
            }
            String text = value.textValue();
            if (text.isBlank()) {
                problem(where, "'" + name + "' must not be blank");
                return null;
            }
            if (text.length() > maxLength) {
                problem(where, "'" + name + "' has " + text.length() + " characters; at most " + maxLength);
                return null;
            }
            return text;
        }

        private void unknownFields(JsonNode node, String at, Set<String> known) {
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!known.contains(name)) {
                    problem(pointer(at, name), "unknown field '" + name + "'; known fields: "
                            + known.stream().sorted().toList());
                }
            }
        }

        private void problem(String pointer, String message) {
            problems.add(file.problem(pointer, message));
        }
    }
}
