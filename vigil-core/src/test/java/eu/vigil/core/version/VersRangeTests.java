package eu.vigil.core.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.vigil.core.InvalidInputException;
import eu.vigil.core.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * vers ranges against univers' containment and round-trip suites (all 30 cases). Its "from_native"
 * suites (npm, PyPI and GitLab native range grammars turned into vers) test conversions from
 * range languages we do not parse, and are not run.
 */
class VersRangeTests {

    private static JsonNode suite(String file) throws IOException {
        return new ObjectMapper().readTree(TestData.require("versions/univers/range").resolve(file).toFile());
    }

    @Test
    void universContainmentSuites() throws IOException {
        int cases = 0;
        for (String file : new String[] {"pypi_range_containment.json", "npm_range_containment.json"}) {
            for (JsonNode c : suite(file)) {
                VersRange range = VersRange.parse(c.get("input").get("vers").asText());
                assertThat(range.contains(c.get("input").get("version").asText())).as(c.toString())
                        .isEqualTo(c.get("expected_output").asBoolean());
                cases++;
            }
        }
        assertThat(cases).isEqualTo(11);
    }

    @Test
    void universRoundTripSuite() throws IOException {
        int cases = 0;
        for (JsonNode c : suite("pypi_range_roundtrip.json")) {
            String normalised = VersRange.parse(c.get("input").get("vers").asText()).toString();
            assertThat(normalised).isEqualTo(c.get("expected_output").asText());
            assertThat(VersRange.parse(normalised).toString()).isEqualTo(normalised);
            cases++;
        }
        assertThat(cases).isEqualTo(19);
    }

    @Test
    void containsByTheSchemesOrdering() {
        VersRange maven = VersRange.parse("vers:maven/>=1.0-beta1|<1.0.5|>=2.0|<2.3|!=2.1");
        assertThat(maven.contains("1.0")).isTrue();
        assertThat(maven.contains("1.0-alpha")).isFalse();
        assertThat(maven.contains("2.1")).isFalse();
        assertThat(maven.contains("2.2.9")).isTrue();
        assertThat(maven.contains("2.3")).isFalse();
        assertThat(VersRange.parse("vers:deb/>=1:1.0|<1:2.0").contains("1.5")).isFalse();
        assertThat(VersRange.parse("vers:golang/<v1.2.3").contains("1.2.2")).isTrue();
        assertThat(VersRange.parse("vers:npm/1.2.3%2Bbuild").toString()).isEqualTo("vers:npm/1.2.3+build");
        assertThat(VersRange.parse(" vers : pypi / >= 1.0 | < 2 ").toString()).isEqualTo("vers:pypi/>=1.0|<2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"pypi/>=1.0", "vers:/1.0", "vers:pypi", "vers:pypi/", "vers:pypi/>=", "vers:pypi/*|1.0",
            "vers:pypi/1.0||2.0", "vers:pypi/>=french toast", "vers:npm/%zz"})
    void refusesMalformedRanges(String vers) {
        assertThatThrownBy(() -> VersRange.parse(vers)).isInstanceOf(InvalidInputException.class);
    }
}
