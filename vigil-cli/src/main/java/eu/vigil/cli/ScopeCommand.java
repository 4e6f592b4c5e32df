package eu.vigil.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.vigil.core.nis2.EntityProfile;
import eu.vigil.core.nis2.EntityProfileReader;
import eu.vigil.core.nis2.FieldProblem;
import eu.vigil.core.nis2.InvalidProfileException;
import eu.vigil.core.nis2.ScopeClassifier;
import eu.vigil.core.nis2.ScopeResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "scope", mixinStandardHelpOptions = true,
        description = {
                "Classify an entity under NIS2 (Directive (EU) 2022/2555) from a profile file, offline.",
                "Prints one JSON object: classification (essential, important, out_of_scope), indirectlyAffected, "
                        + "sizeClass, every rule that fired with its article, and the Art. 26 jurisdiction.",
                "Exit status: 0 classified, 1 the profile is invalid or incomplete (every field problem is "
                        + "printed as JSON), 2 usage error."})
final class ScopeCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Option(names = "--profile", required = true, paramLabel = "FILE",
            description = "Entity profile (JSON), see docs/examples/scope-profile.json; '-' reads standard input.")
    Path profile;

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        byte[] content;
        try {
            content = read(profile);
        } catch (IOException e) {
            out.println(JSON.writeValueAsString(error(List.of(new FieldProblem("$", "cannot read the file: "
                    + e.getMessage())))));
            out.flush();
            return VigilCli.FINDING_OR_INVALID;
        }
        try {
            EntityProfile entity = new EntityProfileReader().read(content);
            ScopeResult result = new ScopeClassifier().classify(entity);
            out.println(JSON.writeValueAsString(result));
            out.flush();
            return VigilCli.OK;
        } catch (InvalidProfileException e) {
            out.println(JSON.writeValueAsString(error(e.problems())));
            out.flush();
            return VigilCli.FINDING_OR_INVALID;
        }
    }

    private Map<String, Object> error(List<FieldProblem> problems) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("error", "invalid entity profile");
        error.put("file", profile.toString());
        error.put("problems", problems);
        return error;
    }

    /** Reads at most one byte more than a profile may have, so that a huge file is refused cheaply. */
    private static byte[] read(Path path) throws IOException {
        if (path.toString().equals("-")) {
            return System.in.readNBytes(EntityProfileReader.MAX_BYTES + 1);
        }
        try (InputStream in = Files.newInputStream(path)) {
            return in.readNBytes(EntityProfileReader.MAX_BYTES + 1);
        }
    }
}
