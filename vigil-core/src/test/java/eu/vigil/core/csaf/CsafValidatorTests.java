package eu.vigil.core.csaf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.vigil.core.InvalidInputException;
import eu.vigil.core.TestData;
import org.junit.jupiter.api.Test;

/**
 * The validator against the OASIS CSAF TC's own test material: every document of
 * {@code testcases.json} (mandatory, optional and informative groups) and every example.
 */
class CsafValidatorTests {

    private static final CsafValidator VALIDATOR = new CsafValidator();

    private static Path data() {
        return TestData.require("csaf/csaf_2.0/test/validator/data");
    }

    private static JsonNode testcases() throws IOException {
        return new ObjectMapper().readTree(data().resolve("testcases.json").toFile());
    }

    private static CsafValidation validate(Path file) throws IOException {
        return VALIDATOR.validate(Files.readAllBytes(file));
    }

    @Test
    void everyMandatoryFailureExampleFailsTheTestItIsNamedFor() throws IOException {
        Map<String, String> wrong = new LinkedHashMap<>();
        int checked = 0;
        for (JsonNode test : testcases().path("tests")) {
            if (!"mandatory".equals(test.path("group").asText())) {
                continue;
            }
            String id = test.path("id").asText();
            for (JsonNode failure : test.path("failures")) {
                CsafValidation result = validate(data().resolve(failure.path("name").asText()));
                checked++;
                // minimal examples often break a neighbouring rule too (a lone revision 2 also misses 1):
                // what counts is that the named test catches the example
                if (!result.failedTests().contains(id)) {
                    wrong.put(failure.path("name").asText(), id + " expected, got " + result.failures());
                }
                for (CsafFailure f : result.failures()) {
                    assertThat(f.path()).as("path of %s", f).matches("(/[^/]*)*");
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(checked).isEqualTo(87);
    }

    @Test
    void everyValidExampleOfEveryTestPassesSchemaAndMandatoryTests() throws IOException {
        Map<String, List<CsafFailure>> wrong = new LinkedHashMap<>();
        int checked = 0;
        for (JsonNode test : testcases().path("tests")) {
            for (JsonNode valid : test.path("valid")) {
                CsafValidation result = validate(data().resolve(valid.path("name").asText()));
                checked++;
                if (!result.valid()) {
                    wrong.put(valid.path("name").asText(), result.failures());
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(checked).isGreaterThanOrEqualTo(90);
    }

    @Test
    void theStandardsExamplesAreValid() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(TestData.require("csaf/csaf_2.0/examples/csaf"))) {
            walk.filter(p -> p.toString().endsWith(".json")).forEach(files::add);
        }
        Map<Path, List<CsafFailure>> wrong = new LinkedHashMap<>();
        for (Path file : files) {
            CsafValidation result = validate(file);
            if (!result.valid()) {
                wrong.put(file.getFileName(), result.failures());
            }
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(19);
        assertThat(wrong).isEmpty();
    }

    @Test
    void providerMetadataExampleMatchesItsSchema() throws IOException {
        Path example = TestData.require("csaf/csaf_2.0/examples/provider-metadata");
        try (Stream<Path> files = Files.list(example)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                assertThat(VALIDATOR.schemas().validateProviderMetadata(VALIDATOR.read(Files.readAllBytes(file))))
                        .as(file.toString()).isEmpty();
            }
        }
    }

    @Test
    void malformedInputIsRefusedWithAMessage() {
        assertThatThrownBy(() -> VALIDATOR.validate("{\"document\":".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("malformed JSON");
        assertThatThrownBy(() -> VALIDATOR.validate("[1]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> VALIDATOR.validate("{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void anEmptyObjectFailsTheSchemaAtTheRoot() {
        CsafValidation result = VALIDATOR.validate("{}".getBytes(StandardCharsets.UTF_8));
        assertThat(result.valid()).isFalse();
        assertThat(result.failedTests()).containsExactly(CsafFailure.SCHEMA);
        assertThat(result.failures()).anySatisfy(f -> assertThat(f.message()).contains("document"));
    }
}
