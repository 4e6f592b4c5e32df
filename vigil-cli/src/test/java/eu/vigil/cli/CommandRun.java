package eu.vigil.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;

/** Runs {@code vigil} with arguments, capturing the exit status and what it wrote. */
record CommandRun(int status, String out, String err) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The whole {@code vigil} command with these arguments. */
    static CommandRun of(String... args) {
        return with(VigilCli.commandLine(), args);
    }

    /** One command (an annotated object, or a prepared {@link CommandLine}) with these arguments. */
    static CommandRun with(Object command, String... args) {
        CommandLine commandLine = command instanceof CommandLine prepared ? prepared : new CommandLine(command);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int status = commandLine.execute(args);
        return new CommandRun(status, out.toString(), err.toString());
    }

    /** Standard input for commands that take it in their constructor. */
    static java.io.ByteArrayInputStream stdin(String text) {
        return new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    List<String> lines() {
        return out.lines().toList();
    }

    String[] outLines() {
        return out.isEmpty() ? new String[0] : out.split("\\R");
    }

    /** Every stdout line parsed as JSON. */
    List<JsonNode> jsonLines() {
        return out.lines().map(line -> {
            try {
                return JSON.readTree(line);
            } catch (Exception e) {
                throw new AssertionError("not a JSON line: " + line, e);
            }
        }).toList();
    }

    JsonNode json() {
        List<JsonNode> lines = jsonLines();
        if (lines.size() != 1) {
            throw new AssertionError("expected one JSON line, got " + lines.size() + ": " + out);
        }
        return lines.get(0);
    }
}
