package eu.vigil.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import picocli.CommandLine;

/** One run of a command through picocli, with what it printed. */
record RecordedCommandRun(int status, String out, String err) {

    static RecordedCommandRun of(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(command);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int status = commandLine.execute(args);
        return new RecordedCommandRun(status, out.toString(), err.toString());
    }

    List<String> lines() {
        return out.lines().toList();
    }
}
