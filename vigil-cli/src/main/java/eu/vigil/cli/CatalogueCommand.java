package eu.vigil.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import eu.vigil.core.catalogue.Catalogue;
import eu.vigil.core.catalogue.CatalogueProblem;
import eu.vigil.core.catalogue.CatalogueReader;
import eu.vigil.core.catalogue.CatalogueSet;
import eu.vigil.core.catalogue.CatalogueSource;
import eu.vigil.core.catalogue.InvalidCatalogueException;
import eu.vigil.core.catalogue.Requirement;
import eu.vigil.core.catalogue.ShippedCatalogues;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "catalogue", mixinStandardHelpOptions = true,
        description = {
                "Browse the requirement catalogues shipped with Vigil (NIS2 Art. 20/21/23, Implementing Regulation "
                        + "(EU) 2024/2690, CRA Annex I, ETSI EN 303 645) and check catalogue files.",
                "Output is JSON, one object per line. Exit status: 0 success, 1 unknown id or invalid file, "
                        + "2 usage error."},
        subcommands = {CatalogueCommand.ListCommand.class, CatalogueCommand.ShowCommand.class,
                CatalogueCommand.ValidateCommand.class})
final class CatalogueCommand implements Callable<Integer> {

    static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: list, show or validate");
    }

    private static void print(PrintWriter out, Object value) throws JsonProcessingException {
        out.println(JSON.writeValueAsString(value));
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the shipped catalogues: id, version, title, source and requirement counts.")
    static final class ListCommand implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws JsonProcessingException {
            PrintWriter out = spec.commandLine().getOut();
            for (Catalogue catalogue : ShippedCatalogues.load().catalogues()) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("id", catalogue.id());
                line.put("version", catalogue.version());
                line.put("title", catalogue.title());
                line.put("source", catalogue.source());
                line.put("requirements", catalogue.requirements().size());
                line.put("assessable", catalogue.assessableCount());
                print(out, line);
            }
            out.flush();
            return VigilCli.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = {"Show a catalogue (one requirement per line) or a single requirement.",
                    "A single requirement also lists its equivalents in both directions and the requirements "
                            + "of other catalogues that detail it."})
    static final class ShowCommand implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ID", description = "A catalogue id (e.g. ir2690) or a requirement id "
                + "(e.g. ir2690.6.10.2.e).")
        String id;

        @Override
        public Integer call() throws JsonProcessingException {
            PrintWriter out = spec.commandLine().getOut();
            CatalogueSet catalogues = ShippedCatalogues.load();
            Optional<Catalogue> catalogue = catalogues.catalogue(id);
            if (catalogue.isPresent()) {
                for (Requirement requirement : catalogue.get().requirements()) {
                    print(out, requirement);
                }
            } else if (catalogues.requirement(id).isPresent()) {
                Requirement requirement = catalogues.requirement(id).get();
                ObjectNode line = JSON.valueToTree(requirement);
                line.put("catalogue", catalogues.catalogueOf(id).map(Catalogue::id).orElse(null));
                line.putPOJO("equivalentRequirements", catalogues.equivalentsOf(id).stream().map(Requirement::id).toList());
                line.putPOJO("detailedBy", catalogues.detailedBy(id).stream().map(Requirement::id).toList());
                print(out, line);
            } else {
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("error", "unknown catalogue or requirement");
                error.put("id", id);
                error.put("catalogues", catalogues.catalogues().stream().map(Catalogue::id).toList());
                print(out, error);
                out.flush();
                return VigilCli.FINDING_OR_INVALID;
            }
            out.flush();
            return VigilCli.OK;
        }
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = {"Check a catalogue file: JSON syntax, fields, duplicate ids, parents, areas, ISO/IEC 27001 "
                    + "controls and references to the shipped catalogues.",
                    "Prints one JSON object; an invalid file lists every problem with its line and JSON path."})
    static final class ValidateCommand implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "Catalogue file (JSON).")
        Path file;

        @Override
        public Integer call() throws JsonProcessingException {
            PrintWriter out = spec.commandLine().getOut();
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("file", file.toString());
            try {
                byte[] content;
                try (InputStream in = Files.newInputStream(file)) {
                    content = in.readNBytes(CatalogueReader.MAX_BYTES + 1);
                }
                Catalogue catalogue = new CatalogueReader().read(new CatalogueSource(file.toString(), content),
                        ShippedCatalogues.load());
                result.put("valid", true);
                result.put("catalogue", catalogue.id());
                result.put("version", catalogue.version());
                result.put("requirements", catalogue.requirements().size());
                result.put("assessable", catalogue.assessableCount());
                print(out, result);
                out.flush();
                return VigilCli.OK;
            } catch (IOException e) {
                result.put("valid", false);
                result.put("problems", List.of(new CatalogueProblem(file.toString(), 0, 0, "$",
                        "cannot read the file: " + e.getMessage())));
            } catch (InvalidCatalogueException e) {
                result.put("valid", false);
                result.put("problems", e.problems());
            }
            print(out, result);
            out.flush();
            return VigilCli.FINDING_OR_INVALID;
        }
    }
}
