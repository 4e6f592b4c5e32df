package eu.vigil.core.purl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.vigil.core.InvalidInputException;
import eu.vigil.core.TestData;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every case of the purl-spec test suite (schema 0.2: {@code tests/spec} and
 * {@code tests/types}) and of the legacy flat suite, and checks our type rules against the
 * published type definitions.
 */
class PackageUrlSpecificationTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Cases of the current suite that contradict other cases of the same suite or the type
     * definitions; we follow the definitions and the parse algorithm ("the key is the lowercase
     * left side").
     */
    private static final Map<String, String> EXCLUDED = Map.of(
            "gem-test.json#1", "a required parse case expects 'Platform=java' to fail, while the suite's own "
                    + "validate case #0 and the maven required parse case #13 expect upper-case qualifier keys "
                    + "to be lowercased; we lowercase",
            "rpm-test.json#1", "same contradiction as gem-test.json#1 ('Arch=i386&Distro=fedora-25')",
            "git-test.json#0", "a recommended case lowercases a git namespace and name, but git-definition.json "
                    + "declares both case-sensitive and the required cases keep their case");

    /** Legacy cases whose rules the current specification has since changed. */
    private static final Map<String, String> LEGACY_EXCLUDED = Map.of(
            "legacy#4", "the legacy suite keeps '..' in the parsed subpath (yet drops it from its canonical form); "
                    + "the current parse algorithm discards '.' and '..' segments",
            "legacy#5", "as legacy#4, for a '.' segment",
            "legacy#29", "conan: the current definition no longer ties a namespace to a 'channel' qualifier",
            "legacy#30", "conan: the current definition no longer ties a 'channel' qualifier to a namespace",
            "legacy#34", "cran: the version is optional in the current definition",
            "legacy#38", "swift: the version is optional in the current definition",
            "legacy#41", "huggingface: the current definition requires a namespace",
            "legacy#49", "cpan: a name with '::' is a module name, which the current definition refuses",
            "legacy#50", "cpan: 'Perl-Version' is a distribution name, which the current definition requires");

    @TestFactory
    Stream<DynamicTest> specificationSuite() throws IOException {
        Path tests = TestData.require("purl/tests");
        List<DynamicTest> cases = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(tests)) {
            files = walk.filter(p -> p.toString().endsWith("-test.json")).sorted().toList();
        }
        for (Path file : files) {
            JsonNode suite = JSON.readTree(file.toFile());
            int index = 0;
            for (JsonNode test : suite.get("tests")) {
                String id = file.getFileName() + "#" + index++;
                String reason = EXCLUDED.get(id);
                String label = id + " " + test.get("test_type").asText() + ": " + test.get("description").asText();
                cases.add(dynamicTest(label, () -> {
                    if (reason != null) {
                        Assumptions.abort("excluded: " + reason);
                    }
                    runCase(test);
                }));
            }
        }
        assertThat(cases).hasSize(586);
        return cases.stream();
    }

    private static void runCase(JsonNode test) {
        String type = test.get("test_type").asText();
        boolean failure = test.path("expected_failure").asBoolean(false);
        JsonNode input = test.get("input");
        JsonNode expected = test.get("expected_output");
        switch (type) {
            case "parse" -> {
                if (failure) {
                    assertThatThrownBy(() -> PackageUrl.parse(input.asText()))
                            .isInstanceOf(InvalidInputException.class);
                } else {
                    assertComponents(PackageUrl.parse(input.asText()), expected);
                }
            }
            case "validate" -> {
                if (failure) {
                    assertThatThrownBy(() -> PackageUrl.parse(input.asText()))
                            .isInstanceOf(InvalidInputException.class);
                } else {
                    PackageUrl purl = PackageUrl.parse(input.asText());
                    assertThat(purl.canonical()).isEqualTo(expected.asText());
                    assertThat(PackageUrl.parse(purl.canonical())).isEqualTo(purl);
                }
            }
            case "build" -> {
                if (failure) {
                    assertThatThrownBy(() -> build(input)).isInstanceOf(InvalidInputException.class);
                } else {
                    PackageUrl purl = build(input);
                    assertThat(purl.canonical()).isEqualTo(expected.asText());
                    assertThat(PackageUrl.parse(purl.canonical())).isEqualTo(purl);
                }
            }
            default -> throw new AssertionError("unknown test type " + type);
        }
    }

    private static PackageUrl build(JsonNode components) {
        return PackageUrl.of(text(components, "type"), text(components, "namespace"), text(components, "name"),
                text(components, "version"), qualifiers(components.get("qualifiers")), text(components, "subpath"));
    }

    private static void assertComponents(PackageUrl purl, JsonNode expected) {
        assertThat(purl.type()).isEqualTo(text(expected, "type"));
        assertThat(purl.namespace()).isEqualTo(text(expected, "namespace"));
        assertThat(purl.name()).isEqualTo(text(expected, "name"));
        assertThat(purl.version()).isEqualTo(text(expected, "version"));
        Map<String, String> qualifiers = qualifiers(expected.get("qualifiers"));
        assertThat(purl.qualifiers()).isEqualTo(qualifiers == null ? Map.of() : new TreeMap<>(qualifiers));
        assertThat(purl.subpath()).isEqualTo(text(expected, "subpath"));
    }

    @TestFactory
    Stream<DynamicTest> legacySuite() throws IOException {
        JsonNode suite = JSON.readTree(TestData.require("purl/legacy-test-suite-data.json").toFile());
        List<DynamicTest> cases = new ArrayList<>();
        int index = 0;
        for (JsonNode test : suite) {
            String id = "legacy#" + index++;
            String reason = LEGACY_EXCLUDED.get(id);
            cases.add(dynamicTest(id + ": " + test.get("description").asText(), () -> {
                if (reason != null) {
                    Assumptions.abort("excluded: " + reason);
                }
                String input = test.get("purl").asText();
                if (test.get("is_invalid").asBoolean()) {
                    assertThatThrownBy(() -> PackageUrl.parse(input)).isInstanceOf(InvalidInputException.class);
                    return;
                }
                PackageUrl purl = PackageUrl.parse(input);
                assertComponents(purl, test);
                // The legacy suite left '/' unencoded in qualifier values; the current one encodes it.
                // Both spellings must name the same package.
                assertThat(PackageUrl.parse(test.get("canonical_purl").asText())).isEqualTo(purl);
                assertThat(PackageUrl.parse(purl.canonical())).isEqualTo(purl);
            }));
        }
        assertThat(cases).hasSize(59);
        return cases.stream();
    }

    @Test
    void typeRulesMatchThePublishedTypeDefinitions() throws IOException {
        Path types = TestData.require("purl/types");
        JsonNode index = JSON.readTree(TestData.require("purl/purl-types-index.json").toFile());
        List<String> indexed = new ArrayList<>();
        index.forEach(type -> indexed.add(type.asText()));
        assertThat(TypeRules.registeredTypes()).containsExactlyInAnyOrderElementsOf(indexed);
        for (String type : indexed) {
            JsonNode definition = JSON.readTree(types.resolve(type + "-definition.json").toFile());
            TypeRules rules = TypeRules.of(type);
            JsonNode namespace = definition.path("namespace_definition");
            assertThat(rules.namespace().name().toLowerCase())
                    .as(type + " namespace requirement")
                    .isEqualTo(namespace.path("requirement").asText("optional"));
            assertThat(rules.lowercaseNamespace()).as(type + " namespace case")
                    .isEqualTo(!namespace.path("case_sensitive").asBoolean(true));
            assertThat(rules.lowercaseName()).as(type + " name case")
                    .isEqualTo(!definition.path("name_definition").path("case_sensitive").asBoolean(true));
            assertThat(rules.lowercaseVersion()).as(type + " version case")
                    .isEqualTo(!definition.path("version_definition").path("case_sensitive").asBoolean(true));
            List<String> required = new ArrayList<>();
            definition.path("qualifiers_definition").forEach(q -> {
                if (q.path("requirement").asText().equals("required")) {
                    required.add(q.get("key").asText());
                }
            });
            assertThat(rules.requiredQualifiers()).as(type + " required qualifiers")
                    .containsExactlyInAnyOrderElementsOf(required);
        }
    }

    @Test
    void everyExampleOfTheTypeDefinitionsParsesAndRoundTrips() throws IOException {
        Path types = TestData.require("purl/types");
        int examples = 0;
        for (String type : TypeRules.registeredTypes()) {
            JsonNode definition = JSON.readTree(types.resolve(type + "-definition.json").toFile());
            for (JsonNode example : definition.path("examples")) {
                PackageUrl purl = PackageUrl.parse(example.asText());
                assertThat(purl.type()).isEqualTo(type);
                assertThat(PackageUrl.parse(purl.canonical())).isEqualTo(purl);
                assertThat(PackageUrl.parse(purl.canonical()).canonical()).isEqualTo(purl.canonical());
                examples++;
            }
        }
        assertThat(examples).isGreaterThan(100);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Map<String, String> qualifiers(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        Map<String, String> qualifiers = new LinkedHashMap<>();
        node.properties().forEach(e -> qualifiers.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
        return qualifiers;
    }
}
