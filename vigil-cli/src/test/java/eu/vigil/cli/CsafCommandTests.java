package eu.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vigil csaf validate} over the OASIS CSAF TC's test documents. */
class CsafCommandTests {

    private static Path validatorData() {
        String configured = System.getenv("VIGIL_TESTDATA");
        Path root = configured != null && !configured.isBlank() ? Path.of(configured) : null;
        for (Path dir = Path.of(".").toAbsolutePath().normalize(); root == null && dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolveSibling("shared").resolve("testdata"))) {
                root = dir.resolveSibling("shared").resolve("testdata");
            }
        }
        Path data = root == null ? null : root.resolve("csaf/csaf_2.0/test/validator/data");
        Assumptions.assumeTrue(data != null && Files.isDirectory(data),
                "shared test material not found: set VIGIL_TESTDATA or place shared/testdata beside the repository");
        return data;
    }

    @Test
    void classifiesEveryMandatoryTestExampleWithOneLinePerFile() throws IOException {
        Path data = validatorData();
        JsonNode testcases = new ObjectMapper().readTree(data.resolve("testcases.json").toFile());
        List<String> files = new ArrayList<>(List.of("validate"));
        List<String> expected = new ArrayList<>();
        List<Boolean> valid = new ArrayList<>();
        for (JsonNode test : testcases.path("tests")) {
            if (!"mandatory".equals(test.path("group").asText())) {
                continue;
            }
            for (JsonNode failure : test.path("failures")) {
                files.add(data.resolve(failure.path("name").asText()).toString());
                expected.add(test.path("id").asText());
                valid.add(false);
            }
            for (JsonNode ok : test.path("valid")) {
                files.add(data.resolve(ok.path("name").asText()).toString());
                expected.add(null);
                valid.add(true);
            }
        }
        files.addFirst("csaf");
        CommandRun run = CommandRun.of(files.toArray(String[]::new));
        assertThat(run.status()).isEqualTo(1);
        List<JsonNode> lines = run.jsonLines();
        assertThat(lines).hasSize(expected.size());
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = lines.get(i);
            assertThat(line.get("valid").asBoolean()).as(line.toString()).isEqualTo(valid.get(i));
            if (expected.get(i) != null) {
                List<String> failed = new ArrayList<>();
                line.get("failedTests").forEach(t -> failed.add(t.asText()));
                assertThat(failed).as(line.get("file").asText()).contains(expected.get(i));
                assertThat(line.get("failures").get(0).get("path").asText()).isNotNull();
            }
        }
    }

    @Test
    void aValidDocumentExitsZeroAndTextFormatListsEachFailure(@TempDir Path dir) throws IOException {
        Path data = validatorData();
        Path valid = data.resolve("mandatory/oasis_csaf_tc-csaf_2_0-2021-6-1-01-11.json");
        CommandRun ok = CommandRun.of("csaf", "validate", valid.toString());
        assertThat(ok.status()).isZero();
        assertThat(ok.json().get("valid").asBoolean()).isTrue();
        assertThat(ok.json().get("failures")).isEmpty();

        Path invalid = data.resolve("mandatory/oasis_csaf_tc-csaf_2_0-2021-6-1-01-01.json");
        CommandRun text = CommandRun.of("csaf", "validate", "--format", "text", invalid.toString());
        assertThat(text.status()).isEqualTo(1);
        assertThat(text.out()).contains("INVALID").contains("6.1.1 /product_tree/product_groups/0/product_ids/0: product id");
    }

    @Test
    void unreadableFilesAreReportedAndFail(@TempDir Path dir) throws IOException {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"document\": ");
        CommandRun run = CommandRun.of("csaf", "validate", broken.toString(), dir.resolve("missing.json").toString());
        assertThat(run.status()).isEqualTo(1);
        List<JsonNode> lines = run.jsonLines();
        assertThat(lines.get(0).get("error").asText()).contains("malformed JSON");
        assertThat(lines.get(1).get("error").asText()).isEqualTo("no such file");
        assertThat(CommandRun.of("csaf", "validate").status()).isEqualTo(2);
    }
}
