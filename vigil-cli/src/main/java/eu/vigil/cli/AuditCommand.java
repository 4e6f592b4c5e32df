package eu.vigil.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import eu.vigil.audit.AuditIntegrity;
import eu.vigil.audit.ChainVerification;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "The audit trail: verify its hash chain and signed checkpoints.",
        subcommands = AuditCommand.Verify.class)
final class AuditCommand {

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Verify the whole chain offline; prints the result, exit 1 and the first broken entry when it is not intact.")
    static final class Verify implements Callable<Integer> {

        @Option(names = "--data", paramLabel = "DIR", defaultValue = "${env:VIGIL_DATA:-data}",
                description = "Data folder. Default: ${DEFAULT-VALUE}.")
        Path data;

        @Option(names = "--db-url", paramLabel = "JDBC_URL", defaultValue = "${env:VIGIL_DB_URL}",
                description = "PostgreSQL database instead of the data folder's H2 file.")
        String databaseUrl;

        @Option(names = "--passphrase-file", paramLabel = "FILE", description = "File holding the master passphrase.")
        Path passphraseFile;

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext vigil = OfflineVigil.open(data, databaseUrl, passphraseFile)) {
                ChainVerification result = vigil.getBean(AuditIntegrity.class).verify();
                JsonLines.print(OfflineVigil.STDOUT, JsonLines.of(result));
                return result.intact() ? VigilCli.OK : VigilCli.FINDING_OR_INVALID;
            } catch (OfflineVigil.Refused e) {
                JsonLines.print(OfflineVigil.STDOUT, JsonLines.error(e.getMessage()));
                return VigilCli.FINDING_OR_INVALID;
            }
        }
    }
}
