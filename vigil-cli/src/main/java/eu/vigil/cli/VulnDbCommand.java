package eu.vigil.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import eu.vigil.vulndb.internal.FeedImporter;
import eu.vigil.vulndb.internal.FeedSource;
import eu.vigil.vulndb.internal.ImportRun;
import eu.vigil.vulndb.internal.ImportRuns;
import eu.vigil.vulndb.internal.InvalidImport;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "vulndb", mixinStandardHelpOptions = true,
        description = "The vulnerability knowledge base: import feeds offline.",
        subcommands = VulnDbCommand.Import.class)
final class VulnDbCommand {

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Import OSV (zips, folders, JSON), NVD CVE API 2.0 JSON or CSAF 2.0 advisories into the "
                    + "data folder, with the server stopped. Incremental: records not newer than the stored ones are "
                    + "left alone. One run per PATH, one JSON line per run; an import of the same PATH that was "
                    + "interrupted continues where it stopped. Exit 1 when a record was bad or a run failed."})
    static final class Import implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        DataOptions dataOptions;

        @Option(names = "--passphrase-file", paramLabel = "FILE", description = "File holding the master passphrase.")
        Path passphraseFile;

        @Option(names = "--source", required = true, paramLabel = "osv|nvd|csaf", description = "The feed's format.")
        String source;

        @Option(names = "--format", paramLabel = "json|text", defaultValue = "json",
                description = "Output: one JSON object per run (default), or text.")
        String format;

        @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files, zips or folders to import.")
        List<Path> paths;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut(); // before the offline context points System.out at stderr
            FeedSource feed;
            try {
                feed = FeedSource.parse(source);
            } catch (InvalidImport e) {
                print(out, false, JsonLines.error("--source " + e.getMessage()));
                return VigilCli.USAGE;
            }
            boolean text = "text".equalsIgnoreCase(format);
            String user = "cli:" + System.getProperty("user.name", "unknown");
            int status = VigilCli.OK;
            try (ConfigurableApplicationContext vigil = OfflineVigil.open(dataOptions.data, dataOptions.databaseUrl,
                    passphraseFile)) {
                FeedImporter importer = vigil.getBean(FeedImporter.class);
                ImportRuns runs = vigil.getBean(ImportRuns.class);
                boolean progress = stderrIsTerminal();
                for (Path path : paths) {
                    ImportRun run;
                    long resumedFrom = 0;
                    try {
                        var unfinished = importer.unfinished(feed, List.of(path));
                        if (unfinished.isPresent()) {
                            run = unfinished.get();
                            resumedFrom = run.cursor();
                        } else {
                            run = importer.queuePaths(feed, List.of(path), null, user);
                        }
                    } catch (InvalidImport e) {
                        print(out, text, Map.of("path", path.toString(), "error", e.getMessage()));
                        status = VigilCli.FINDING_OR_INVALID;
                        continue;
                    }
                    String label = path.getFileName() == null ? path.toString() : path.getFileName().toString();
                    ImportRun done = importer.run(run, n -> {
                        if (progress) {
                            System.err.print("\r" + label + ": " + n + " items");
                        }
                    }).orElse(null);
                    if (progress) {
                        System.err.println();
                    }
                    if (done == null) {
                        print(out, text, Map.of("path", path.toString(), "error",
                                "another process took this import run over; it continues there"));
                        status = VigilCli.FINDING_OR_INVALID;
                        continue;
                    }
                    Map<String, Object> line = new LinkedHashMap<>();
                    line.put("run", done.id());
                    line.put("path", path.toString());
                    line.put("source", feed.label());
                    line.put("state", done.state().name());
                    if (resumedFrom > 0) {
                        line.put("resumedFrom", resumedFrom);
                    }
                    line.put("read", done.read());
                    line.put("added", done.added());
                    line.put("updated", done.updated());
                    line.put("unchanged", done.unchanged());
                    line.put("failed", done.failed());
                    if (done.message() != null) {
                        line.put("message", done.message());
                    }
                    if (done.failed() > 0) {
                        line.put("badRecords", runs.problems(done.id(), 0, 100).stream()
                                .map(p -> { Map<String, String> m = new LinkedHashMap<>(); m.put("ref", p.ref()); m.put("message", p.message()); return m; }).toList());
                    }
                    print(out, text, line);
                    if (done.failed() > 0 || done.state() != ImportRun.State.DONE) {
                        status = VigilCli.FINDING_OR_INVALID;
                    }
                }
            } catch (OfflineVigil.Refused e) {
                print(out, false, JsonLines.error(e.getMessage()));
                return VigilCli.FINDING_OR_INVALID;
            }
            return status;
        }

        private static void print(PrintWriter out, boolean text, Map<String, ?> line) {
            if (!text) {
                try {
                    out.println(JSON.writeValueAsString(line));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
                out.flush();
                return;
            }
            if (line.containsKey("error")) {
                out.println(line.get("path") + ": " + line.get("error"));
                return;
            }
            out.printf("%s (%s): %s, %s read, %s added, %s updated, %s unchanged, %s bad%n", line.get("path"),
                    line.get("source"), line.get("state"), line.get("read"), line.get("added"), line.get("updated"),
                    line.get("unchanged"), line.get("failed"));
            if (line.get("badRecords") instanceof List<?> bad) {
                for (Object b : bad) {
                    Map<?, ?> p = (Map<?, ?>) b;
                    out.println("  " + p.get("ref") + ": " + p.get("message"));
                }
            }
            out.flush();
        }

        private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

        /** Progress is for people: only when the console is a terminal (JDK 22+ can tell). */
        private static boolean stderrIsTerminal() {
            Console console = System.console();
            if (console == null) {
                return false;
            }
            try {
                return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
            } catch (ReflectiveOperationException e) {
                return true;
            }
        }
    }
}
