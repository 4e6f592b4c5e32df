package eu.vigil.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import eu.vigil.backup.ArchiveCheck;
import eu.vigil.backup.BackupArchives;
import eu.vigil.backup.Backups;
import eu.vigil.backup.InvalidArchiveException;
import eu.vigil.backup.RestoreReport;
import eu.vigil.keys.MasterKeyUnavailableException;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Encrypted, signed backups: create, verify without restoring, restore into an empty data folder.",
        subcommands = {BackupCommand.Create.class, BackupCommand.Verify.class, BackupCommand.Restore.class})
final class BackupCommand {

    /** The master passphrase: VIGIL_MASTER_PASSPHRASE, else --passphrase-file, else DIR/keys/master.passphrase. */
    static char[] passphrase(Path passphraseFile, Path data) {
        String fromEnvironment = System.getenv("VIGIL_MASTER_PASSPHRASE");
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return fromEnvironment.toCharArray();
        }
        Path file = passphraseFile != null ? passphraseFile
                : data == null ? null : data.resolve("keys/master.passphrase");
        if (file == null || !Files.exists(file)) {
            throw new OfflineVigil.Refused("no master passphrase: set VIGIL_MASTER_PASSPHRASE or give --passphrase-file");
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip().toCharArray();
        } catch (IOException e) {
            throw new OfflineVigil.Refused("cannot read the passphrase file " + file + ": " + e.getMessage());
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Write an encrypted archive of the database and the blob store to FILE (atomically).")
    static final class Create implements Callable<Integer> {
        @Option(names = "--out", paramLabel = "FILE", required = true, description = "Archive to write.")
        Path out;

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
                JsonLines.print(OfflineVigil.STDOUT, JsonLines.of(vigil.getBean(Backups.class).create(out)));
                return VigilCli.OK;
            } catch (OfflineVigil.Refused | java.io.UncheckedIOException e) {
                JsonLines.print(OfflineVigil.STDOUT, JsonLines.error(e.getMessage()));
                return VigilCli.FINDING_OR_INVALID;
            }
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check an archive end to end (decryption, every SHA-256, the signed manifest) without restoring.")
    static final class Verify implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "Archive to check.")
        Path archive;

        @Option(names = "--passphrase-file", paramLabel = "FILE", description = "File holding the master passphrase.")
        Path passphraseFile;

        @Option(names = "--data", paramLabel = "DIR", description = "Data folder whose generated passphrase file to use.")
        Path data;

        @Override
        public Integer call() {
            try {
                ArchiveCheck check = BackupArchives.verify(archive, passphrase(passphraseFile, data));
                JsonLines.print(System.out, JsonLines.of(check));
                return check.valid() ? VigilCli.OK : VigilCli.FINDING_OR_INVALID;
            } catch (OfflineVigil.Refused | MasterKeyUnavailableException | InvalidArchiveException e) {
                JsonLines.print(System.out, JsonLines.error(e.getMessage()));
                return VigilCli.FINDING_OR_INVALID;
            }
        }
    }

    @Command(name = "restore", mixinStandardHelpOptions = true,
            description = "Restore an archive into an empty data folder (and an empty database with --db-url). "
                    + "The archive is checked first; nothing is written when it does not check out.")
    static final class Restore implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "Archive to restore.")
        Path archive;

        @Option(names = "--data", paramLabel = "NEWDIR", required = true, description = "Empty data folder to restore into.")
        Path data;

        @Option(names = "--db-url", paramLabel = "JDBC_URL", description = "Empty PostgreSQL database to restore into "
                + "(user and password from VIGIL_DB_USER and VIGIL_DB_PASSWORD); default the H2 file in NEWDIR.")
        String databaseUrl;

        @Option(names = "--passphrase-file", paramLabel = "FILE", description = "File holding the master passphrase.")
        Path passphraseFile;

        @Override
        public Integer call() {
            try {
                RestoreReport report = BackupArchives.restore(archive, passphrase(passphraseFile, null), data, databaseUrl,
                        env("VIGIL_DB_USER", "vigil"), env("VIGIL_DB_PASSWORD", ""));
                JsonLines.print(System.out, JsonLines.of(report));
                return VigilCli.OK;
            } catch (OfflineVigil.Refused | MasterKeyUnavailableException | InvalidArchiveException e) {
                JsonLines.print(System.out, JsonLines.error(e.getMessage()));
                return VigilCli.FINDING_OR_INVALID;
            }
        }

        private static String env(String name, String fallback) {
            String value = System.getenv(name);
            return value == null ? fallback : value;
        }
    }
}
