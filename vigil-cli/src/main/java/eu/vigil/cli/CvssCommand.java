package eu.vigil.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.vigil.core.InvalidInputException;
import eu.vigil.core.cvss.Cvss;
import eu.vigil.core.cvss.CvssVector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "cvss", mixinStandardHelpOptions = true,
        description = {
                "Validate and score CVSS 2.0, 3.0, 3.1 and 4.0 vectors.",
                "Prints one JSON object per vector: {\"vector\", \"version\", \"baseScore\", \"score\", \"severity\"}, "
                        + "or {\"vector\", \"error\"} for an invalid one. score covers every metric group the vector "
                        + "defines; baseScore the base metrics alone (CVSS-B for 4.0).",
                "Reads the vectors from the arguments, or one per line from standard input when there are none "
                        + "(blank lines skipped). Exit status 1 when any vector is invalid."})
final class CvssCommand implements Callable<Integer> {

    private static final int PROGRESS_EVERY = 1_000_000;
    /** Longer than any vector Cvss.parse accepts, so a cut line is still reported as invalid. */
    private static final int MAX_LINE = 1024;

    private final InputStream in;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "VECTOR", arity = "0..*", description = "Vectors, e.g. CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")
    List<String> vectors;

    CvssCommand() {
        this(System.in);
    }

    CvssCommand(InputStream in) {
        this.in = in;
    }

    @Override
    public Integer call() throws IOException {
        // created here, not in a field: picocli reflects over every subcommand's fields to start any of them
        ObjectMapper json = new ObjectMapper();
        PrintWriter out = spec.commandLine().getOut();
        boolean allValid = true;
        if (vectors != null && !vectors.isEmpty()) {
            for (String vector : vectors) {
                allValid &= report(json, vector, out);
            }
        } else {
            boolean showProgress = System.console() != null;
            PrintWriter err = spec.commandLine().getErr();
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            long count = 0;
            StringBuilder buffer = new StringBuilder();
            for (String line = nextLine(lines, buffer); line != null; line = nextLine(lines, buffer)) {
                String vector = line.strip(); // tolerate CRLF files and indentation
                if (vector.isEmpty()) {
                    continue;
                }
                allValid &= report(json, vector, out);
                if (showProgress && ++count % PROGRESS_EVERY == 0) {
                    err.println(count + " vectors");
                    err.flush();
                }
            }
        }
        out.flush();
        return allValid ? VigilCli.OK : VigilCli.FINDING_OR_INVALID;
    }

    /**
     * The next line, of which at most MAX_LINE characters are kept (the rest of a longer line is
     * skipped, so hostile input cannot exhaust memory; such a line is then too long to be valid).
     */
    static String nextLine(BufferedReader reader, StringBuilder buffer) throws IOException {
        buffer.setLength(0);
        int c = reader.read();
        if (c < 0) {
            return null;
        }
        while (c >= 0 && c != '\n') {
            if (buffer.length() < MAX_LINE) {
                buffer.append((char) c);
            }
            c = reader.read();
        }
        return buffer.toString();
    }

    private static boolean report(ObjectMapper json, String text, PrintWriter out) throws IOException {
        ObjectNode line = json.createObjectNode();
        line.put("vector", text);
        boolean valid;
        try {
            CvssVector vector = Cvss.parse(text);
            line.put("version", vector.version().label());
            line.put("baseScore", vector.baseScore());
            line.put("score", vector.score());
            line.put("severity", vector.severity().name());
            valid = true;
        } catch (InvalidInputException e) {
            line.put("error", e.getMessage());
            valid = false;
        }
        out.print(json.writeValueAsString(line));
        out.print('\n');
        return valid;
    }
}
