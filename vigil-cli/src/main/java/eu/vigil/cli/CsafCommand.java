package eu.vigil.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.vigil.core.InvalidInputException;
import eu.vigil.core.csaf.CsafFailure;
import eu.vigil.core.csaf.CsafValidation;
import eu.vigil.core.csaf.CsafValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "csaf", mixinStandardHelpOptions = true,
        description = "CSAF 2.0 advisories, offline.",
        subcommands = CsafCommand.Validate.class)
final class CsafCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = {
                    "Validate CSAF 2.0 documents against the official JSON schema and the mandatory tests of "
                            + "section 6.1 of the standard (the same validation Vigil runs before it publishes).",
                    "Prints one JSON object per file: {\"file\", \"valid\", \"failedTests\", \"failures\": "
                            + "[{\"test\", \"path\", \"message\"}]}, or {\"file\", \"error\"} when the file cannot "
                            + "be read as JSON. test is \"schema\" or a test number such as \"6.1.27.9\"; path is a "
                            + "JSON pointer. Exit status 1 when any file fails."})
    static final class Validate implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", arity = "1..*", description = "CSAF documents (JSON)")
        List<Path> files;

        @Option(names = "--format", defaultValue = "json", description = "json (default) or text")
        String format;

        @Override
        public Integer call() throws IOException {
            if (!format.equals("json") && !format.equals("text")) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--format must be json or text, not " + format);
            }
            ObjectMapper json = new ObjectMapper();
            PrintWriter out = spec.commandLine().getOut();
            CsafValidator validator = new CsafValidator();
            boolean allValid = true;
            for (Path file : files) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("file", file.toString());
                try {
                    if (Files.size(file) > CsafValidator.MAX_BYTES) {
                        throw new InvalidInputException("the file has more than " + CsafValidator.MAX_BYTES
                                + " bytes");
                    }
                    CsafValidation result = validator.validate(Files.readAllBytes(file));
                    line.put("valid", result.valid());
                    line.put("failedTests", new ArrayList<>(result.failedTests()));
                    List<Map<String, String>> failures = new ArrayList<>();
                    for (CsafFailure failure : result.failures()) {
                        failures.add(Map.of("test", failure.test(), "path", failure.path(),
                                "message", failure.message()));
                    }
                    line.put("failures", failures);
                    allValid &= result.valid();
                    if (format.equals("text")) {
                        out.println(file + ": " + (result.valid() ? "valid" : "INVALID"));
                        for (CsafFailure failure : result.failures()) {
                            out.println("  " + failure.test() + " " + (failure.path().isEmpty() ? "/" : failure.path())
                                    + ": " + failure.message());
                        }
                        continue;
                    }
                } catch (InvalidInputException | IOException e) {
                    allValid = false;
                    String message = e instanceof java.nio.file.NoSuchFileException ? "no such file"
                            : e.getMessage();
                    if (format.equals("text")) {
                        out.println(file + ": ERROR " + message);
                        continue;
                    }
                    line.put("error", message);
                }
                out.print(json.writeValueAsString(line));
                out.print('\n');
            }
            out.flush();
            return allValid ? VigilCli.OK : VigilCli.FINDING_OR_INVALID;
        }
    }
}
