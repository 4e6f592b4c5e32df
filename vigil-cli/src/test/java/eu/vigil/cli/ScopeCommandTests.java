package eu.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

class ScopeCommandTests {

    @TempDir
    Path folder;

    private Path exampleProfile() {
        Path root = Path.of(System.getProperty("vigil.repo.root", ".."));
        return root.resolve("docs/examples/scope-profile.json");
    }

    @Test
    void classifiesTheExampleCameraVendor() {
        CommandRun run = CommandRun.of("scope", "--profile", exampleProfile().toString());

        assertThat(run.status()).isEqualTo(0);
        JsonNode result = run.json();
        assertThat(result.get("classification").asText()).isEqualTo("important");
        assertThat(result.get("indirectlyAffected").asBoolean()).isTrue();
        assertThat(result.get("sizeClass").asText()).isEqualTo("medium");
        assertThat(result.get("standAloneSizeClass").asText()).isEqualTo("small");
        assertThat(result.get("rules").findValuesAsText("id")).contains("annex.listed", "size.partner_linked",
                "size.class", "important.size_cap", "supplier.indirect");
        assertThat(result.get("rules").get(0).get("article").asText()).isEqualTo("NIS2 Art. 2(1), Annex II.5(b)");
        assertThat(result.at("/jurisdiction/memberStates").toString()).isEqualTo("[\"DE\"]");
    }

    @Test
    void reportsEveryFieldProblemAsJson() throws IOException {
        Path profile = Files.writeString(folder.resolve("bad.json"), """
                {"legalName": "", "mainEstablishment": "CH", "headcount": -3,
                 "entityTypes": ["energy.electricity.suplier"], "publicAdministrationLevel": "federal"}
                """);

        CommandRun run = CommandRun.of("scope", "--profile", profile.toString());

        assertThat(run.status()).isEqualTo(1);
        JsonNode error = run.json();
        assertThat(error.get("error").asText()).isEqualTo("invalid entity profile");
        assertThat(error.get("problems").findValuesAsText("field")).containsExactlyInAnyOrder(
                "publicAdministrationLevel", "legalName", "mainEstablishment", "headcount", "entityTypes[0]");
        assertThat(error.get("problems").findValuesAsText("problem"))
                .anySatisfy(problem -> assertThat(problem).contains("did you mean 'energy.electricity.supplier'"));
    }

    @Test
    void missingFileIsInvalidInput() {
        CommandRun run = CommandRun.of("scope", "--profile", folder.resolve("absent.json").toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.json().at("/problems/0/problem").asText()).startsWith("cannot read the file");
    }

    @Test
    void missingProfileOptionIsAUsageError() {
        CommandRun run = CommandRun.of("scope");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("--profile");
    }
}
