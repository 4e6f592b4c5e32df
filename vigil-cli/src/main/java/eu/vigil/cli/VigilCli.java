package eu.vigil.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code vigil} command. Machine output is one JSON object per line on stdout (or human text
 * with {@code --format text} where a command offers it); exit status 0 success, 1 a finding or
 * invalid input, 2 a usage error.
 */
@Command(name = "vigil",
        mixinStandardHelpOptions = true,
        versionProvider = VigilCli.Version.class,
        description = "Vigil: run and prove a NIS2 / Cyber Resilience Act security programme.",
        subcommands = {
                ServeCommand.class,
                AdminCommand.class,
                ScopeCommand.class,
                CatalogueCommand.class,
                PurlCommand.class,
                SbomCommand.class,
                UploadSbomCommand.class,
                VersionCommand.class,
                OsvCommand.class,
                ScanCommand.class,
                CvssCommand.class,
                KeygenCommand.class,
                SignCommand.class,
                VerifyCommand.class,
                KeysCommand.class,
                AuditCommand.class,
                BackupCommand.class,
                VulnDbCommand.class,
                CommandLine.HelpCommand.class
        })
public final class VigilCli {

    public static final int OK = 0;
    public static final int FINDING_OR_INVALID = 1;
    public static final int USAGE = 2;

    public static void main(String[] args) {
        int status = args.length > 0 && "verify".equals(args[0])
                ? verifyOnly(java.util.Arrays.copyOfRange(args, 1, args.length))
                : run(args);
        if (status != OK || !ServeCommand.isServing()) {
            System.exit(status);
        }
    }

    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /**
     * {@code vigil verify} without building the whole command tree: verifying a release in a
     * pipeline is timed against openssl, and the tree costs a fifth of a second of start-up.
     */
    static int verifyOnly(String... args) {
        return new CommandLine(new VerifyCommand()).setCommandName("vigil verify").execute(args);
    }

    public static CommandLine commandLine() {
        // picocli's defaults already match ours: 2 for invalid input, 1 for an execution failure
        return new CommandLine(new VigilCli());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = VigilCli.class.getPackage().getImplementationVersion();
            return new String[] {"vigil " + (version == null ? "development build" : version)};
        }
    }
}
