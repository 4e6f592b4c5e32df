package eu.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class VersionCommandTests {

    @Test
    void comparesTwoVersionsOfAnEcosystem() {
        CommandRun run = CommandRun.with(VigilCli.commandLine(), "version", "compare", "--ecosystem", "PyPI", "1.0rc1", "1.0");
        assertThat(run.status()).isZero();
        assertThat(run.out()).isEqualTo("-1" + System.lineSeparator());
        assertThat(CommandRun.with(VigilCli.commandLine(), "version", "compare", "-e", "Debian:12", "1:1.0", "2.0").out())
                .isEqualTo("1" + System.lineSeparator());
        assertThat(CommandRun.with(VigilCli.commandLine(), "version", "compare", "-e", "Maven", "1.0", "1").out())
                .isEqualTo("0" + System.lineSeparator());
    }

    @Test
    void readsTabSeparatedPairsFromStandardInputAndReportsInvalidOnes() throws Exception {
        CommandRun run = CommandRun.with(new VersionCommand(CommandRun.stdin("1.0.0\t1.0.0-rc.1\nnot-semver\t1.0.0\n\n0.9.0\t1.0.0\nno tab\n")),
                "compare", "--ecosystem", "npm");
        assertThat(run.status()).isEqualTo(1);
        String[] lines = run.outLines();
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).isEqualTo("1");
        JsonNode error = new ObjectMapper().readTree(lines[1]);
        assertThat(error.get("input").asText()).isEqualTo("not-semver\t1.0.0");
        assertThat(error.get("error").asText()).contains("invalid npm version \"not-semver\"");
        assertThat(lines[2]).isEqualTo("-1");
        assertThat(new ObjectMapper().readTree(lines[3]).get("error").asText()).contains("tab");
    }

    @Test
    void anInvalidVersionGivenAsArgumentExitsWithOne() {
        CommandRun run = CommandRun.with(VigilCli.commandLine(), "version", "compare", "-e", "PyPI", "french toast", "1.0");
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).contains("\"error\":\"invalid PyPI version \\\"french toast\\\": not a PEP 440 version\"");
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(CommandRun.with(VigilCli.commandLine(), "version", "compare", "1.0", "2.0").status()).isEqualTo(2);
        assertThat(CommandRun.with(VigilCli.commandLine(), "version", "compare", "-e", "npm", "1.0.0").status()).isEqualTo(2);
    }
}
