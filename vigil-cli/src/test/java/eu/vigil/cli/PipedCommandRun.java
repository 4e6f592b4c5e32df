package eu.vigil.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import picocli.CommandLine;

/** Runs a command as the {@code vigil} launcher would, with a given standard input, capturing its output. */
record PipedCommandRun(int status, String out, String err) {

    static PipedCommandRun of(Object command, String... args) {
        return of(new CommandLine(command), args);
    }

    static PipedCommandRun of(CommandLine commandLine, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int status = commandLine.execute(args);
        return new PipedCommandRun(status, out.toString(), err.toString());
    }

    static ByteArrayInputStream stdin(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    String[] outLines() {
        return out.isEmpty() ? new String[0] : out.split("\\R");
    }
}
