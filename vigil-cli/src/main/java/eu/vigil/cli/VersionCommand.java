package eu.vigil.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.vigil.core.InvalidInputException;
import eu.vigil.core.version.VersionScheme;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "version", mixinStandardHelpOptions = true,
        description = "Work with package versions as each ecosystem orders them.")
final class VersionCommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    private final InputStream stdin;

    VersionCommand() {
        this(System.in);
    }

    VersionCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    @Command(name = "compare", mixinStandardHelpOptions = true,
            description = {"Compare two versions under an ecosystem's ordering: prints -1, 0 or 1.",
                    "Without A and B, reads \"A<TAB>B\" lines from standard input and prints one result a line.",
                    "An invalid version prints {\"input\": ..., \"error\": ...} and the exit status is 1."})
    int compare(
            @Option(names = {"-e", "--ecosystem"}, required = true, paramLabel = "ECOSYSTEM",
                    description = "OSV ecosystem name: Maven, npm, PyPI, Go, crates.io, RubyGems, NuGet, Debian, "
                            + "Alpine (with or without a release suffix such as Debian:12); others use a generic "
                            + "numeric-aware ordering.") String ecosystem,
            @Parameters(arity = "0..2", paramLabel = "VERSION", description = "The two versions A and B.")
            String[] versions) {
        VersionScheme scheme = VersionScheme.forEcosystem(ecosystem);
        PrintWriter out = spec.commandLine().getOut();
        if (versions != null && versions.length == 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "give two versions A B, or none to read A<TAB>B lines from standard input");
        }
        boolean allValid = true;
        if (versions != null && versions.length == 2) {
            allValid = compareOne(scheme, versions[0], versions[1], versions[0] + "\t" + versions[1], out);
        } else {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.isBlank()) {
                        continue;
                    }
                    int tab = line.indexOf('\t');
                    if (tab < 0) {
                        printError(out, line, "expected two versions separated by a tab");
                        allValid = false;
                        continue;
                    }
                    allValid &= compareOne(scheme, line.substring(0, tab), line.substring(tab + 1), line, out);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        out.flush();
        return allValid ? VigilCli.OK : VigilCli.FINDING_OR_INVALID;
    }

    private static boolean compareOne(VersionScheme scheme, String a, String b, String input, PrintWriter out) {
        try {
            out.println(scheme.compare(a, b));
            return true;
        } catch (InvalidInputException e) {
            printError(out, input, e.getMessage());
            return false;
        }
    }

    private static void printError(PrintWriter out, String input, String error) {
        Map<String, String> line = new LinkedHashMap<>();
        line.put("input", input);
        line.put("error", error);
        try {
            out.println(JSON.writeValueAsString(line));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
