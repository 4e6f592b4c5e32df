package eu.vigil.core.vex;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import com.code_intelligence.jazzer.junit.FuzzTest;
import eu.vigil.core.InvalidInputException;
import eu.vigil.core.licence.LicenceExpression;

/**
 * Fuzz targets of the licence expression parser and the two VEX readers. In a normal build they
 * replay the inputs under {@code LicenceAndVexFuzzTestsInputs/<method>/}; {@code JAZZER_FUZZ=1}
 * fuzzes for real. Invariants: only {@link InvalidInputException} escapes; what is read writes
 * and reads back the same.
 */
class LicenceAndVexFuzzTests {

    @FuzzTest(maxDuration = "2m")
    void licenceExpression(byte[] input) {
        LicenceExpression expression;
        try {
            expression = LicenceExpression.parse(new String(input, StandardCharsets.UTF_8));
        } catch (InvalidInputException e) {
            return;
        }
        String canonical = expression.canonical();
        assertThat(LicenceExpression.parse(canonical).canonical()).isEqualTo(canonical);
    }

    @FuzzTest(maxDuration = "2m")
    void cycloneDxVex(byte[] input) {
        VexDocument document;
        try {
            document = CycloneDxVex.read(input);
        } catch (InvalidInputException e) {
            return;
        }
        VexDocument again = CycloneDxVex.read(CycloneDxVex.write(document));
        assertThat(again.statements()).hasSameSizeAs(document.statements());
    }

    @FuzzTest(maxDuration = "2m")
    void openVex(byte[] input) {
        VexDocument document;
        try {
            document = OpenVex.read(input);
        } catch (InvalidInputException e) {
            return;
        }
        VexDocument again = OpenVex.read(OpenVex.write(document));
        assertThat(again.statements()).hasSameSizeAs(document.statements());
    }
}
