package eu.vigil.core.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.vigil.core.InvalidInputException;
import eu.vigil.core.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the third-party version-ordering suites in shared/testdata/versions. Every case of every
 * ordering suite is run; cases that follow another line of the same tool are excluded by id with
 * the reason. The univers vers suites (containment, round trip) run in {@link VersRangeTests}. The
 * native range-language suites (node-semver ranges, PEP 440 specifiers, Cargo requirements, Maven
 * range specs, univers' native-to-vers conversions) test grammars OSV does not use (OSV ranges are
 * event lists) and that no Vigil code parses, so they are not run; their versions are checked for
 * validity where that applies.
 */
class VersionSuiteTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode load(String file) throws IOException {
        Path path = TestData.require("versions").resolve(file);
        return JSON.readTree(path.toFile());
    }

    private static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }

    /** Every disagreement of a test, so that one run shows them all. */
    private final List<String> mismatches = new ArrayList<>();

    @AfterEach
    void noMismatches() {
        assertThat(mismatches).as("cases that disagree with the suite").isEmpty();
    }

    private void assertAscending(VersionScheme scheme, List<String> versions, String what) {
        for (int i = 0; i < versions.size(); i++) {
            for (int j = 0; j < versions.size(); j++) {
                check(scheme, versions.get(i), versions.get(j), Integer.compare(i, j), what);
            }
        }
    }

    private void assertCompare(VersionScheme scheme, String a, String b, int expected, String what) {
        check(scheme, a, b, expected, what);
        check(scheme, b, a, -expected, what);
    }

    private void check(VersionScheme scheme, String a, String b, int expected, String what) {
        try {
            int actual = scheme.compare(a, b);
            if (actual != expected) {
                mismatches.add(what + ": compare(" + a + ", " + b + ") = " + actual + ", expected " + expected);
            }
        } catch (InvalidInputException e) {
            mismatches.add(what + ": " + e.getMessage());
        }
    }

    // --- Maven ---------------------------------------------------------------------------------

    /**
     * maven-artifact 3.9.16 is the Maven 3.9 line, which already has MNG-7644 (so "2.0.a" sorts
     * below "2-1", as on master) but keeps "ga", "final" and "release" fully equal to "" (3.x).
     */
    @Test
    void mavenMasterSuite() throws IOException {
        JsonNode suite = load("maven/maven-comparableversion-master.json");
        int cases = 0;
        for (var list : suite.get("orderedLists").properties()) {
            assertAscending(VersionScheme.MAVEN, strings(list.getValue()), list.getKey());
            cases++;
        }
        cases += assertMavenPairs(suite);
        for (JsonNode pair : suite.get("sameOrderNotEqual")) {
            assertCompare(VersionScheme.MAVEN, pair.get(0).asText(), pair.get(1).asText(), 0, "sameOrderNotEqual");
            cases++;
        }
        // "canonical" asserts ComparableVersion.getCanonical(), a Maven-internal string we do not expose
        assertThat(cases).isGreaterThan(100);
    }

    @Test
    void mavenThreeLineSuite() throws IOException {
        JsonNode suite = load("maven/maven-comparableversion-3.x-pre-MNG-7644.json");
        // The pre-MNG-7644 line orders "2-1" < "2.0.a"; 3.9.16 has MNG-7644, so that list is
        // checked with the master file instead and only its other cases run here.
        assertAscending(VersionScheme.MAVEN, strings(suite.get("orderedLists").get("VERSIONS_QUALIFIER")),
                "VERSIONS_QUALIFIER");
        int cases = assertMavenPairs(suite);
        assertThat(cases).isGreaterThan(50);
    }

    /**
     * "less" pairs of the master (Maven 4) file that Maven 4 changed after the 3.9 line:
     * non-ASCII digits ("٨") are words there but numbers in 3.9, and "final" sorts below "sp" there
     * but is the release itself in 3.9. maven-artifact 3.9.16 is the version Maven users run.
     */
    private static final Set<String> MAVEN_FOUR_ONLY_LESS = Set.of(
            "٨ < 1", "1.0.final-redhat < 1.0-sp1-redhat", "1.0.final-redhat < 1.0-sp-1-redhat",
            "1.0.final-redhat < 1.0-sp.1-redhat");

    private int assertMavenPairs(JsonNode suite) {
        int cases = 0;
        for (JsonNode pair : suite.get("equal")) {
            assertCompare(VersionScheme.MAVEN, pair.get(0).asText(), pair.get(1).asText(), 0, "equal");
            cases++;
        }
        for (JsonNode pair : suite.get("less")) {
            if (MAVEN_FOUR_ONLY_LESS.contains(pair.get(0).asText() + " < " + pair.get(1).asText())) {
                continue;
            }
            assertCompare(VersionScheme.MAVEN, pair.get(0).asText(), pair.get(1).asText(), -1, "less");
            cases++;
        }
        for (JsonNode array : suite.get("equalArrays")) {
            List<String> equal = strings(array);
            for (String a : equal) {
                for (String b : equal) {
                    check(VersionScheme.MAVEN, a, b, 0, "equalArrays");
                }
            }
            cases++;
        }
        return cases;
    }

    @Test
    void universMavenSuite() throws IOException {
        JsonNode suite = load("univers/maven_version_cmp.json");
        // univers follows Maven before MNG-7644 (3.8 and older): "2-1" < "2.0.a" < "2.0.0.a".
        // Maven 3.9 (and so maven-artifact 3.9.16) has MNG-7644: "2.0.a" == "2.0.0.a" < "2-1".
        assertUniversSuite(suite, VersionScheme.MAVEN, Set.of(170, 171, 193, 470, 471, 493));
    }

    private void assertUniversSuite(JsonNode suite, VersionScheme scheme, Set<Integer> excluded) {
        int run = 0;
        for (int i = 0; i < suite.size(); i++) {
            if (excluded.contains(i)) {
                continue;
            }
            JsonNode test = suite.get(i);
            List<String> input = strings(test.get("input").get("versions"));
            String type = test.get("test_type").asText();
            if (type.equals("equality")) {
                boolean equal = scheme.compare(input.get(0), input.get(1)) == 0;
                if (equal != test.get("expected_output").asBoolean()) {
                    mismatches.add("univers case " + i + ": " + input + " equal = " + equal);
                }
            } else {
                List<String> expected = strings(test.get("expected_output"));
                for (int a = 0; a < expected.size(); a++) {
                    for (int b = a + 1; b < expected.size(); b++) {
                        assertCompare(scheme, expected.get(a), expected.get(b), -1, "univers case " + i);
                    }
                }
            }
            run++;
        }
        assertThat(run).isEqualTo(suite.size() - excluded.size());
    }

    // --- npm / SemVer ------------------------------------------------------------------------------

    @Test
    void nodeSemverComparisonsAndEquality() throws IOException {
        JsonNode suite = load("npm-semver/node-semver-fixtures.json");
        for (JsonNode c : suite.get("compareGreater")) {
            assertCompare(VersionScheme.NPM, c.get("v1").asText(), c.get("v2").asText(), 1, "compareGreater");
        }
        for (JsonNode c : suite.get("equal")) {
            assertCompare(VersionScheme.NPM, c.get("v1").asText(), c.get("v2").asText(), 0, "equal");
        }
        assertThat(suite.get("compareGreater").size() + suite.get("equal").size()).isEqualTo(68);
    }

    // --- PyPI / PEP 440 ----------------------------------------------------------------------------

    @Test
    void pep440OrderingNormalisationAndValidity() throws IOException {
        JsonNode suite = load("pypi-pep440/pep440-versions-packaging.json");
        assertAscending(VersionScheme.PYPI, strings(suite.get("sortedVersions")), "sortedVersions");
        for (String invalid : strings(suite.get("invalid"))) {
            assertThatThrownBy(() -> VersionScheme.PYPI.parse(invalid)).as(invalid)
                    .isInstanceOf(InvalidInputException.class);
        }
        for (JsonNode pair : suite.get("normalized")) {
            assertThat(Pep440VersionScheme.normalize(pair.get(0).asText())).as(pair.get(0).asText())
                    .isEqualTo(pair.get(1).asText());
            assertCompare(VersionScheme.PYPI, pair.get(0).asText(), pair.get(1).asText(), 0, "normalized");
        }
        for (JsonNode pair : suite.get("equalPairs")) {
            assertCompare(VersionScheme.PYPI, pair.get(0).asText(), pair.get(1).asText(), 0, "equalPairs");
        }
    }

    @Test
    void pep440InvalidVersionsOfTheSpecifierSuite() throws IOException {
        JsonNode suite = load("pypi-pep440/pep440-specifiers-packaging.json");
        // only the versions matter here: specifiers are a range language OSV does not use
        int invalid = 0;
        for (JsonNode c : suite.get("invalidVersionContains")) {
            assertThat(VersionScheme.PYPI.isValid(c.get("version").asText())).as(c.toString()).isFalse();
            invalid++;
        }
        assertThat(invalid).isEqualTo(11);
    }

    // --- Go --------------------------------------------------------------------------------------

    @Test
    void goModSemverSuite() throws IOException {
        JsonNode suite = load("go-semver/go-mod-semver.json");
        List<JsonNode> tests = new ArrayList<>();
        suite.get("tests").forEach(tests::add);
        for (JsonNode t : tests) {
            String input = t.get("input").asText();
            if (!t.get("valid").asBoolean()) {
                // our Go scheme also takes versions without "v" (OSV's spelling); "bad" stays invalid
                assertThat(VersionScheme.GO.isValid(input)).as(input).isFalse();
            }
        }
        for (int i = 0; i < tests.size(); i++) {
            for (int j = 0; j < tests.size(); j++) {
                JsonNode a = tests.get(i);
                JsonNode b = tests.get(j);
                if (!a.get("valid").asBoolean() || !b.get("valid").asBoolean()) {
                    continue; // Go sorts invalid versions lowest; we reject them (checked above)
                }
                int expected = a.get("canonical").asText().equals(b.get("canonical").asText()) ? 0
                        : Integer.compare(i, j);
                check(VersionScheme.GO, a.get("input").asText(), b.get("input").asText(), expected, "go");
            }
        }
        int extra = 0;
        for (JsonNode c : suite.get("extraCompare")) {
            // ["v1.19", "v1.2", -1] is a transcription slip: 19 > 2, and Go's semver.Compare says +1
            // (its test sorts that pair elsewhere, not through Compare)
            if (c.get(0).asText().equals("v1.19") && c.get(1).asText().equals("v1.2")) {
                assertThat(VersionScheme.GO.compare("v1.19", "v1.2")).isEqualTo(1);
                continue;
            }
            check(VersionScheme.GO, c.get(0).asText(), c.get(1).asText(), c.get(2).asInt(), "extraCompare");
            extra++;
        }
        assertThat(extra).isEqualTo(3);
    }

    // --- crates.io ------------------------------------------------------------------------------

    @Test
    void cargoVersionsOfTheRequirementSuiteAreValidSemVer() throws IOException {
        JsonNode suite = load("cargo-semver/cargo-semver-versionreq.json");
        // The suite tests Cargo's requirement language ("^1.2", "~1", "*"), which OSV does not use;
        // its versions are SemVer, and each must parse under the crates.io scheme.
        int versions = 0;
        for (JsonNode req : suite.get("requirements")) {
            for (String field : List.of("matchAll", "matchNone")) {
                for (String v : strings(req.get(field))) {
                    assertThat(VersionScheme.CRATES_IO.isValid(v)).as(v).isTrue();
                    versions++;
                }
            }
        }
        assertThat(versions).isEqualTo(210);
    }

    // --- Debian ----------------------------------------------------------------------------------

    @Test
    void debianSuite() throws IOException {
        JsonNode suite = load("debian/debian-version-compare.json");
        for (JsonNode c : suite.get("versionCompare")) {
            assertCompare(VersionScheme.DEBIAN, c.get("a").asText(), c.get("b").asText(),
                    c.get("expected").asInt(), "versionCompare");
        }
        for (JsonNode c : suite.get("fragmentCompare")) {
            int expected = c.get("expected").asInt();
            assertThat(DebianVersionScheme.compareFragment(c.get("a").asText(), c.get("b").asText()))
                    .as("fragment %s vs %s", c.get("a"), c.get("b")).isEqualTo(expected);
            assertThat(DebianVersionScheme.compareFragment(c.get("b").asText(), c.get("a").asText()))
                    .isEqualTo(-expected);
        }
        JsonNode sorted = suite.get("sortedFragments");
        List<String> fragments = new ArrayList<>(strings(sorted.get("input")));
        fragments.sort(DebianVersionScheme::compareFragment);
        assertThat(fragments).isEqualTo(strings(sorted.get("expected")));
    }

    @Test
    void universDebianSuite() throws IOException {
        assertUniversSuite(load("univers/deb_version_python_pkg_test.json"), VersionScheme.DEBIAN, Set.of());
    }

    @Test
    void everyOrderingSuiteFileIsCovered() {
        // a guard: a new ordering file in the test material must get a test here
        Map<String, String> covered = Map.of(
                "maven", "mavenMasterSuite, mavenThreeLineSuite",
                "npm-semver", "nodeSemverComparisonsAndEquality",
                "pypi-pep440", "pep440OrderingNormalisationAndValidity",
                "go-semver", "goModSemverSuite",
                "cargo-semver", "cargoVersionsOfTheRequirementSuiteAreValidSemVer",
                "debian", "debianSuite",
                "univers", "universMavenSuite, universDebianSuite");
        Path root = TestData.require("versions");
        assertThat(root.resolve("SOURCES.md")).exists();
        covered.keySet().forEach(folder -> assertThat(root.resolve(folder)).isDirectory());
    }
}
