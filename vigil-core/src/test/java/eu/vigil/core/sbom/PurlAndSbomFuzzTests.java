package eu.vigil.core.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import com.code_intelligence.jazzer.junit.FuzzTest;
import eu.vigil.core.InvalidInputException;
import eu.vigil.core.purl.PackageUrl;

/**
 * Fuzz targets of the purl parser and the four SBOM readers. In a normal build they replay the
 * inputs under {@code PurlAndSbomFuzzTestsInputs/<method>/}; {@code JAZZER_FUZZ=1} fuzzes for real.
 * Invariants: only {@link InvalidInputException} escapes, and what is read is consistent.
 */
class PurlAndSbomFuzzTests {

    private static final SbomReader READER = new SbomReader(new SbomLimits(1 << 20, 64, 64 * 1024));

    @FuzzTest(maxDuration = "2m")
    void purl(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        PackageUrl purl;
        try {
            purl = PackageUrl.parse(text);
        } catch (InvalidInputException e) {
            return;
        }
        String canonical = purl.canonical();
        PackageUrl again = PackageUrl.parse(canonical);
        assertThat(again).isEqualTo(purl);
        assertThat(again.canonical()).isEqualTo(canonical);
        assertThat(PackageUrl.of(purl.type(), purl.namespace(), purl.name(), purl.version(), purl.qualifiers(),
                purl.subpath())).isEqualTo(purl);
    }

    @FuzzTest(maxDuration = "2m")
    void cycloneDxJson(byte[] input) {
        readExpecting(input, SbomFormat.CYCLONEDX_JSON);
    }

    @FuzzTest(maxDuration = "2m")
    void cycloneDxXml(byte[] input) {
        readExpecting(input, SbomFormat.CYCLONEDX_XML);
    }

    @FuzzTest(maxDuration = "2m")
    void spdxJson(byte[] input) {
        readExpecting(input, SbomFormat.SPDX_JSON);
    }

    @FuzzTest(maxDuration = "2m")
    void spdxTagValue(byte[] input) {
        readExpecting(input, SbomFormat.SPDX_TAG_VALUE);
    }

    private static void readExpecting(byte[] input, SbomFormat format) {
        Sbom sbom;
        try {
            sbom = READER.read(input);
        } catch (InvalidInputException e) {
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        // the fuzzer mutates seeds of one format, but may well reach another: any format is fine
        assertThat(sbom.format()).isNotNull();
        if (sbom.format() == format) {
            assertThat(sbom.specVersion()).isNotBlank();
        }
        for (Component component : sbom.components()) {
            assertThat(component.ref()).isNotNull();
            assertThat(component.name()).isNotBlank();
            if (component.parentRef() != null) {
                assertThat(sbom.component(component.parentRef())).isPresent();
            }
        }
        for (Dependency edge : sbom.dependencies()) {
            assertThat(sbom.component(edge.from())).isPresent();
        }
    }
}
