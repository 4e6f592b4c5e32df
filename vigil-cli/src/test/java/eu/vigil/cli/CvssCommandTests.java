package eu.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class CvssCommandTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void scoresVectorsGivenAsArguments() throws Exception {
        CommandRun run = CommandRun.with(new CvssCommand(),
                "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:U/RL:O/RC:C",
                "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:L/SC:N/SI:N/SA:N/E:A/MAV:A",
                "AV:N/AC:L/Au:N/C:P/I:P/A:P");
        assertThat(run.status()).isZero();
        assertThat(run.lines()).containsExactly(
                "{\"vector\":\"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:U/RL:O/RC:C\",\"version\":\"3.1\","
                        + "\"baseScore\":9.8,\"score\":8.5,\"severity\":\"HIGH\"}",
                "{\"vector\":\"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:L/SC:N/SI:N/SA:N/E:A/MAV:A\","
                        + "\"version\":\"4.0\",\"baseScore\":9.3,\"score\":8.7,\"severity\":\"HIGH\"}",
                "{\"vector\":\"AV:N/AC:L/Au:N/C:P/I:P/A:P\",\"version\":\"2.0\",\"baseScore\":7.5,\"score\":7.5,"
                        + "\"severity\":\"HIGH\"}");
    }

    @Test
    void reportsInvalidVectorsAndExitsWithOne() throws Exception {
        CommandRun run = CommandRun.with(new CvssCommand(),
                "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/");
        assertThat(run.status()).isEqualTo(1);
        JsonNode invalid = JSON.readTree(run.lines().get(1));
        assertThat(invalid.get("vector").asText()).endsWith("/A:H/");
        assertThat(invalid.get("error").asText()).contains("ends with '/'");
        assertThat(invalid.has("score")).isFalse();
    }

    @Test
    void readsStandardInputLinesWhenNoArgumentIsGivenSkippingBlankOnes() throws Exception {
        String input = "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\r\n\n   \nCVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:N/I:N/A:N\n";
        CommandRun run = CommandRun.with(new CvssCommand(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8))));
        assertThat(run.status()).isZero();
        assertThat(run.lines()).hasSize(2);
        assertThat(JSON.readTree(run.lines().get(0)).get("score").asDouble()).isEqualTo(9.8);
        JsonNode none = JSON.readTree(run.lines().get(1));
        assertThat(none.get("severity").asText()).isEqualTo("NONE");
        assertThat(none.get("score").asDouble()).isZero();
    }

    @Test
    void keepsMemoryBoundedOnEndlessLines() throws Exception {
        String endless = "CVSS:3.1/" + "AV:N/".repeat(200_000) + "\nCVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\n";
        CommandRun run = CommandRun.with(new CvssCommand(new ByteArrayInputStream(endless.getBytes(StandardCharsets.UTF_8))));
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.lines()).hasSize(2);
        assertThat(JSON.readTree(run.lines().get(0)).get("error").asText()).contains("too long");
        assertThat(JSON.readTree(run.lines().get(0)).get("vector").asText()).hasSize(1024);
        assertThat(JSON.readTree(run.lines().get(1)).get("score").asDouble()).isEqualTo(9.8);
    }

    @Test
    void isAVigilSubcommand() {
        assertThat(VigilCli.commandLine().getSubcommands()).containsKey("cvss");
    }
}
