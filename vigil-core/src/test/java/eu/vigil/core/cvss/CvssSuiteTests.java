package eu.vigil.core.cvss;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.vigil.core.TestData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every vector of the shared CVSS suites (Red Hat's cvss library test vectors, see
 * testdata/cvss/SOURCES.md) must parse and produce the expected scores and rating.
 */
class CvssSuiteTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {
            "cvss-v3.0-base-all-2592.json",
            "cvss-v3.0-first-calculator-handpicked.json",
            "cvss-v3.0-temporal-environmental-cvsslib.json",
            "cvss-v3.1-base-all-2592.json"})
    void version3VectorsScoreAsExpected(String file) throws IOException {
        JsonNode cases = load(file);
        List<String> mismatches = new ArrayList<>();
        for (JsonNode expected : cases) {
            String vector = expected.get("vector").asText();
            CvssV3 parsed = (CvssV3) Cvss.parse(vector);
            String actual = parsed.baseScore() + "/" + parsed.temporalScore() + "/" + parsed.environmentalScore()
                    + " " + CvssSeverity.ofTenths((int) Math.round(parsed.baseScore() * 10));
            String wanted = expected.get("baseScore").asDouble() + "/" + expected.get("temporalScore").asDouble()
                    + "/" + expected.get("environmentalScore").asDouble() + " " + expected.get("severity").asText();
            if (!actual.equals(wanted)) {
                mismatches.add(vector + " expected " + wanted + " got " + actual);
            }
        }
        assertThat(mismatches).as(file).isEmpty();
        assertThat(cases.size()).isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "cvss-v4.0-base-1058.json",
            "cvss-v4.0-security-requirements-54.json",
            "cvss-v4.0-supplemental-576.json",
            "cvss-v4.0-threat-6.json"})
    void version4VectorsScoreAsExpected(String file) throws IOException {
        JsonNode cases = load(file);
        List<String> mismatches = new ArrayList<>();
        for (JsonNode expected : cases) {
            String vector = expected.get("vector").asText();
            CvssV4 parsed = (CvssV4) Cvss.parse(vector);
            String actual = parsed.score() + " " + parsed.severity() + " " + parsed.nomenclature()
                    + (expected.has("baseScore") ? " base " + parsed.baseScore() : "");
            String wanted = expected.get("score").asDouble() + " " + expected.get("severity").asText() + " "
                    + expected.get("nomenclature").asText()
                    + (expected.has("baseScore") ? " base " + expected.get("baseScore").asDouble() : "");
            if (!actual.equals(wanted)) {
                mismatches.add(vector + " expected " + wanted + " got " + actual);
            }
        }
        assertThat(mismatches).as(file).isEmpty();
        assertThat(cases.size()).isPositive();
    }

    private static JsonNode load(String file) throws IOException {
        Path path = TestData.require("cvss").resolve(file);
        return JSON.readTree(path.toFile());
    }
}
