package eu.vigil.keys.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import eu.vigil.keys.MasterKeyUnavailableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

class MasterKeyStoreTests {

    @TempDir
    Path data;

    @Test
    void generatesAPassphraseOnlyTheOwnerCanReadOnFirstStart() throws IOException {
        MasterKey key = MasterKeyStore.open(new MockEnvironment(), data, true);
        Path passphrase = data.resolve("keys/master.passphrase");
        assertThat(passphrase).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passphrase))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("keys/master.p12"))))
                .isEqualTo("rw-------");
        byte[] sealed = key.seal(new byte[] {1}, new byte[] {42});
        MasterKey again = MasterKeyStore.open(new MockEnvironment(), data, false);
        assertThat(again.open(new byte[] {1}, sealed)).containsExactly(42);
    }

    @Test
    void takesThePassphraseFromTheEnvironmentAndGeneratesNoFile() {
        MockEnvironment environment = new MockEnvironment().withProperty("VIGIL_MASTER_PASSPHRASE", "correct horse battery");
        MasterKeyStore.open(environment, data, true);
        assertThat(data.resolve("keys/master.passphrase")).doesNotExist();
        assertThat(MasterKeyStore.open(environment, data, false).alias()).isEqualTo(MasterKeyStore.ALIAS);
    }

    @Test
    void refusesAWrongPassphraseClearlyAndChangesNothing() throws IOException {
        Path passphraseFile = data.resolve("secret");
        Files.writeString(passphraseFile, "the right one\n");
        MasterKeyStore.open(new MockEnvironment().withProperty("vigil.keys.passphrase-file", passphraseFile.toString()),
                data, true);
        byte[] before = Files.readAllBytes(data.resolve("keys/master.p12"));
        MockEnvironment wrong = new MockEnvironment().withProperty("VIGIL_MASTER_PASSPHRASE", "a wrong one");

        assertThatThrownBy(() -> MasterKeyStore.open(wrong, data, true))
                .isInstanceOf(MasterKeyUnavailableException.class)
                .hasMessageContaining("the master passphrase does not open")
                .hasMessageContaining("has changed nothing");
        assertThat(Files.readAllBytes(data.resolve("keys/master.p12"))).isEqualTo(before);
        try (var files = Files.list(data.resolve("keys"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("master.p12");
        }
    }

    @Test
    void refusesAnEmptyPassphraseFile() throws IOException {
        Path passphraseFile = Files.writeString(data.resolve("empty"), "\n");
        assertThatThrownBy(() -> MasterKeyStore.open(
                new MockEnvironment().withProperty("vigil.keys.passphrase-file", passphraseFile.toString()), data, true))
                .isInstanceOf(MasterKeyUnavailableException.class).hasMessageContaining("is empty");
    }
}
