package eu.vigil.core.csaf;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import eu.vigil.core.InvalidInputException;
import eu.vigil.core.cvss.Cvss;
import eu.vigil.core.cvss.CvssV2;
import eu.vigil.core.cvss.CvssV3;
import eu.vigil.core.cvss.CvssVector;
import eu.vigil.core.purl.PackageUrl;

/**
 * The mandatory tests of CSAF 2.0 section 6.1, run over one document tree. Every test tolerates a
 * document that fails the schema (wrong types are skipped, not thrown on): the schema reports those.
 */
final class MandatoryTests {

    private static final Pattern CVSS_PATH = Pattern.compile("^/vulnerabilities/\\d+/scores/\\d+/cvss_v[23](/.*)?$");

    private static final List<String> PRODUCT_STATUS = List.of("first_affected", "first_fixed", "fixed",
            "known_affected", "known_not_affected", "last_affected", "recommended", "under_investigation");

    private static final Map<String, String> STATUS_GROUP = Map.of(
            "first_affected", "affected", "known_affected", "affected", "last_affected", "affected",
            "known_not_affected", "not affected",
            "first_fixed", "fixed", "fixed", "fixed",
            "under_investigation", "under investigation");

    private final JsonNode doc;
    private final List<CsafFailure> failures = new ArrayList<>();

    MandatoryTests(JsonNode doc) {
        this.doc = doc;
    }

    static boolean isInsideCvss(String path) {
        return CVSS_PATH.matcher(path).matches();
    }

    List<CsafFailure> run() {
        missingProductDefinition();          // 6.1.1
        multipleProductDefinition();         // 6.1.2
        circularProductDefinition();         // 6.1.3
        missingGroupDefinition();            // 6.1.4
        multipleGroupDefinition();           // 6.1.5
        contradictingProductStatus();        // 6.1.6
        multipleScoresPerVersion();          // 6.1.7
        cvssComputation();                   // 6.1.9
        cvssConsistency();                   // 6.1.10
        cwe();                               // 6.1.11
        language();                          // 6.1.12
        purl();                              // 6.1.13
        sortedRevisionHistory();             // 6.1.14
        translator();                        // 6.1.15
        latestDocumentVersion();             // 6.1.16
        draftStatus();                       // 6.1.17
        releasedRevisionHistory();           // 6.1.18
        preReleaseRevisions();               // 6.1.19
        nonDraftVersion();                   // 6.1.20
        missingRevision();                   // 6.1.21
        multipleRevisions();                 // 6.1.22
        multipleCve();                       // 6.1.23
        multipleInvolvements();              // 6.1.24
        multipleHashAlgorithms();            // 6.1.25
        prohibitedCategory();                // 6.1.26
        profiles();                          // 6.1.27.x
        translation();                       // 6.1.28
        remediationWithoutProduct();         // 6.1.29
        mixedVersioning();                   // 6.1.30
        versionRangeInProductVersion();      // 6.1.31
        flagWithoutProduct();                // 6.1.32
        multipleVexFlags();                  // 6.1.33
        return failures;
    }

    private void fail(String test, String path, String message) {
        failures.add(new CsafFailure(test, path, message));
    }

    // ---- product tree -------------------------------------------------------------------------

    /** Every product definition (product_id with its path), in document order. */
    private List<Ref> productDefinitions() {
        List<Ref> out = new ArrayList<>();
        JsonNode tree = doc.path("product_tree");
        forEachProduct(tree, (product, path) -> {
            JsonNode id = product.get("product_id");
            if (id != null && id.isTextual()) {
                out.add(new Ref(id.textValue(), path + "/product_id"));
            }
        });
        return out;
    }

    /** Every full_product_name of the tree (branches, full_product_names, relationships), with its path. */
    private void forEachProduct(JsonNode tree, BiConsumer<JsonNode, String> action) {
        branches(tree.path("branches"), "/product_tree/branches", action);
        JsonNode names = tree.path("full_product_names");
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).isObject()) {
                action.accept(names.get(i), "/product_tree/full_product_names/" + i);
            }
        }
        JsonNode relationships = tree.path("relationships");
        for (int i = 0; i < relationships.size(); i++) {
            JsonNode name = relationships.get(i).path("full_product_name");
            if (name.isObject()) {
                action.accept(name, "/product_tree/relationships/" + i + "/full_product_name");
            }
        }
    }

    private void branches(JsonNode branches, String path, BiConsumer<JsonNode, String> action) {
        if (!branches.isArray()) {
            return;
        }
        for (int i = 0; i < branches.size(); i++) {
            JsonNode branch = branches.get(i);
            if (branch.path("product").isObject()) {
                action.accept(branch.get("product"), path + "/" + i + "/product");
            }
            branches(branch.path("branches"), path + "/" + i + "/branches", action);
        }
    }

    private record Ref(String id, String path) {
    }

    /** Every product id reference outside the definitions, in document order. */
    private List<Ref> productReferences() {
        List<Ref> out = new ArrayList<>();
        JsonNode tree = doc.path("product_tree");
        JsonNode groups = tree.path("product_groups");
        for (int i = 0; i < groups.size(); i++) {
            strings(groups.get(i).path("product_ids"), "/product_tree/product_groups/" + i + "/product_ids", out);
        }
        JsonNode relationships = tree.path("relationships");
        for (int i = 0; i < relationships.size(); i++) {
            string(relationships.get(i), "product_reference", "/product_tree/relationships/" + i, out);
            string(relationships.get(i), "relates_to_product_reference", "/product_tree/relationships/" + i, out);
        }
        forEachVulnerability((vulnerability, path) -> {
            JsonNode status = vulnerability.path("product_status");
            for (String name : PRODUCT_STATUS) {
                strings(status.path(name), path + "/product_status/" + name, out);
            }
            forEachItem(vulnerability.path("remediations"), path + "/remediations",
                    (item, at) -> strings(item.path("product_ids"), at + "/product_ids", out));
            forEachItem(vulnerability.path("scores"), path + "/scores",
                    (item, at) -> strings(item.path("products"), at + "/products", out));
            forEachItem(vulnerability.path("threats"), path + "/threats",
                    (item, at) -> strings(item.path("product_ids"), at + "/product_ids", out));
            forEachItem(vulnerability.path("flags"), path + "/flags",
                    (item, at) -> strings(item.path("product_ids"), at + "/product_ids", out));
        });
        return out;
    }

    private List<Ref> groupReferences() {
        List<Ref> out = new ArrayList<>();
        forEachVulnerability((vulnerability, path) -> {
            for (String field : List.of("remediations", "threats", "flags")) {
                forEachItem(vulnerability.path(field), path + "/" + field,
                        (item, at) -> strings(item.path("group_ids"), at + "/group_ids", out));
            }
        });
        return out;
    }

    private List<Ref> groupDefinitions() {
        List<Ref> out = new ArrayList<>();
        JsonNode groups = doc.path("product_tree").path("product_groups");
        for (int i = 0; i < groups.size(); i++) {
            string(groups.get(i), "group_id", "/product_tree/product_groups/" + i, out);
        }
        return out;
    }

    private static void strings(JsonNode array, String path, List<Ref> out) {
        if (!array.isArray()) {
            return;
        }
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i).isTextual()) {
                out.add(new Ref(array.get(i).textValue(), path + "/" + i));
            }
        }
    }

    private static void string(JsonNode object, String field, String path, List<Ref> out) {
        JsonNode value = object.path(field);
        if (value.isTextual()) {
            out.add(new Ref(value.textValue(), path + "/" + field));
        }
    }

    private void forEachVulnerability(BiConsumer<JsonNode, String> action) {
        forEachItem(doc.path("vulnerabilities"), "/vulnerabilities", action);
    }

    private static void forEachItem(JsonNode array, String path, BiConsumer<JsonNode, String> action) {
        if (!array.isArray()) {
            return;
        }
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i).isObject()) {
                action.accept(array.get(i), path + "/" + i);
            }
        }
    }

    private void missingProductDefinition() {
        Set<String> defined = new HashSet<>();
        productDefinitions().forEach(ref -> defined.add(ref.id()));
        for (Ref ref : productReferences()) {
            if (!defined.contains(ref.id())) {
                fail("6.1.1", ref.path(), "product id '" + ref.id() + "' is not defined in the product tree");
            }
        }
    }

    private void multipleProductDefinition() {
        duplicates(productDefinitions(), "6.1.2", "product id '%s' is defined more than once");
    }

    private void duplicates(List<Ref> refs, String test, String message) {
        Set<String> seen = new HashSet<>();
        for (Ref ref : refs) {
            if (!seen.add(ref.id())) {
                fail(test, ref.path(), String.format(message, ref.id()));
            }
        }
    }

    private void circularProductDefinition() {
        JsonNode relationships = doc.path("product_tree").path("relationships");
        if (!relationships.isArray()) {
            return;
        }
        Map<String, Integer> definedBy = new HashMap<>();
        for (int i = 0; i < relationships.size(); i++) {
            JsonNode id = relationships.get(i).path("full_product_name").path("product_id");
            if (id.isTextual()) {
                definedBy.putIfAbsent(id.textValue(), i);
            }
        }
        for (int i = 0; i < relationships.size(); i++) {
            for (String key : List.of("product_reference", "relates_to_product_reference")) {
                JsonNode ref = relationships.get(i).path(key);
                if (ref.isTextual() && reaches(ref.textValue(), i, definedBy, relationships, new HashSet<>())) {
                    fail("6.1.3", "/product_tree/relationships/" + i + "/" + key,
                            "product id '" + ref.textValue() + "' is defined through itself (circular relationship)");
                }
            }
        }
    }

    /** Whether following the relationship that defines {@code id} leads back to relationship {@code start}. */
    private static boolean reaches(String id, int start, Map<String, Integer> definedBy, JsonNode relationships,
            Set<Integer> visited) {
        Integer index = definedBy.get(id);
        if (index == null) {
            return false;
        }
        if (index == start) {
            return true;
        }
        if (!visited.add(index)) {
            return false;
        }
        JsonNode relationship = relationships.get(index);
        for (String key : List.of("product_reference", "relates_to_product_reference")) {
            JsonNode next = relationship.path(key);
            if (next.isTextual() && reaches(next.textValue(), start, definedBy, relationships, visited)) {
                return true;
            }
        }
        return false;
    }

    private void missingGroupDefinition() {
        Set<String> defined = new HashSet<>();
        groupDefinitions().forEach(ref -> defined.add(ref.id()));
        for (Ref ref : groupReferences()) {
            if (!defined.contains(ref.id())) {
                fail("6.1.4", ref.path(), "product group id '" + ref.id() + "' is not defined in the product tree");
            }
        }
    }

    private void multipleGroupDefinition() {
        duplicates(groupDefinitions(), "6.1.5", "product group id '%s' is defined more than once");
    }

    /** Product ids of each product group. */
    private Map<String, Set<String>> groupMembers() {
        Map<String, Set<String>> members = new HashMap<>();
        JsonNode groups = doc.path("product_tree").path("product_groups");
        for (JsonNode group : groups) {
            if (group.path("group_id").isTextual()) {
                Set<String> ids = members.computeIfAbsent(group.get("group_id").textValue(), k -> new HashSet<>());
                for (JsonNode id : group.path("product_ids")) {
                    if (id.isTextual()) {
                        ids.add(id.textValue());
                    }
                }
            }
        }
        return members;
    }

    /** The product ids an item names directly or through its groups. */
    private static Set<String> productsOf(JsonNode item, Map<String, Set<String>> groups) {
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode id : item.path("product_ids")) {
            if (id.isTextual()) {
                ids.add(id.textValue());
            }
        }
        for (JsonNode group : item.path("group_ids")) {
            if (group.isTextual()) {
                ids.addAll(groups.getOrDefault(group.textValue(), Set.of()));
            }
        }
        return ids;
    }

    private void contradictingProductStatus() {
        forEachVulnerability((vulnerability, path) -> {
            Map<String, String> groupOf = new HashMap<>();
            JsonNode status = vulnerability.path("product_status");
            for (String name : PRODUCT_STATUS) {
                String group = STATUS_GROUP.get(name);
                if (group == null) {
                    continue;
                }
                List<Ref> refs = new ArrayList<>();
                strings(status.path(name), path + "/product_status/" + name, refs);
                for (Ref ref : refs) {
                    String earlier = groupOf.putIfAbsent(ref.id(), group);
                    if (earlier != null && !earlier.equals(group)) {
                        fail("6.1.6", ref.path(), "product '" + ref.id() + "' is both " + earlier + " and " + group);
                    }
                }
            }
        });
    }

    private void multipleScoresPerVersion() {
        forEachVulnerability((vulnerability, path) -> {
            Set<String> seen = new HashSet<>();
            forEachItem(vulnerability.path("scores"), path + "/scores", (score, at) -> {
                List<String> versions = new ArrayList<>();
                if (score.path("cvss_v2").isObject()) {
                    versions.add("2.0");
                }
                if (score.path("cvss_v3").isObject()) {
                    versions.add(score.path("cvss_v3").path("version").asText("3"));
                }
                List<Ref> products = new ArrayList<>();
                strings(score.path("products"), at + "/products", products);
                for (Ref product : products) {
                    for (String version : versions) {
                        if (!seen.add(product.id() + "\u0000" + version)) {
                            fail("6.1.7", product.path(), "product '" + product.id()
                                    + "' has more than one CVSS " + version + " score in this vulnerability");
                        }
                    }
                }
            });
        });
    }

    // ---- CVSS ---------------------------------------------------------------------------------

    private static CvssVector parseVector(JsonNode cvss) {
        JsonNode vector = cvss.path("vectorString");
        if (!vector.isTextual()) {
            return null;
        }
        try {
            return Cvss.parse(vector.textValue());
        } catch (InvalidInputException e) {
            return null;
        }
    }

    static String severity(double score) {
        int tenths = (int) Math.round(score * 10);
        if (tenths == 0) {
            return "NONE";
        }
        if (tenths < 40) {
            return "LOW";
        }
        if (tenths < 70) {
            return "MEDIUM";
        }
        return tenths < 90 ? "HIGH" : "CRITICAL";
    }

    private void cvssComputation() {
        forEachVulnerability((vulnerability, path) -> forEachItem(vulnerability.path("scores"), path + "/scores",
                (score, at) -> {
                    JsonNode v2 = score.path("cvss_v2");
                    if (v2.isObject() && parseVector(v2) instanceof CvssV2 vector) {
                        checkScore(v2, "baseScore", vector.baseScore(), at + "/cvss_v2");
                        checkScore(v2, "temporalScore", vector.temporalScore(), at + "/cvss_v2");
                        checkScore(v2, "environmentalScore", vector.environmentalScore(), at + "/cvss_v2");
                    }
                    JsonNode v3 = score.path("cvss_v3");
                    if (v3.isObject() && parseVector(v3) instanceof CvssV3 vector) {
                        String where = at + "/cvss_v3";
                        checkScore(v3, "baseScore", vector.baseScore(), where);
                        checkScore(v3, "temporalScore", vector.temporalScore(), where);
                        checkScore(v3, "environmentalScore", vector.environmentalScore(), where);
                        checkSeverity(v3, "baseSeverity", severity(vector.baseScore()), where);
                        checkSeverity(v3, "temporalSeverity", severity(vector.temporalScore()), where);
                        checkSeverity(v3, "environmentalSeverity", severity(vector.environmentalScore()), where);
                    }
                }));
    }

    private void checkScore(JsonNode cvss, String field, double expected, String path) {
        JsonNode value = cvss.path(field);
        if (value.isNumber() && Math.round(value.doubleValue() * 1000) != Math.round(expected * 1000)) {
            fail("6.1.9", path + "/" + field, field + " is " + value.asText() + " but the vector gives " + expected);
        }
    }

    private void checkSeverity(JsonNode cvss, String field, String expected, String path) {
        JsonNode value = cvss.path(field);
        if (value.isTextual() && !value.textValue().equals(expected)) {
            fail("6.1.9", path + "/" + field, field + " is " + value.textValue() + " but the vector gives " + expected);
        }
    }

    private static final Map<String, String> V3_PROPERTIES = linked(
            "attackVector", "AV", "attackComplexity", "AC", "privilegesRequired", "PR", "userInteraction", "UI",
            "scope", "S", "confidentialityImpact", "C", "integrityImpact", "I", "availabilityImpact", "A",
            "exploitCodeMaturity", "E", "remediationLevel", "RL", "reportConfidence", "RC",
            "confidentialityRequirement", "CR", "integrityRequirement", "IR", "availabilityRequirement", "AR",
            "modifiedAttackVector", "MAV", "modifiedAttackComplexity", "MAC", "modifiedPrivilegesRequired", "MPR",
            "modifiedUserInteraction", "MUI", "modifiedScope", "MS", "modifiedConfidentialityImpact", "MC",
            "modifiedIntegrityImpact", "MI", "modifiedAvailabilityImpact", "MA");

    private static final Map<String, String> V3_VALUES = linked(
            "NETWORK", "N", "ADJACENT_NETWORK", "A", "LOCAL", "L", "PHYSICAL", "P", "LOW", "L", "HIGH", "H",
            "MEDIUM", "M", "NONE", "N", "REQUIRED", "R", "UNCHANGED", "U", "CHANGED", "C", "UNPROVEN", "U",
            "PROOF_OF_CONCEPT", "P", "FUNCTIONAL", "F", "NOT_DEFINED", "X", "OFFICIAL_FIX", "O",
            "TEMPORARY_FIX", "T", "WORKAROUND", "W", "UNAVAILABLE", "U", "UNKNOWN", "U", "REASONABLE", "R",
            "CONFIRMED", "C");

    private static final Map<String, String> V2_PROPERTIES = linked(
            "accessVector", "AV", "accessComplexity", "AC", "authentication", "Au", "confidentialityImpact", "C",
            "integrityImpact", "I", "availabilityImpact", "A", "exploitability", "E", "remediationLevel", "RL",
            "reportConfidence", "RC", "collateralDamagePotential", "CDP", "targetDistribution", "TD",
            "confidentialityRequirement", "CR", "integrityRequirement", "IR", "availabilityRequirement", "AR");

    private static final Map<String, String> V2_VALUES = linked(
            "NETWORK", "N", "ADJACENT_NETWORK", "A", "LOCAL", "L", "HIGH", "H", "MEDIUM", "M", "LOW", "L",
            "MULTIPLE", "M", "SINGLE", "S", "NONE", "N", "PARTIAL", "P", "COMPLETE", "C", "UNPROVEN", "U",
            "PROOF_OF_CONCEPT", "POC", "FUNCTIONAL", "F", "NOT_DEFINED", "ND", "OFFICIAL_FIX", "OF",
            "TEMPORARY_FIX", "TF", "WORKAROUND", "W", "UNAVAILABLE", "U", "UNCONFIRMED", "UC",
            "UNCORROBORATED", "UR", "CONFIRMED", "C", "LOW_MEDIUM", "LM", "MEDIUM_HIGH", "MH");

    private static Map<String, String> linked(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private void cvssConsistency() {
        forEachVulnerability((vulnerability, path) -> forEachItem(vulnerability.path("scores"), path + "/scores",
                (score, at) -> {
                    JsonNode v2 = score.path("cvss_v2");
                    if (v2.isObject() && parseVector(v2) instanceof CvssV2) {
                        consistent(v2, vectorMetrics(v2), V2_PROPERTIES, V2_VALUES, at + "/cvss_v2");
                    }
                    JsonNode v3 = score.path("cvss_v3");
                    if (v3.isObject() && parseVector(v3) instanceof CvssV3) {
                        consistent(v3, vectorMetrics(v3), V3_PROPERTIES, V3_VALUES, at + "/cvss_v3");
                    }
                }));
    }

    /** The metrics written in the vector string, as given (a metric left out is not compared). */
    private static Map<String, String> vectorMetrics(JsonNode cvss) {
        Map<String, String> metrics = new HashMap<>();
        String vector = cvss.path("vectorString").asText("");
        if (vector.startsWith("(") && vector.endsWith(")")) {
            vector = vector.substring(1, vector.length() - 1);
        }
        for (String part : vector.split("/")) {
            int colon = part.indexOf(':');
            if (colon > 0 && !part.startsWith("CVSS:")) {
                metrics.put(part.substring(0, colon), part.substring(colon + 1));
            }
        }
        return metrics;
    }

    private void consistent(JsonNode cvss, Map<String, String> metrics, Map<String, String> properties,
            Map<String, String> values, String path) {
        properties.forEach((property, metric) -> {
            JsonNode value = cvss.path(property);
            if (!value.isTextual()) {
                return;
            }
            String expected = metrics.get(metric);
            String given = values.get(value.textValue());
            if (expected != null && given != null && !given.equals(expected)) {
                fail("6.1.10", path + "/" + property, property + " is " + value.textValue()
                        + " but the vector has " + metric + ":" + expected);
            }
        });
    }

    // ---- CWE, language, purl ------------------------------------------------------------------

    private void cwe() {
        forEachVulnerability((vulnerability, path) -> {
            JsonNode cwe = vulnerability.path("cwe");
            if (!cwe.path("id").isTextual() || !cwe.path("name").isTextual()) {
                return;
            }
            String id = cwe.get("id").textValue();
            String expected = CweCatalogue.name(id);
            if (expected == null) {
                fail("6.1.11", path + "/cwe/id", "no weakness " + id + " is known in the CWE list");
            } else if (!expected.equals(cwe.get("name").textValue())) {
                fail("6.1.11", path + "/cwe/name", "the name of " + id + " is '" + expected + "'");
            }
        });
    }

    private void language() {
        for (String field : List.of("lang", "source_lang")) {
            JsonNode value = doc.path("document").path(field);
            if (value.isTextual() && !LanguageTags.valid(value.textValue())) {
                fail("6.1.12", "/document/" + field, "'" + value.textValue() + "' is not a valid language tag");
            }
        }
    }

    private void purl() {
        forEachProduct(doc.path("product_tree"), (product, path) -> {
            JsonNode purl = product.path("product_identification_helper").path("purl");
            if (purl.isTextual()) {
                try {
                    PackageUrl.parse(purl.textValue());
                } catch (InvalidInputException e) {
                    fail("6.1.13", path + "/product_identification_helper/purl", "invalid purl: " + e.getMessage());
                }
            }
        });
    }

    // ---- revision history ---------------------------------------------------------------------

    private record Revision(int index, RevisionNumber number, String rawNumber, OffsetDateTime date) {
    }

    /** The revision history items with both number and date, or {@code null} when any lacks one. */
    private List<Revision> revisions() {
        JsonNode history = doc.path("document").path("tracking").path("revision_history");
        if (!history.isArray()) {
            return null;
        }
        List<Revision> out = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            JsonNode item = history.get(i);
            if (!item.path("number").isTextual() || !item.path("date").isTextual()) {
                return null;
            }
            OffsetDateTime date = date(item.get("date").textValue());
            out.add(new Revision(i, RevisionNumber.parse(item.get("number").textValue()),
                    item.get("number").textValue(), date));
        }
        return out;
    }

    static OffsetDateTime date(String text) {
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static final Comparator<OffsetDateTime> BY_INSTANT = Comparator.comparing(OffsetDateTime::toInstant);

    /** Sorted ascending by date, ties by number; {@code null} if a date or number cannot be read. */
    private List<Revision> byDate() {
        List<Revision> revisions = revisions();
        if (revisions == null || revisions.stream().anyMatch(r -> r.date() == null || r.number() == null)) {
            return null;
        }
        List<Revision> sorted = new ArrayList<>(revisions);
        sorted.sort(Comparator.comparing(Revision::date, BY_INSTANT).thenComparing(Revision::number));
        return sorted;
    }

    private void sortedRevisionHistory() {
        List<Revision> sorted = byDate();
        if (sorted == null) {
            return;
        }
        RevisionNumber previous = null;
        for (Revision revision : sorted) {
            if (previous != null && revision.number().compareTo(previous) < 0) {
                fail("6.1.14", "/document/tracking/revision_history/" + revision.index() + "/number",
                        "revision " + revision.rawNumber() + " is dated after revision " + previous.text()
                                + " but numbered before it: sorted by date, the numbers must ascend");
                return;
            }
            previous = revision.number();
        }
    }

    private String trackingText(String field) {
        JsonNode value = doc.path("document").path("tracking").path(field);
        return value.isTextual() ? value.textValue() : null;
    }

    private void translator() {
        if ("translator".equals(doc.path("document").path("publisher").path("category").asText(null))
                && !doc.path("document").has("source_lang")) {
            fail("6.1.15", "/document/source_lang", "a translator's document must give source_lang");
        }
    }

    private void latestDocumentVersion() {
        List<Revision> revisions = revisions();
        String version = trackingText("version");
        String status = trackingText("status");
        if (revisions == null || revisions.isEmpty() || version == null || status == null
                || revisions.stream().anyMatch(r -> r.date() == null)) {
            return;
        }
        Revision latest = revisions.getFirst();
        for (Revision revision : revisions) {
            int byDate = BY_INSTANT.compare(revision.date(), latest.date());
            if (byDate > 0 || byDate == 0 && revision.number() != null && latest.number() != null
                    && revision.number().compareTo(latest.number()) > 0) {
                latest = revision;
            }
        }
        String expected = version.split("\\+", 2)[0];
        if ("draft".equals(status)) {
            expected = expected.split("-", 2)[0];
        }
        String latestNumber = latest.rawNumber().split("\\+", 2)[0];
        if (!latestNumber.equals(expected)) {
            fail("6.1.16", "/document/tracking/version", "the document version " + version
                    + " is not the number of the latest revision (" + latest.rawNumber() + ")");
        }
    }

    private void draftStatus() {
        RevisionNumber version = RevisionNumber.parse(trackingText("version"));
        String status = trackingText("status");
        if (version != null && status != null && !"draft".equals(status)
                && (version.isZero() || version.hasPreRelease())) {
            fail("6.1.17", "/document/tracking/status", "version " + version.text()
                    + " is a pre-release or below 1, so the status must be draft, not " + status);
        }
    }

    private boolean released() {
        String status = trackingText("status");
        return "final".equals(status) || "interim".equals(status);
    }

    private void releasedRevisionHistory() {
        List<Revision> revisions = revisions();
        if (!released() || revisions == null) {
            return;
        }
        for (Revision revision : revisions) {
            if (revision.number() != null && revision.number().isZero()) {
                fail("6.1.18", "/document/tracking/revision_history/" + revision.index() + "/number",
                        "a " + trackingText("status") + " document lists revision " + revision.rawNumber()
                                + " (0 or 0.y.z)");
            }
        }
    }

    private void preReleaseRevisions() {
        List<Revision> revisions = revisions();
        if (revisions == null) {
            return;
        }
        for (Revision revision : revisions) {
            if (revision.number() != null && revision.number().hasPreRelease()) {
                fail("6.1.19", "/document/tracking/revision_history/" + revision.index() + "/number",
                        "revision " + revision.rawNumber() + " is a pre-release version");
            }
        }
    }

    private void nonDraftVersion() {
        RevisionNumber version = RevisionNumber.parse(trackingText("version"));
        if (released() && version != null && version.hasPreRelease()) {
            fail("6.1.20", "/document/tracking/version", "a " + trackingText("status")
                    + " document cannot have the pre-release version " + version.text());
        }
    }

    private void missingRevision() {
        List<Revision> sorted = byDate();
        if (sorted == null || sorted.isEmpty()) {
            return;
        }
        List<java.math.BigInteger> majors = new ArrayList<>();
        for (Revision revision : sorted) {
            if (!majors.contains(revision.number().major())) {
                majors.add(revision.number().major());
            }
        }
        java.math.BigInteger first = majors.getFirst();
        if (first.compareTo(java.math.BigInteger.ONE) > 0) {
            fail("6.1.21", "/document/tracking/revision_history",
                    "the revision history does not start with version 0 or 1");
            return;
        }
        for (int i = 0; i < majors.size(); i++) {
            java.math.BigInteger expected = first.add(java.math.BigInteger.valueOf(i));
            if (majors.get(i).compareTo(expected) > 0) {
                fail("6.1.21", "/document/tracking/revision_history",
                        "(major) version " + expected + " is missing from the revision history");
                return;
            }
        }
    }

    private void multipleRevisions() {
        List<Revision> revisions = revisions();
        if (revisions == null) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (Revision revision : revisions) {
            if (!seen.add(revision.rawNumber())) {
                fail("6.1.22", "/document/tracking/revision_history/" + revision.index() + "/number",
                        "revision " + revision.rawNumber() + " is listed more than once");
            }
        }
    }

    // ---- vulnerabilities ----------------------------------------------------------------------

    private void multipleCve() {
        Set<String> seen = new HashSet<>();
        forEachVulnerability((vulnerability, path) -> {
            JsonNode cve = vulnerability.path("cve");
            if (cve.isTextual() && !seen.add(cve.textValue())) {
                fail("6.1.23", path + "/cve", cve.textValue() + " is used by more than one vulnerability");
            }
        });
    }

    private void multipleInvolvements() {
        forEachVulnerability((vulnerability, path) -> {
            Set<String> seen = new HashSet<>();
            forEachItem(vulnerability.path("involvements"), path + "/involvements", (involvement, at) -> {
                JsonNode party = involvement.path("party");
                JsonNode date = involvement.path("date");
                if (!party.isTextual() || !date.isTextual()) {
                    return;
                }
                OffsetDateTime parsed = date(date.textValue());
                String when = parsed == null ? date.textValue() : parsed.toInstant().toString();
                if (!seen.add(party.textValue() + "\u0000" + when)) {
                    fail("6.1.24", at, "party " + party.textValue() + " has more than one involvement at "
                            + date.textValue());
                }
            });
        });
    }

    private void multipleHashAlgorithms() {
        forEachProduct(doc.path("product_tree"), (product, path) -> forEachItem(
                product.path("product_identification_helper").path("hashes"),
                path + "/product_identification_helper/hashes",
                (hash, at) -> {
                    Set<String> seen = new HashSet<>();
                    forEachItem(hash.path("file_hashes"), at + "/file_hashes", (fileHash, where) -> {
                        JsonNode algorithm = fileHash.path("algorithm");
                        if (algorithm.isTextual() && !seen.add(algorithm.textValue())) {
                            fail("6.1.25", where + "/algorithm", "hash algorithm " + algorithm.textValue()
                                    + " is used more than once for the same file");
                        }
                    });
                }));
    }

    // ---- document category and profiles -------------------------------------------------------

    private static final Set<String> PROFILES = Set.of("csaf_base", "csaf_security_incident_response",
            "csaf_informational_advisory", "csaf_security_advisory", "csaf_vex");
    /** Names and values of the profiles other than CSAF Base, with dashes, blanks and underscores removed. */
    private static final Set<String> PROFILE_NAMES = Set.of("securityincidentresponse", "informationaladvisory",
            "securityadvisory", "vex", "csafsecurityincidentresponse", "csafinformationaladvisory",
            "csafsecurityadvisory", "csafvex");

    private String category() {
        JsonNode category = doc.path("document").path("category");
        return category.isTextual() ? category.textValue() : null;
    }

    private void prohibitedCategory() {
        String category = category();
        if (category == null || PROFILES.contains(category)) {
            return;
        }
        if (category.toLowerCase(Locale.ROOT).startsWith("csaf_")) {
            fail("6.1.26", "/document/category", "the prefix csaf_ is reserved for the profiles of the standard");
        } else if (PROFILE_NAMES.contains(category.replaceAll("[_\\-\\s]+", "").toLowerCase(Locale.ROOT))) {
            fail("6.1.26", "/document/category", "'" + category + "' is the name of a profile of the standard");
        }
    }

    private void profiles() {
        String category = category();
        if (category == null) {
            return;
        }
        boolean informational = category.equals("csaf_informational_advisory");
        boolean incident = category.equals("csaf_security_incident_response");
        boolean advisory = category.equals("csaf_security_advisory");
        boolean vex = category.equals("csaf_vex");
        JsonNode vulnerabilities = doc.path("vulnerabilities");
        if (informational || incident) {
            boolean hasNote = false;
            for (JsonNode note : doc.path("document").path("notes")) {
                hasNote |= Set.of("description", "details", "general", "summary")
                        .contains(note.path("category").asText(""));
            }
            if (!hasNote) {
                fail("6.1.27.1", "/document/notes",
                        "this profile needs a document note of category description, details, general or summary");
            }
            boolean hasExternal = false;
            for (JsonNode reference : doc.path("document").path("references")) {
                hasExternal |= "external".equals(reference.path("category").asText(""));
            }
            if (!hasExternal) {
                fail("6.1.27.2", "/document/references", "this profile needs a reference of category external");
            }
        }
        if (informational && doc.has("vulnerabilities")) {
            fail("6.1.27.3", "/vulnerabilities", "an informational advisory has no vulnerabilities");
        }
        if ((advisory || vex) && !doc.has("product_tree")) {
            fail("6.1.27.4", "/product_tree", "this profile needs a product tree");
        }
        if (advisory || vex) {
            if (!doc.has("vulnerabilities")) {
                fail("6.1.27.11", "/vulnerabilities", "this profile needs vulnerabilities");
            }
            forEachVulnerability((vulnerability, path) -> {
                if (!vulnerability.has("notes")) {
                    fail("6.1.27.5", path, "this profile needs notes on each vulnerability");
                }
                if (advisory && !vulnerability.has("product_status")) {
                    fail("6.1.27.6", path, "a security advisory needs the product status of each vulnerability");
                }
            });
        }
        if (vex && vulnerabilities.isArray()) {
            vexTests();
        }
    }

    private void vexTests() {
        Map<String, Set<String>> groups = groupMembers();
        forEachVulnerability((vulnerability, path) -> {
            JsonNode status = vulnerability.path("product_status");
            if (!(status.has("fixed") || status.has("known_affected") || status.has("known_not_affected")
                    || status.has("under_investigation"))) {
                fail("6.1.27.7", path + "/product_status", "a VEX vulnerability needs at least one of fixed, "
                        + "known_affected, known_not_affected or under_investigation");
            }
            if (!vulnerability.has("cve") && !vulnerability.has("ids")) {
                fail("6.1.27.8", path, "a VEX vulnerability needs a cve or ids");
            }
            Set<String> withImpact = new HashSet<>();
            for (JsonNode flag : vulnerability.path("flags")) {
                withImpact.addAll(productsOf(flag, groups));
            }
            for (JsonNode threat : vulnerability.path("threats")) {
                if ("impact".equals(threat.path("category").asText(""))) {
                    withImpact.addAll(productsOf(threat, groups));
                }
            }
            List<Ref> notAffected = new ArrayList<>();
            strings(status.path("known_not_affected"), path + "/product_status/known_not_affected", notAffected);
            for (Ref ref : notAffected) {
                if (!withImpact.contains(ref.id())) {
                    fail("6.1.27.9", ref.path(), "product '" + ref.id()
                            + "' is known not affected but has no impact statement (flag or impact threat)");
                }
            }
            Set<String> withAction = new HashSet<>();
            for (JsonNode remediation : vulnerability.path("remediations")) {
                withAction.addAll(productsOf(remediation, groups));
            }
            List<Ref> affected = new ArrayList<>();
            strings(status.path("known_affected"), path + "/product_status/known_affected", affected);
            for (Ref ref : affected) {
                if (!withAction.contains(ref.id())) {
                    fail("6.1.27.10", ref.path(), "product '" + ref.id()
                            + "' is known affected but has no action statement (remediation)");
                }
            }
        });
    }

    private void translation() {
        JsonNode document = doc.path("document");
        if (document.path("lang").isTextual() && document.path("source_lang").isTextual()
                && document.get("lang").textValue().equalsIgnoreCase(document.get("source_lang").textValue())) {
            fail("6.1.28", "/document/lang", "a translation must differ in language from its source");
        }
    }

    private void remediationWithoutProduct() {
        forEachVulnerability((vulnerability, path) -> forEachItem(vulnerability.path("remediations"),
                path + "/remediations", (remediation, at) -> {
                    if (!remediation.has("product_ids") && !remediation.has("group_ids")) {
                        fail("6.1.29", at, "the remediation names no product_ids or group_ids");
                    }
                }));
    }

    private void mixedVersioning() {
        List<Revision> revisions = revisions();
        String version = trackingText("version");
        RevisionNumber parsed = RevisionNumber.parse(version);
        if (parsed == null) {
            return;
        }
        if (revisions != null) {
            for (Revision revision : revisions) {
                if (revision.number() != null && revision.number().semantic() != parsed.semantic()) {
                    fail("6.1.30", "/document/tracking/revision_history/" + revision.index() + "/number",
                            "revision " + revision.rawNumber() + " mixes integer and semantic versioning with "
                                    + "the document version " + version);
                }
            }
        }
    }

    private static final Set<String> RANGE_WORDS = Set.of("after", "all", "before", "earlier", "later", "prior",
            "versions");

    private void versionRangeInProductVersion() {
        rangeInBranches(doc.path("product_tree").path("branches"), "/product_tree/branches");
    }

    private void rangeInBranches(JsonNode branches, String path) {
        if (!branches.isArray()) {
            return;
        }
        for (int i = 0; i < branches.size(); i++) {
            JsonNode branch = branches.get(i);
            JsonNode name = branch.path("name");
            if ("product_version".equals(branch.path("category").asText(null)) && name.isTextual()) {
                String lower = name.textValue().toLowerCase(Locale.ROOT);
                boolean range = lower.contains("<") || lower.contains(">");
                for (String word : lower.split("\\s+")) {
                    range |= RANGE_WORDS.contains(word);
                }
                if (range) {
                    fail("6.1.31", path + "/" + i + "/name", "'" + name.textValue()
                            + "' is a version range; a product_version branch names one version");
                }
            }
            rangeInBranches(branch.path("branches"), path + "/" + i + "/branches");
        }
    }

    private void flagWithoutProduct() {
        forEachVulnerability((vulnerability, path) -> forEachItem(vulnerability.path("flags"), path + "/flags",
                (flag, at) -> {
                    if (!flag.has("product_ids") && !flag.has("group_ids")) {
                        fail("6.1.32", at, "the flag names no product_ids or group_ids");
                    }
                }));
    }

    private void multipleVexFlags() {
        Map<String, Set<String>> groups = groupMembers();
        forEachVulnerability((vulnerability, path) -> {
            Set<String> flagged = new HashSet<>();
            forEachItem(vulnerability.path("flags"), path + "/flags", (flag, at) -> {
                for (String product : productsOf(flag, groups)) {
                    if (!flagged.add(product)) {
                        fail("6.1.33", at, "product '" + product
                                + "' has more than one VEX justification flag in this vulnerability");
                    }
                }
            });
        });
    }
}
