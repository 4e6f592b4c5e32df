package eu.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OsvCommandTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path records(Path dir) throws IOException {
        Files.writeString(dir.resolve("GHSA-aaaa-bbbb-cccc.json"), """
                {"id": "GHSA-aaaa-bbbb-cccc", "modified": "2024-01-01T00:00:00Z", "aliases": ["CVE-2024-1"],
                 "summary": "Remote code execution in p",
                 "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}],
                 "database_specific": {"severity": "CRITICAL"},
                 "affected": [{"package": {"ecosystem": "PyPI", "name": "p"},
                   "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "2.0"}]},
                              {"type": "GIT", "repo": "https://example.org/p.git",
                               "events": [{"introduced": "0"}, {"fixed": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}]}]}]}
                """);
        Files.writeString(dir.resolve("broken.json"), "{\"id\": ");
        return dir;
    }

    @Test
    void printsTheVulnerabilitiesOfAPackageVersion(@TempDir Path dir) throws IOException {
        CommandRun run = CommandRun.with(VigilCli.commandLine(), "osv", "query", "--osv", records(dir).toString(),
                "--ecosystem", "PyPI", "--package", "P", "--version", "1.5");
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.outLines()).hasSize(1);
        JsonNode match = JSON.readTree(run.outLines()[0]);
        assertThat(match.get("id").asText()).isEqualTo("CVE-2024-1");
        assertThat(match.get("aliases").get(0).asText()).isEqualTo("GHSA-aaaa-bbbb-cccc");
        assertThat(match.get("fixed").get(0).asText()).isEqualTo("2.0");
        assertThat(match.get("severity").get(0).get("score").asText()).startsWith("CVSS:3.1/");
        assertThat(match.get("databaseSeverity").get(0).asText()).isEqualTo("CRITICAL");
        assertThat(run.err()).contains("skipped").contains("broken.json");
    }

    @Test
    void reportsGitRangesItCouldNotEvaluateAndExitsZeroWithoutMatch(@TempDir Path dir) throws IOException {
        CommandRun run = CommandRun.with(VigilCli.commandLine(), "osv", "query", "--osv", records(dir).toString(),
                "-e", "PyPI", "-p", "p", "-v", "2.0");
        assertThat(run.status()).isZero();
        JsonNode line = JSON.readTree(run.outLines()[0]);
        assertThat(line.get("unevaluated").asText()).isEqualTo("GHSA-aaaa-bbbb-cccc");
        assertThat(line.get("reason").asText()).startsWith("GIT range");
    }

    @Test
    void readsQueriesFromStandardInput(@TempDir Path dir) throws IOException {
        CommandRun run = CommandRun.with(new OsvCommand(CommandRun.stdin("PyPI\tp\t1.0\nnpm\tleft-pad\t1.0.0\nbad line\n")),
                "query", "--osv", records(dir).toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.outLines()).hasSize(2);
        assertThat(JSON.readTree(run.outLines()[0]).get("id").asText()).isEqualTo("CVE-2024-1");
        assertThat(JSON.readTree(run.outLines()[1]).get("error").asText()).contains("ECOSYSTEM<TAB>PACKAGE<TAB>VERSION");
    }

    @Test
    void aMissingSourceIsInvalidInputAndPartialOptionsAUsageError(@TempDir Path dir) {
        assertThat(CommandRun.with(VigilCli.commandLine(), "osv", "query", "--osv", dir.resolve("nope").toString(),
                "-e", "PyPI", "-p", "p", "-v", "1").status()).isEqualTo(1);
        assertThat(CommandRun.with(VigilCli.commandLine(), "osv", "query", "--osv", dir.toString(), "-e", "PyPI")
                .status()).isEqualTo(2);
    }
}
