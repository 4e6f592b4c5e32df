package eu.vigil.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.vigil.core.InvalidInputException;
import eu.vigil.core.osv.OsvIndex;
import eu.vigil.core.osv.OsvLoadProblem;
import eu.vigil.core.osv.OsvLoadResult;
import eu.vigil.core.osv.OsvLoader;
import eu.vigil.core.osv.OsvMatch;
import eu.vigil.core.osv.OsvQueryResult;
import eu.vigil.core.osv.OsvUnevaluated;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "osv", mixinStandardHelpOptions = true,
        description = "Match package versions against OSV vulnerability records.")
final class OsvCommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    private final InputStream stdin;

    OsvCommand() {
        this(System.in);
    }

    OsvCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    // no standard help mixin here: its --version would clash with the package's --version
    @Command(name = "query",
            description = {"Print the vulnerabilities that affect a package version, one JSON object a line.",
                    "Without --ecosystem, --package and --version, reads \"ECOSYSTEM<TAB>PACKAGE<TAB>VERSION\" "
                            + "lines from standard input.",
                    "Records that could not be evaluated (GIT ranges, versions the ecosystem does not accept) "
                            + "print as {\"unevaluated\": ...} lines. Exit status 1 when anything matched or an "
                            + "input line was invalid."})
    int query(
            @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
            boolean help,
            @Option(names = "--osv", required = true, paramLabel = "PATH", split = ",",
                    description = "OSV records: a JSON file, a folder (searched recursively) or an osv.dev zip "
                            + "such as PyPI/all.zip; repeat or separate with commas.") List<Path> sources,
            @Option(names = {"-e", "--ecosystem"}, paramLabel = "ECOSYSTEM",
                    description = "OSV ecosystem, such as PyPI, Maven or Debian:12.") String ecosystem,
            @Option(names = {"-p", "--package"}, paramLabel = "NAME",
                    description = "Package name as OSV writes it, such as org.foo:bar or @scope/name.") String name,
            @Option(names = {"-v", "--version"}, paramLabel = "VERSION", description = "The package version.")
            String version) {
        boolean single = ecosystem != null || name != null || version != null;
        if (single && (ecosystem == null || name == null || version == null)) {
            throw new ParameterException(spec.commandLine(),
                    "give --ecosystem, --package and --version together, or none to read lines from standard input");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean progress = System.console() != null;
        if (progress) {
            err.println("loading OSV records from " + sources + " ...");
            err.flush();
        }
        OsvLoadResult loaded;
        try {
            loaded = OsvLoader.load(sources);
        } catch (InvalidInputException e) {
            err.println(e.getMessage());
            return VigilCli.FINDING_OR_INVALID;
        }
        for (OsvLoadProblem problem : loaded.problems()) {
            err.println("skipped " + problem.source() + ": " + problem.message());
        }
        OsvIndex index = loaded.index();
        if (progress) {
            err.println("indexed " + index.size() + " records (" + index.withdrawnCount() + " withdrawn left out)");
            err.flush();
        }
        boolean finding;
        if (single) {
            finding = printResult(out, ecosystem, name, version, index.query(ecosystem, name, version));
        } else {
            finding = false;
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.isBlank()) {
                        continue;
                    }
                    String[] fields = line.split("\t", -1);
                    if (fields.length != 3 || fields[0].isBlank() || fields[1].isBlank() || fields[2].isBlank()) {
                        print(out, Map.of("input", line,
                                "error", "expected ECOSYSTEM<TAB>PACKAGE<TAB>VERSION"));
                        finding = true;
                        continue;
                    }
                    finding |= printResult(out, fields[0], fields[1], fields[2],
                            index.query(fields[0], fields[1], fields[2]));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        out.flush();
        return finding ? VigilCli.FINDING_OR_INVALID : VigilCli.OK;
    }

    private static boolean printResult(PrintWriter out, String ecosystem, String name, String version,
                                       OsvQueryResult result) {
        for (OsvMatch match : result.matches()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("ecosystem", ecosystem);
            line.put("package", name);
            line.put("version", version);
            line.put("id", match.id());
            line.put("aliases", match.aliases());
            line.put("records", match.recordIds());
            line.put("summary", match.summary());
            line.put("severity", match.severities());
            line.put("databaseSeverity", match.databaseSeverities());
            line.put("fixed", match.fixedVersions());
            line.put("listed", match.listed());
            print(out, line);
        }
        for (OsvUnevaluated unevaluated : result.unevaluated()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("ecosystem", ecosystem);
            line.put("package", name);
            line.put("version", version);
            line.put("unevaluated", unevaluated.recordId());
            line.put("reason", unevaluated.reason());
            print(out, line);
        }
        return !result.matches().isEmpty();
    }

    private static void print(PrintWriter out, Map<String, ?> line) {
        try {
            out.println(JSON.writeValueAsString(line));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
