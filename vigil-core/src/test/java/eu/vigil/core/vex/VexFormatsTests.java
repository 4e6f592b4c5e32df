package eu.vigil.core.vex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import eu.vigil.core.InvalidInputException;
import eu.vigil.core.TestData;
import org.junit.jupiter.api.Test;

class VexFormatsTests {

    private static final Instant AT = Instant.parse("2026-11-28T05:00:00Z");
    private static final VexDocument DOCUMENT = new VexDocument("urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79",
            "ACME PSIRT", AT, List.of(
            new VexStatement("CVE-2021-44228", List.of("GHSA-jfh8-c2jp-5v3q"), "pkg:generic/acme/cam-x@2.1",
                    "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1", VexState.NOT_AFFECTED,
                    VexJustification.CODE_NOT_REACHABLE, "JNDI lookups are disabled", AT),
            new VexStatement("CVE-2022-1", List.of(), "pkg:generic/acme/cam-x@2.1", "pkg:npm/left-pad@1.0.0",
                    VexState.AFFECTED, null, "Update to 1.0.1", AT),
            new VexStatement("CVE-2022-2", List.of(), "pkg:generic/acme/cam-x@2.1", "pkg:npm/right-pad@1.0.0",
                    VexState.FALSE_POSITIVE, null, null, AT)));

    @Test
    void cycloneDxRoundTrip() {
        String json = new String(CycloneDxVex.write(DOCUMENT), StandardCharsets.UTF_8);
        assertThat(json).contains("\"state\" : \"not_affected\"", "\"justification\" : \"code_not_reachable\"",
                "\"ref\" : \"pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1\"", "\"specVersion\" : \"1.6\"");
        VexDocument read = CycloneDxVex.read(json.getBytes(StandardCharsets.UTF_8));
        assertThat(read.statements()).extracting(VexStatement::vulnerabilityId, VexStatement::componentPurl,
                        VexStatement::state, VexStatement::justification)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("CVE-2021-44228", "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1",
                                VexState.NOT_AFFECTED, VexJustification.CODE_NOT_REACHABLE),
                        org.assertj.core.groups.Tuple.tuple("CVE-2022-1", "pkg:npm/left-pad@1.0.0", VexState.AFFECTED, null),
                        org.assertj.core.groups.Tuple.tuple("CVE-2022-2", "pkg:npm/right-pad@1.0.0", VexState.FALSE_POSITIVE, null));
        assertThat(read.statements().get(0).aliases()).containsExactly("GHSA-jfh8-c2jp-5v3q");
    }

    @Test
    void openVexRoundTrip() {
        String json = new String(OpenVex.write(DOCUMENT), StandardCharsets.UTF_8);
        assertThat(json).contains("\"@context\" : \"https://openvex.dev/ns/v0.2.0\"",
                "\"justification\" : \"vulnerable_code_not_in_execute_path\"", "\"action_statement\" : \"Update to 1.0.1\"");
        VexDocument read = OpenVex.read(json.getBytes(StandardCharsets.UTF_8));
        assertThat(read.author()).isEqualTo("ACME PSIRT");
        assertThat(read.statements()).extracting(VexStatement::productId).containsOnly("pkg:generic/acme/cam-x@2.1");
        assertThat(read.statements()).extracting(VexStatement::state)
                .containsExactly(VexState.NOT_AFFECTED, VexState.AFFECTED, VexState.NOT_AFFECTED);
        assertThat(read.statements().get(2).justification()).isEqualTo(VexJustification.CODE_NOT_PRESENT);
    }

    @Test
    void csafVexHasTheProfilesMandatoryParts() throws IOException {
        var csaf = com.fasterxml.jackson.databind.json.JsonMapper.builder().build()
                .readTree(CsafVex.write(DOCUMENT, "ACME", "https://acme.example", "ACME-VEX-2026-0001", "Camera X 2.1"));
        assertThat(csaf.at("/document/category").asText()).isEqualTo("csaf_vex");
        assertThat(csaf.at("/document/tracking/revision_history/0/number").asText()).isEqualTo("1");
        assertThat(csaf.at("/product_tree/full_product_names/0/product_identification_helper/purl").asText())
                .isEqualTo("pkg:generic/acme/cam-x@2.1");
        assertThat(csaf.at("/product_tree/relationships")).hasSize(3);
        var log4j = csaf.at("/vulnerabilities/0");
        assertThat(log4j.at("/cve").asText()).isEqualTo("CVE-2021-44228");
        assertThat(log4j.at("/ids/0/text").asText()).isEqualTo("GHSA-jfh8-c2jp-5v3q");
        assertThat(log4j.at("/product_status/known_not_affected/0").asText()).isEqualTo("CSAFPID-C1:CSAFPID-PRODUCT");
        assertThat(log4j.at("/flags/0/label").asText()).isEqualTo("vulnerable_code_not_in_execute_path");
        // known_affected needs a remediation (CSAF 6.1.27.12)
        var affected = csaf.at("/vulnerabilities/1");
        assertThat(affected.at("/product_status/known_affected/0").asText()).isEqualTo("CSAFPID-C2:CSAFPID-PRODUCT");
        assertThat(affected.at("/remediations/0/details").asText()).isEqualTo("Update to 1.0.1");
        // every product id used is defined in the product tree (CSAF 6.1.1)
        java.util.Set<String> defined = new java.util.HashSet<>();
        csaf.at("/product_tree/full_product_names").forEach(n -> defined.add(n.get("product_id").asText()));
        csaf.at("/product_tree/relationships").forEach(n -> defined.add(n.at("/full_product_name/product_id").asText()));
        csaf.at("/vulnerabilities").forEach(v -> v.get("product_status").forEach(list -> list.forEach(id ->
                assertThat(defined).contains(id.asText()))));
    }

    /** Every VEX example of the CycloneDX project reads. */
    @Test
    void readsCycloneDxExamples() throws IOException {
        Path folder = TestData.require("cyclonedx/bom-examples/VEX");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(p -> p.getFileName().toString().equals("vex.json")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(5);
        for (Path file : files) {
            VexDocument document = CycloneDxVex.read(Files.readAllBytes(file));
            assertThat(document).as(file.toString()).isNotNull();
        }
        VexDocument log4j = CycloneDxVex.read(Files.readAllBytes(folder.resolve("vex.json")));
        assertThat(log4j.statements().get(0).vulnerabilityId()).isEqualTo("CVE-2020-25649");
        // a BOM-Link names the component by its bom-ref, here its purl
        assertThat(log4j.statements().get(0).componentPurl())
                .isEqualTo("pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.10.0?type=jar");
    }

    @Test
    void refusesWhatIsNotVex() {
        assertThatThrownBy(() -> CycloneDxVex.read("{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.3\"}".getBytes()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("1.3 is not supported");
        assertThatThrownBy(() -> CycloneDxVex.read("[1]".getBytes())).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> OpenVex.read("{\"@context\":\"https://openvex.dev/ns/v0.2.0\",\"statements\":[{\"vulnerability\":{\"name\":\"CVE-1\"},\"products\":[{\"@id\":\"x\"}],\"status\":\"maybe\"}]}".getBytes()))
                .hasMessageContaining("unknown status 'maybe'");
        assertThatThrownBy(() -> OpenVex.read("{\"@context\":\"x\"}".getBytes())).hasMessageContaining("@context");
    }
}
