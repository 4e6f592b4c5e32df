package eu.vigil.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.vigil.identity.FirstAdministrator;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "admin", mixinStandardHelpOptions = true, description = "Administration of an installation.",
        subcommands = AdminCommand.Bootstrap.class)
final class AdminCommand {

    @Command(name = "bootstrap", mixinStandardHelpOptions = true,
            description = "Create the first administrator of an empty installation without a browser. "
                    + "The authenticator app is set up at the first sign-in.")
    static final class Bootstrap implements Callable<Integer> {

        @Mixin
        DataOptions dataOptions;

        @Spec
        CommandSpec spec;

        private java.io.PrintWriter out;

        @Option(names = "--username", required = true, paramLabel = "NAME", description = "The administrator's user name.")
        String username;

        @Option(names = "--password-file", required = true, paramLabel = "FILE",
                description = "A file whose first line is the password (kept off the command line and shell history).")
        Path passwordFile;

        @Option(names = "--token-file", paramLabel = "FILE",
                description = "Also create an administrator API token and write it to this new file (mode 0600).")
        Path tokenFile;

        @Option(names = "--token-days", paramLabel = "DAYS", defaultValue = "90",
                description = "Validity of the API token in days. Default: ${DEFAULT-VALUE}.")
        int tokenDays;

        @Override
        public Integer call() throws IOException {
            out = spec.commandLine().getOut(); // before the offline context points System.out at stderr
            ObjectMapper json = new ObjectMapper();
            Map<String, Object> result = new LinkedHashMap<>();
            String password;
            try {
                password = Files.readAllLines(passwordFile, StandardCharsets.UTF_8).stream().findFirst().orElse("");
            } catch (IOException e) {
                return fail(json, "cannot read the password file " + passwordFile + ": " + e.getMessage());
            }
            if (tokenFile != null && Files.exists(tokenFile)) {
                return fail(json, "the token file " + tokenFile + " exists already; choose a new file");
            }
            if (tokenDays < 1 || tokenDays > 365) {
                return fail(json, "--token-days must be 1 to 365");
            }
            FirstAdministrator.Bootstrapped done;
            // no background work during a one-off set-up: the server chains and forwards the entry later
            try (ConfigurableApplicationContext context = OfflineVigil.openForSetUp(dataOptions.data, dataOptions.databaseUrl)) {
                done = context.getBean(FirstAdministrator.class).bootstrap(username, password, tokenFile != null,
                        Duration.ofDays(tokenDays));
            } catch (IllegalArgumentException | OfflineVigil.Refused e) {
                return fail(json, e.getMessage());
            } catch (RuntimeException e) {
                return fail(json, DataOptions.explain(e));
            }
            if (done.apiToken().isPresent()) {
                Files.createFile(tokenFile);
                if (Files.getFileStore(tokenFile).supportsFileAttributeView("posix")) {
                    Files.setPosixFilePermissions(tokenFile, PosixFilePermissions.fromString("rw-------"));
                }
                Files.writeString(tokenFile, done.apiToken().get() + "\n", StandardOpenOption.TRUNCATE_EXISTING);
                result.put("tokenFile", tokenFile.toString());
            }
            result.put("username", done.username());
            result.put("created", true);
            out.println(json.writeValueAsString(result));
            out.flush();
            return VigilCli.OK;
        }

        private int fail(ObjectMapper json, String message) throws IOException {
            out.println(json.writeValueAsString(Map.of("error", message)));
            out.flush();
            return VigilCli.FINDING_OR_INVALID;
        }
    }
}
