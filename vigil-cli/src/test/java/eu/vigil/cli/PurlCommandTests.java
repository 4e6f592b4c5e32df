package eu.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class PurlCommandTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Run(int status, List<JsonNode> lines, String err) {
    }

    static Run run(String stdin, String... args) throws Exception {
        CommandLine cli = VigilCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        InputStream original = System.in;
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            int status = cli.execute(args);
            List<JsonNode> lines = out.toString().lines().map(line -> {
                try {
                    return JSON.readTree(line);
                } catch (Exception e) {
                    throw new AssertionError("not a JSON line: " + line, e);
                }
            }).toList();
            return new Run(status, lines, err.toString());
        } finally {
            System.setIn(original);
        }
    }

    @Test
    void printsTheCanonicalPurlAndItsComponents() throws Exception {
        Run run = run("", "purl", "pkg:Maven/org.apache.commons/commons-text@1.10.0?Type=jar");
        assertThat(run.status()).isZero();
        assertThat(run.lines()).hasSize(1);
        JsonNode line = run.lines().get(0);
        assertThat(line.get("input").asText()).isEqualTo("pkg:Maven/org.apache.commons/commons-text@1.10.0?Type=jar");
        assertThat(line.get("purl").asText()).isEqualTo("pkg:maven/org.apache.commons/commons-text@1.10.0?type=jar");
        assertThat(line.get("type").asText()).isEqualTo("maven");
        assertThat(line.get("namespace").asText()).isEqualTo("org.apache.commons");
        assertThat(line.get("name").asText()).isEqualTo("commons-text");
        assertThat(line.get("version").asText()).isEqualTo("1.10.0");
        assertThat(line.get("qualifiers").get("type").asText()).isEqualTo("jar");
        assertThat(line.get("subpath").isNull()).isTrue();
    }

    @Test
    void readsStandardInputLinesAndFailsOnAnyInvalidPurl() throws Exception {
        Run run = run("pkg:npm/%40angular/core@17.0.0\n\nnot-a-purl\npkg:swift/Alamofire@5.4.3\n", "purl");
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.lines()).hasSize(3);
        assertThat(run.lines().get(0).get("namespace").asText()).isEqualTo("@angular");
        assertThat(run.lines().get(1).get("error").asText()).contains("scheme 'pkg:' is missing");
        assertThat(run.lines().get(2).get("error").asText()).contains("swift purl needs a namespace");
        assertThat(run.lines().get(2).has("purl")).isFalse();
    }

    @Test
    void rejectsUnknownOptionsAsUsageErrors() throws Exception {
        assertThat(run("", "purl", "--frobnicate").status()).isEqualTo(2);
    }
}
