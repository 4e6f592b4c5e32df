package eu.vigil.core.sbom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import eu.vigil.core.InvalidInputException;
import eu.vigil.core.TestData;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The official CycloneDX schema conformance tests (1.4–1.7, JSON and XML): every {@code valid-*}
 * document must read; every {@code invalid-*} one must be refused with an
 * {@link InvalidInputException}, unless it breaks a constraint on a part of the document the
 * component model does not read (listed below with the reason, and checked to read so the list
 * stays honest).
 */
class CycloneDxSpecificationTests {

    private static final Map<String, String> NOT_ENFORCED = Map.ofEntries(
            Map.entry("invalid-component-swid", "SWID tag details are not part of the component model"),
            Map.entry("invalid-issue-type", "pedigree patches and their issues are not read"),
            Map.entry("invalid-license-encoding", "license texts (and their encoding) are not read"),
            Map.entry("invalid-license-id", "license ids are kept as given; the SPDX license list is not checked"),
            Map.entry("invalid-metadata-license", "the BOM's own license is not read"),
            Map.entry("invalid-metadata-timestamp", "the BOM timestamp is not read"),
            Map.entry("invalid-metadata-distribution", "the BOM distribution constraints are not read"),
            Map.entry("invalid-patch-type", "pedigree patches are not read"),
            Map.entry("invalid-properties", "properties are not read"),
            Map.entry("invalid-service-data", "services are not components and are not read"),
            Map.entry("invalid-citations", "citations are not read"),
            Map.entry("invalid-component-external-version-and-range", "external-component version ranges are not read"),
            Map.entry("invalid-component-versionRange-non-external-explicit", "version ranges are not read"),
            Map.entry("invalid-component-versionRange-non-external-implicit", "version ranges are not read"),
            Map.entry("informal-invalid-component-versionRange-non-external-explicit", "version ranges are not read"),
            Map.entry("informal-invalid-component-versionRange-non-external-implicit", "version ranges are not read"),
            Map.entry("invalid-license-declared-concluded-mix.json",
                    "the acknowledgement (declared/concluded) of licenses is not read; the XML variant is refused "
                            + "because 1.6 XML cannot mix licenses and expressions"));

    @TestFactory
    Stream<DynamicTest> everySpecificationTestBehavesAsNamed() throws IOException {
        Path root = TestData.require("cyclonedx/spec-tests");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".xml"))
                    .sorted().toList();
        }
        assertThat(files).hasSize(553);
        SbomReader reader = new SbomReader();
        return files.stream().map(file -> {
            String name = file.getFileName().toString();
            String label = root.relativize(file).toString();
            return dynamicTest(label, () -> {
                if (name.startsWith("valid-")) {
                    Sbom sbom = reader.read(file);
                    assertThat(sbom.format().standard()).isEqualTo("CycloneDX");
                    assertThat(label).startsWith(sbom.specVersion() + "/");
                    assertThat(sbom.components()).allSatisfy(c -> assertThat(c.name()).isNotBlank());
                } else {
                    String reason = notEnforced(name);
                    if (reason != null) {
                        assertThat(reader.read(file).specVersion()).as("read although: " + reason).isNotBlank();
                    } else {
                        assertThatThrownBy(() -> reader.read(file)).isInstanceOf(InvalidInputException.class)
                                .hasMessageStartingWith("CycloneDX ");
                    }
                }
            });
        });
    }

    private static String notEnforced(String fileName) {
        String stem = fileName.replaceAll("-1\\.[4-7](\\.(json|xml))$", "$1");
        String withoutExtension = stem.replaceAll("\\.(json|xml)$", "");
        return NOT_ENFORCED.getOrDefault(stem, NOT_ENFORCED.get(withoutExtension));
    }
}
