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
        subcommands = {KeysCommand.Rotate.class, KeysCommand.Status.class, KeysCommand.PublicKeys.class})
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
