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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Schema validation (cyclonedx-core-java) over the CycloneDX 1.4–1.6 conformance tests: every
 * invalid document is refused, by the reader or by the schema; every valid one passes, except the
 * cases listed, where the schema bundled in cyclonedx-core-java 12.2.0 predates the test.
 */
class SchemaValidationTests {

    private static final Map<String, String> LIBRARY_SCHEMA_OUTDATED = Map.of(
            "1.5/valid-machine-learning-1.5.xml", "the bundled 1.5 XSD lacks the modelCard considerations "
                    + "(user, useCase, …) that the current spec-test uses",
            "1.6/valid-machine-learning-1.6.xml", "as for 1.5: the bundled 1.6 XSD predates the errata");

    private final SchemaValidation validation = new SchemaValidation(new SbomReader());

    @TestFactory
    Stream<DynamicTest> refusesEveryInvalidAndAcceptsEveryValidConformanceTest() throws IOException {
        Path root = TestData.require("cyclonedx/spec-tests");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> p.toString().matches(".*/1\\.[456]/.*\\.(json|xml)$"))
                    .sorted().toList();
        }
        assertThat(files).hasSize(370);
        return files.stream().map(file -> {
            String id = root.relativize(file).toString();
            return dynamicTest(id, () -> {
                byte[] document = Files.readAllBytes(file);
                if (file.getFileName().toString().startsWith("invalid-")) {
                    try {
                        assertThat(validation.validate(document).violations()).isNotEmpty();
                    } catch (InvalidInputException refusedByTheReader) {
                        assertThat(refusedByTheReader.getMessage()).startsWith("CycloneDX ");
                    }
                } else if (LIBRARY_SCHEMA_OUTDATED.containsKey(id)) {
                    assertThat(validation.validate(document).violations()).as(LIBRARY_SCHEMA_OUTDATED.get(id))
                            .isNotEmpty();
                } else {
                    assertThat(validation.validate(document).violations()).isEmpty();
                }
            });
        });
    }

    @Test
    void acceptsRealSboms() throws IOException {
        for (String file : List.of("SBOM/keycloak-10.0.2/bom.json", "SBOM/dropwizard-1.3.15/bom.xml",
                "SBOM/laravel-7.12.0/bom.1.4.json", "SBOM/proton-bridge/proton-bridge-v1.8.0.bom.xml")) {
            SchemaValidation.Result result = validation.validate(
                    Files.readAllBytes(TestData.require("cyclonedx/bom-examples/" + file)));
            assertThat(result.violations()).as(file).isEmpty();
            assertThat(result.valid()).isTrue();
        }
    }

    @Test
    void findsWhatTheReaderLetsPass() throws IOException {
        // a license url of this real OBOM reads "http://… and http://…": no IRI, which the reader ignores
        SchemaValidation.Result result = validation.validate(Files.readAllBytes(
                TestData.require("cyclonedx/bom-examples/OBOM/Example-1-Standalone/bom.json")));
        assertThat(result.sbom().components()).hasSize(905);
        assertThat(result.violations()).isNotEmpty().allSatisfy(v -> assertThat(v).contains("iri-reference"));
    }

    @Test
    void coversCycloneDxUpTo16Only() throws IOException {
        assertThatThrownBy(() -> validation.validate(Files.readAllBytes(
                TestData.require("cyclonedx/spec-tests/1.7/valid-bom-1.7.json"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("1.2 to 1.6");
        assertThatThrownBy(() -> validation.validate(Files.readAllBytes(
                TestData.require("spdx/spec-examples/SPDXJSONExample-v2.3.spdx.json"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("CycloneDX only");
    }
}
