package eu.vigil.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.vigil.core.InvalidInputException;
import eu.vigil.core.purl.PackageUrl;
import eu.vigil.core.sbom.Component;
import eu.vigil.core.sbom.Dependency;
import eu.vigil.core.sbom.Sbom;
import eu.vigil.core.sbom.SbomLimits;
import eu.vigil.core.sbom.SbomReader;
import eu.vigil.core.sbom.SchemaValidation;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "sbom", mixinStandardHelpOptions = true,
        description = "Work with SBOMs (CycloneDX 1.2-1.7 JSON/XML, SPDX 2.2/2.3 JSON/tag-value).",
        subcommands = {SbomCommand.Read.class, SbomCommand.Validate.class})
final class SbomCommand {

    @Command(name = "read", mixinStandardHelpOptions = true,
            description = {
                    "Read SBOMs into Vigil's component model and print it as JSON lines.",
                    "The format is detected from the content. Reads the files given, or one SBOM from standard "
                            + "input when there are none (or for '-').",
                    "Per SBOM: one {\"record\":\"sbom\",...} line, then one line per component and per dependency "
                            + "edge; {\"file\":...,\"error\":...} when it cannot be read (exit status 1)."})
    static final class Read implements Callable<Integer> {

        // absent values (null, empty lists and maps) are left out of the lines
        private static final ObjectMapper JSON = new ObjectMapper()
                .configure(JsonNodeFeature.WRITE_NULL_PROPERTIES, false);

        @Parameters(paramLabel = "FILE", arity = "0..*", description = "SBOM files; '-' for standard input.")
        List<String> files = new ArrayList<>();

        @Option(names = "--summary", description = "Print only the sbom line of each SBOM.")
        boolean summary;

        @Option(names = "--max-bytes", paramLabel = "N", defaultValue = "268435456",
                description = "Refuse SBOMs larger than N bytes. Default: ${DEFAULT-VALUE}.")
        long maxBytes;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            SbomReader reader = new SbomReader(SbomLimits.DEFAULT.withMaxBytes(maxBytes));
            List<String> inputs = files.isEmpty() ? List.of("-") : files;
            boolean allRead = true;
            int index = 0;
            for (String file : inputs) {
                index++;
                if (System.console() != null && inputs.size() > 1) {
                    spec.commandLine().getErr().printf("reading %s (%d/%d)%n", file, index, inputs.size());
                    spec.commandLine().getErr().flush();
                }
                Sbom sbom;
                try {
                    sbom = file.equals("-") ? reader.read(System.in) : reader.read(Path.of(file));
                } catch (InvalidInputException | IOException | UncheckedIOException e) {
                    out.println(JSON.writeValueAsString(JSON.createObjectNode().put("file", file)
                            .put("error", e.getMessage())));
                    allRead = false;
                    continue;
                }
                print(out, file, sbom);
            }
            out.flush();
            return allRead ? VigilCli.OK : VigilCli.FINDING_OR_INVALID;
        }

        private void print(PrintWriter out, String file, Sbom sbom) throws IOException {
            ObjectNode document = JSON.createObjectNode()
                    .put("record", "sbom")
                    .put("file", file)
                    .put("format", sbom.format().name())
                    .put("specVersion", sbom.specVersion())
                    .put("serialNumber", sbom.serialNumber())
                    .put("name", sbom.name())
                    .put("rootRef", sbom.rootRef())
                    .put("components", sbom.components().size())
                    .put("dependencies", sbom.dependencies().size());
            out.println(JSON.writeValueAsString(document));
            if (summary) {
                return;
            }
            for (Component component : sbom.components()) {
                out.println(JSON.writeValueAsString(component(component)));
            }
            for (Dependency dependency : sbom.dependencies()) {
                out.println(JSON.writeValueAsString(JSON.createObjectNode()
                        .put("record", "dependency")
                        .put("from", dependency.from())
                        .put("to", dependency.to())
                        .put("kind", dependency.kind().name())));
            }
        }

        private static ObjectNode component(Component component) {
            ObjectNode line = JSON.createObjectNode()
                    .put("record", "component")
                    .put("ref", component.ref())
                    .put("type", component.type())
                    .put("name", component.name())
                    .put("version", component.version())
                    .put("group", component.group())
                    .put("supplier", component.supplier())
                    .put("purl", component.purl());
            if (component.packageUrl() != null) {
                line.put("canonicalPurl", component.packageUrl().canonical());
            } else if (component.purl() != null) {
                line.put("purlError", purlError(component.purl()));
            }
            if (!component.cpes().isEmpty()) {
                line.set("cpes", JSON.valueToTree(component.cpes()));
            }
            if (!component.licenses().isEmpty()) {
                line.set("licenses", JSON.valueToTree(component.licenses()));
            }
            if (!component.hashes().isEmpty()) {
                line.set("hashes", JSON.valueToTree(component.hashes()));
            }
            line.put("parentRef", component.parentRef());
            line.put("scope", component.scope());
            return line;
        }

        private static String purlError(String purl) {
            try {
                PackageUrl.parse(purl);
                return null;
            } catch (InvalidInputException e) {
                return e.getMessage();
            }
        }
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = {
                    "Check CycloneDX 1.2-1.6 SBOMs against the official JSON or XML schema of their version.",
                    "Stricter than 'read': also checks what the component model does not use.",
                    "Prints {\"file\":...,\"valid\":true|false,\"violations\":[...]} per file; exit status 1 when "
                            + "any is invalid or cannot be read."})
    static final class Validate implements Callable<Integer> {

        private static final ObjectMapper JSON = new ObjectMapper();

        @Parameters(paramLabel = "FILE", arity = "1..*", description = "CycloneDX files.")
        List<Path> files = new ArrayList<>();

        @Option(names = "--max-bytes", paramLabel = "N", defaultValue = "268435456",
                description = "Refuse SBOMs larger than N bytes. Default: ${DEFAULT-VALUE}.")
        long maxBytes;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            quietSchemaValidatorWarnings();
            SchemaValidation validation = new SchemaValidation(new SbomReader(SbomLimits.DEFAULT.withMaxBytes(maxBytes)));
            boolean allValid = true;
            int index = 0;
            for (Path file : files) {
                index++;
                if (System.console() != null && files.size() > 1) {
                    spec.commandLine().getErr().printf("validating %s (%d/%d)%n", file, index, files.size());
                    spec.commandLine().getErr().flush();
                }
                ObjectNode line = JSON.createObjectNode().put("file", file.toString());
                try {
                    if (Files.size(file) > maxBytes) {
                        throw new InvalidInputException("the SBOM is larger than the limit of " + maxBytes + " bytes");
                    }
                    SchemaValidation.Result result = validation.validate(Files.readAllBytes(file));
                    line.put("format", result.sbom().format().name())
                            .put("specVersion", result.sbom().specVersion())
                            .put("valid", result.valid());
                    line.set("violations", JSON.valueToTree(result.violations()));
                    allValid &= result.valid();
                } catch (InvalidInputException | IOException | UncheckedIOException e) {
                    line.put("valid", false).put("error", e.getMessage());
                    allValid = false;
                }
                out.println(JSON.writeValueAsString(line));
            }
            out.flush();
            return allValid ? VigilCli.OK : VigilCli.FINDING_OR_INVALID;
        }

        /**
         * The JSON schema validator warns about the CycloneDX schemas' custom keywords; without a
         * Spring context logback's default appender would print that to stdout, among the JSON lines.
         */
        private static void quietSchemaValidatorWarnings() {
            if (LoggerFactory.getLogger("com.networknt") instanceof ch.qos.logback.classic.Logger logger) {
                logger.setLevel(ch.qos.logback.classic.Level.ERROR);
            }
        }
    }
}
