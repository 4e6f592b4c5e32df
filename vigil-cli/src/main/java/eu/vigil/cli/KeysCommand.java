package eu.vigil.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import eu.vigil.keys.KeyRotation;
import eu.vigil.keys.SigningKeys;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "keys", mixinStandardHelpOptions = true,
        description = "The key hierarchy: rotate the key-encryption key, show status, export public keys.",
        subcommands = {KeysCommand.Rotate.class, KeysCommand.RotateMaster.class, KeysCommand.Status.class,
                KeysCommand.PublicKeys.class})
final class KeysCommand {

    static final class Store {
        @Option(names = "--data", paramLabel = "DIR", defaultValue = "${env:VIGIL_DATA:-data}",
                description = "Data folder. Default: ${DEFAULT-VALUE}.")
        Path data;

        @Option(names = "--db-url", paramLabel = "JDBC_URL", defaultValue = "${env:VIGIL_DB_URL}",
                description = "PostgreSQL database instead of the data folder's H2 file.")
        String databaseUrl;

        @Option(names = "--passphrase-file", paramLabel = "FILE", description = "File holding the master passphrase.")
        Path passphraseFile;

        ConfigurableApplicationContext open() {
            return OfflineVigil.open(data, databaseUrl, passphraseFile);
        }
    }

    abstract static class KeysTask implements Callable<Integer> {
        @Mixin
        Store store;

        abstract void run(ConfigurableApplicationContext vigil);

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext vigil = store.open()) {
                run(vigil);
                return VigilCli.OK;
            } catch (OfflineVigil.Refused e) {
                JsonLines.print(OfflineVigil.STDOUT, JsonLines.error(e.getMessage()));
                return VigilCli.FINDING_OR_INVALID;
            }
        }
    }

    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = "Make a new key-encryption key and re-wrap every data and signing key under it "
                    + "(data is not re-encrypted). Safe to interrupt; --resume finishes an interrupted rotation.")
    static final class Rotate extends KeysTask {
        @Option(names = "--resume", description = "Finish an interrupted rotation without making a new key.")
        boolean resume;

        @Override
        void run(ConfigurableApplicationContext vigil) {
            KeyRotation rotation = vigil.getBean(KeyRotation.class);
            JsonLines.print(OfflineVigil.STDOUT, JsonLines.of(resume ? rotation.resume() : rotation.rotate()));
        }
    }

    @Command(name = "rotate-master", mixinStandardHelpOptions = true,
            description = "Replace the master key: a new key store under a new passphrase, every key-encryption key "
                    + "re-wrapped under it (offline; data and data keys untouched). Opens with the current passphrase "
                    + "(VIGIL_MASTER_PASSPHRASE, --passphrase-file or the generated file). Crash-safe: afterwards either "
                    + "the old key store with the old passphrase or the new one with the new passphrase opens Vigil.")
    static final class RotateMaster implements Callable<Integer> {
        @Mixin
        Store store;

        @Option(names = "--new-passphrase-file", paramLabel = "FILE", required = true,
                description = "File holding the new master passphrase (at least 16 characters).")
        Path newPassphraseFile;

        @Override
        public Integer call() {
            char[] passphrase;
            try {
                passphrase = java.nio.file.Files.readString(newPassphraseFile).strip().toCharArray();
            } catch (java.io.IOException e) {
                JsonLines.print(OfflineVigil.STDOUT, JsonLines.error("cannot read " + newPassphraseFile + ": " + e));
                return VigilCli.FINDING_OR_INVALID;
            }
            if (passphrase.length < 16) {
                JsonLines.print(OfflineVigil.STDOUT, JsonLines.error("the new master passphrase in " + newPassphraseFile
                        + " has " + passphrase.length + " characters; at least 16 are needed"));
                return VigilCli.FINDING_OR_INVALID;
            }
            try (ConfigurableApplicationContext vigil = store.open()) {
                JsonLines.print(OfflineVigil.STDOUT, JsonLines.of(vigil.getBean(eu.vigil.keys.MasterKeyRotation.class)
                        .rotate(passphrase)));
                return VigilCli.OK;
            } catch (OfflineVigil.Refused | IllegalStateException | IllegalArgumentException e) {
                JsonLines.print(OfflineVigil.STDOUT, JsonLines.error(e.getMessage()));
                return VigilCli.FINDING_OR_INVALID;
            } finally {
                java.util.Arrays.fill(passphrase, '\0');
            }
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Show the active KEK and how many keys are behind.")
    static final class Status extends KeysTask {
        @Override
        void run(ConfigurableApplicationContext vigil) {
            JsonLines.print(OfflineVigil.STDOUT, JsonLines.of(vigil.getBean(KeyRotation.class).status()));
        }
    }

    @Command(name = "public-keys", mixinStandardHelpOptions = true, description = "Export the signing keys' public parts as PEM.")
    static final class PublicKeys extends KeysTask {
        @Override
        void run(ConfigurableApplicationContext vigil) {
            for (SigningKeys.PublicKeyInfo key : vigil.getBean(SigningKeys.class).publicKeys()) {
                Map<String, Object> line = new LinkedHashMap<>(JsonLines.of(key));
                JsonLines.print(OfflineVigil.STDOUT, line);
            }
        }
    }
}
