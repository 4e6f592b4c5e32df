package eu.vigil.core.csaf;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import eu.vigil.core.InvalidInputException;

/**
 * Fuzz target of the CSAF reader and validator (schema and mandatory tests). Regression mode replays
 * {@code CsafFuzzTestsInputs/validate/}; {@code JAZZER_FUZZ=1} fuzzes for real. Invariants: only
 * {@link InvalidInputException} escapes, and every failure names a test and a JSON pointer.
 */
class CsafFuzzTests {

    private static final CsafValidator VALIDATOR = new CsafValidator();

    @FuzzTest(maxDuration = "2m")
    void validate(byte[] input) {
        CsafValidation result;
        try {
            result = VALIDATOR.validate(input);
        } catch (InvalidInputException e) {
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        for (CsafFailure failure : result.failures()) {
            assertThat(failure.test()).matches("schema|6\\.1\\.\\d+(\\.\\d+)?");
            assertThat(failure.path()).matches("(/.*)?");
        }
    }
}
