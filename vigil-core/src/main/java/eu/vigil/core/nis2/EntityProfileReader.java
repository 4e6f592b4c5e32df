package eu.vigil.core.nis2;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Reads an entity profile file (JSON; field names as in {@link EntityProfile}) and checks it as
 * the classifier would, so that one run reports every problem: wrong types, unknown fields, values
 * out of range, contradictions, and figures the classification needs but the file lacks.
 * Thread-safe.
 */
public final class EntityProfileReader {

    /** Largest profile file accepted; real profiles are a few hundred bytes. */
    public static final int MAX_BYTES = 1 << 20;

    private static final Set<String> FIELDS = Set.of("legalName", "mainEstablishment", "otherMemberStates",
            "headcount", "annualTurnoverEur", "balanceSheetTotalEur", "partnerEnterprises", "linkedEnterprises",
            "groupIndependenceRecognised", "entityTypes", "qualifiedTrustServiceProvider",
            "publicAdministrationLevel", "memberStateDesignation", "formerOperatorOfEssentialServices",
            "supplierToEssentialOrImportantEntities");
    private static final Set<String> PARTNER_FIELDS = Set.of("name", "sharePercent", "headcount",
            "annualTurnoverEur", "balanceSheetTotalEur");
    private static final Set<String> LINKED_FIELDS = Set.of("name", "headcount", "annualTurnoverEur",
            "balanceSheetTotalEur");
    private static final int MAX_LIST = 1000;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final ScopeClassifier classifier = new ScopeClassifier();

    /** Reads and checks a profile; throws {@link InvalidProfileException} naming every problem. */
    public EntityProfile read(byte[] json) {
        if (json.length > MAX_BYTES) {
            throw new InvalidProfileException(List.of(new FieldProblem("$",
                    "the file has " + json.length + " bytes; a profile may have at most " + MAX_BYTES)));
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidProfileException(List.of(new FieldProblem("$", "not valid JSON at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": "
                    + e.getOriginalMessage())));
        } catch (NumberFormatException e) {
            // Jackson refuses some numbers (e.g. an exponent of thousands of digits) outside its own exceptions
            throw new InvalidProfileException(List.of(new FieldProblem("$",
                    "contains a number that cannot be read: " + e.getMessage())));
        } catch (IOException e) {
            throw new InvalidProfileException(List.of(new FieldProblem("$", "cannot be read: " + e.getMessage())));
        }
        if (root == null || root.isMissingNode()) {
            throw new InvalidProfileException(List.of(new FieldProblem("$", "the file is empty")));
        }
        if (!root.isObject()) {
            throw new InvalidProfileException(List.of(new FieldProblem("$",
                    "must be a JSON object with the profile fields, not " + kind(root))));
        }
        Fields fields = new Fields();
        fields.unknown(root, "", FIELDS);
        EntityProfile profile = new EntityProfile(
                fields.text(root, "legalName"),
                fields.text(root, "mainEstablishment"),
                fields.list(root, "otherMemberStates", (node, path) -> fields.textValue(node, path)),
                fields.number(root, "headcount", ""),
                fields.number(root, "annualTurnoverEur", ""),
                fields.number(root, "balanceSheetTotalEur", ""),
                fields.list(root, "partnerEnterprises", (node, path) -> fields.partner(node, path)),
                fields.list(root, "linkedEnterprises", (node, path) -> fields.linked(node, path)),
                fields.bool(root, "groupIndependenceRecognised"),
                fields.requiredList(root, "entityTypes", (node, path) -> fields.textValue(node, path)),
                fields.bool(root, "qualifiedTrustServiceProvider"),
                fields.code(root, "publicAdministrationLevel", PublicAdministrationLevel::fromCode,
                        "'central', 'regional', 'local' or null"),
                fields.code(root, "memberStateDesignation", MemberStateDesignation::fromCode,
                        "'essential', 'important' or null"),
                fields.bool(root, "formerOperatorOfEssentialServices"),
                fields.bool(root, "supplierToEssentialOrImportantEntities"));
        List<FieldProblem> problems = new ArrayList<>(fields.problems);
        for (FieldProblem problem : classifier.problems(profile)) {
            // a list with a malformed element is read without it, so later indices no longer match the file
            boolean reported = fields.problems.stream().anyMatch(shape -> covers(shape.field(), problem.field()))
                    || fields.damagedLists.stream().anyMatch(list -> covers(list, problem.field()));
            if (!reported) {
                problems.add(problem);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidProfileException(problems);
        }
        return profile;
    }

    private static boolean covers(String reported, String field) {
        return field.equals(reported) || field.startsWith(reported + ".") || field.startsWith(reported + "[");
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** Reads fields off JSON objects, noting every problem instead of stopping at the first. */
    private static final class Fields {
        final List<FieldProblem> problems = new ArrayList<>();
        final Set<String> damagedLists = new java.util.HashSet<>();

        void unknown(JsonNode object, String prefix, Set<String> known) {
            Iterator<String> names = object.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!known.contains(name)) {
                    String hint = known.stream().filter(k -> k.equalsIgnoreCase(name)).findFirst()
                            .map(k -> "; did you mean '" + k + "'?").orElse("; known fields: "
                                    + known.stream().sorted().toList());
                    problems.add(new FieldProblem(prefix + name, "unknown field" + hint));
                }
            }
        }

        String text(JsonNode object, String name) {
            JsonNode node = object.get(name);
            return node == null || node.isNull() ? null : textValue(node, name);
        }

        String textValue(JsonNode node, String path) {
            if (!node.isTextual()) {
                problems.add(new FieldProblem(path, "must be a string, not " + kind(node)));
                return null;
            }
            return node.textValue();
        }

        BigDecimal number(JsonNode object, String name, String prefix) {
            JsonNode node = object.get(name);
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isNumber()) {
                problems.add(new FieldProblem(prefix + name, "must be a number, not " + kind(node)
                        + (node.isTextual() ? " (write 50, not \"50\")" : "")));
                return null;
            }
            return node.decimalValue();
        }

        boolean bool(JsonNode object, String name) {
            JsonNode node = object.get(name);
            if (node == null || node.isNull()) {
                return false;
            }
            if (!node.isBoolean()) {
                problems.add(new FieldProblem(name, "must be true or false, not " + kind(node)));
                return false;
            }
            return node.booleanValue();
        }

        <T> T code(JsonNode object, String name, java.util.function.Function<String, Optional<T>> parse,
                String allowed) {
            JsonNode node = object.get(name);
            if (node == null || node.isNull()) {
                return null;
            }
            Optional<T> value = node.isTextual() ? parse.apply(node.textValue()) : Optional.empty();
            if (value.isEmpty()) {
                problems.add(new FieldProblem(name, "must be " + allowed + ", not "
                        + (node.isTextual() ? "'" + node.textValue() + "'" : kind(node))));
                return null;
            }
            return value.get();
        }

        <T> List<T> requiredList(JsonNode object, String name, BiFunction<JsonNode, String, T> element) {
            if (object.get(name) == null || object.get(name).isNull()) {
                problems.add(new FieldProblem(name, "missing; list the entity-type codes of the entity "
                        + "(an empty list [] when none applies)"));
                return List.of();
            }
            return list(object, name, element);
        }

        <T> List<T> list(JsonNode object, String name, BiFunction<JsonNode, String, T> element) {
            JsonNode node = object.get(name);
            if (node == null || node.isNull()) {
                return List.of();
            }
            if (!node.isArray()) {
                problems.add(new FieldProblem(name, "must be a list, not " + kind(node)));
                return List.of();
            }
            if (node.size() > MAX_LIST) {
                problems.add(new FieldProblem(name, "has " + node.size() + " entries; at most " + MAX_LIST));
                return List.of();
            }
            List<T> values = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                T value = element.apply(node.get(i), name + "[" + i + "]");
                if (value != null) {
                    values.add(value);
                } else {
                    damagedLists.add(name);
                }
            }
            return values;
        }

        PartnerEnterprise partner(JsonNode node, String path) {
            if (!node.isObject()) {
                problems.add(new FieldProblem(path, "must be an object, not " + kind(node)));
                return null;
            }
            unknown(node, path + ".", PARTNER_FIELDS);
            String prefix = path + ".";
            return new PartnerEnterprise(nestedText(node, "name", prefix), number(node, "sharePercent", prefix),
                    number(node, "headcount", prefix), number(node, "annualTurnoverEur", prefix),
                    number(node, "balanceSheetTotalEur", prefix));
        }

        LinkedEnterprise linked(JsonNode node, String path) {
            if (!node.isObject()) {
                problems.add(new FieldProblem(path, "must be an object, not " + kind(node)));
                return null;
            }
            unknown(node, path + ".", LINKED_FIELDS);
            String prefix = path + ".";
            return new LinkedEnterprise(nestedText(node, "name", prefix), number(node, "headcount", prefix),
                    number(node, "annualTurnoverEur", prefix), number(node, "balanceSheetTotalEur", prefix));
        }

        private String nestedText(JsonNode object, String name, String prefix) {
            JsonNode node = object.get(name);
            return node == null || node.isNull() ? null : textValue(node, prefix + name);
        }
    }

    /** The field names of a profile file, for documentation and forms. */
    public static Set<String> fieldNames() {
        return FIELDS;
    }
}
