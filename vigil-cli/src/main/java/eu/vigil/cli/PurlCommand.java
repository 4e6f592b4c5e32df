package eu.vigil.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.vigil.core.InvalidInputException;
import eu.vigil.core.purl.PackageUrl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "purl", mixinStandardHelpOptions = true,
        description = {
                "Parse, validate and canonicalise Package URLs (purl), with the rules of each registered type.",
                "Reads the purls given as arguments, or one per line from standard input when there are none.",
                "Prints one JSON object per purl: the canonical purl and its decoded components, or the error.",
                "Exit status 1 when any purl is invalid."})
final class PurlCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(paramLabel = "PURL", arity = "0..*", description = "Package URLs, e.g. pkg:maven/org.apache.commons/commons-text@1.10.0")
    List<String> purls = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        boolean allValid = true;
        if (!purls.isEmpty()) {
            for (String purl : purls) {
                allValid &= print(out, purl);
            }
        } else {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line; (line = in.readLine()) != null; ) {
                if (!line.isBlank()) {
                    allValid &= print(out, line.strip());
                }
            }
        }
        out.flush();
        return allValid ? VigilCli.OK : VigilCli.FINDING_OR_INVALID;
    }

    private static boolean print(PrintWriter out, String input) throws IOException {
        ObjectNode line = JSON.createObjectNode().put("input", input);
        boolean valid;
        try {
            PackageUrl purl = PackageUrl.parse(input);
            line.put("purl", purl.canonical())
                    .put("type", purl.type())
                    .put("namespace", purl.namespace())
                    .put("name", purl.name())
                    .put("version", purl.version());
            line.set("qualifiers", JSON.valueToTree(purl.qualifiers()));
            line.put("subpath", purl.subpath());
            valid = true;
        } catch (InvalidInputException e) {
            line.put("error", e.getMessage());
            valid = false;
        }
        out.println(JSON.writeValueAsString(line));
        return valid;
    }
}
