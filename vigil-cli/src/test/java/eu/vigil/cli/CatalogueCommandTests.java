package eu.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

class CatalogueCommandTests {

    @TempDir
    Path folder;

    @Test
    void listsTheShippedCataloguesOnePerLine() {
        CommandRun run = CommandRun.of("catalogue", "list");

        assertThat(run.status()).isEqualTo(0);
        List<JsonNode> lines = run.jsonLines();
        assertThat(lines).extracting(line -> line.get("id").asText())
                .containsExactly("nis2", "ir2690", "cra", "etsi303645");
        assertThat(lines.get(1).get("requirements").asInt()).isEqualTo(439);
    }

    @Test
    void showsACatalogueAsOneRequirementPerLine() {
        CommandRun run = CommandRun.of("catalogue", "show", "cra");

        assertThat(run.status()).isEqualTo(0);
        assertThat(run.jsonLines()).hasSize(25).first()
                .satisfies(line -> assertThat(line.get("id").asText()).isEqualTo("cra.ai"));
    }

    @Test
    void showsOneRequirementWithItsMappings() {
        CommandRun run = CommandRun.of("catalogue", "show", "etsi303645.5.2-1");

        assertThat(run.status()).isEqualTo(0);
        JsonNode requirement = run.json();
        assertThat(requirement.get("catalogue").asText()).isEqualTo("etsi303645");
        assertThat(requirement.get("obligation").asText()).isEqualTo("mandatory");
        assertThat(requirement.get("equivalentRequirements").toString()).contains("cra.aii.5", "ir2690.6.10.2.e");
    }

    @Test
    void unknownIdIsAFinding() {
        CommandRun run = CommandRun.of("catalogue", "show", "nis2.art99");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.json().get("error").asText()).isEqualTo("unknown catalogue or requirement");
    }

    @Test
    void validatesAGoodFile() throws IOException {
        Path file = Files.writeString(folder.resolve("acme.json"), """
                {"catalogue": "acme", "version": "1", "title": "ACME", "requirements": [
                  {"id": "acme.1", "title": "Signed firmware", "text": "Sign firmware.", "equivalents": ["cra.aii.7"]}
                ]}
                """);

        CommandRun run = CommandRun.of("catalogue", "validate", file.toString());

        assertThat(run.status()).isEqualTo(0);
        assertThat(run.json().get("valid").asBoolean()).isTrue();
        assertThat(run.json().get("requirements").asInt()).isEqualTo(1);
    }

    @Test
    void rejectsABadFileWithLineAndPath() throws IOException {
        Path file = Files.writeString(folder.resolve("bad.json"), """
                {"catalogue": "acme", "version": "1", "title": "ACME", "requirements": [
                  {"id": "acme.1", "title": "A", "text": "a"},
                  {"id": "acme.1", "title": "B", "text": "b", "areas": ["safety"]}
                ]}
                """);

        CommandRun run = CommandRun.of("catalogue", "validate", file.toString());

        assertThat(run.status()).isEqualTo(1);
        JsonNode result = run.json();
        assertThat(result.get("valid").asBoolean()).isFalse();
        assertThat(result.get("problems").findValuesAsText("path"))
                .containsExactly("$.requirements[1].id", "$.requirements[1].areas[0]");
        assertThat(result.get("problems").findValues("line")).extracting(JsonNode::asInt).containsExactly(3, 3);
    }

    @Test
    void missingSubcommandIsAUsageError() {
        assertThat(CommandRun.of("catalogue").status()).isEqualTo(2);
        assertThat(CommandRun.of("catalogue", "show").status()).isEqualTo(2);
    }
}
