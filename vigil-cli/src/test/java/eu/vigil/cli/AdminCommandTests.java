package eu.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminCommandTests {

    @TempDir
    Path folder;

    @Test
    void bootstrapsTheFirstAdministratorOnceWithAnApiToken() throws Exception {
        Path data = folder.resolve("data");
        Path password = Files.writeString(folder.resolve("pw"), "quiet-lantern-orbit-mosaic-17\n");
        Path token = folder.resolve("admin.token");

        CommandRun first = CommandRun.of("admin", "bootstrap", "--data", data.toString(), "--username", "admin",
                "--password-file", password.toString(), "--token-file", token.toString());
        assertThat(first.status()).as(first.out() + first.err()).isZero();
        assertThat(Files.readString(token)).startsWith("vgl_");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(token))).isEqualTo("rw-------");

        CommandRun again = CommandRun.of("admin", "bootstrap", "--data", data.toString(), "--username", "other",
                "--password-file", password.toString());
        assertThat(again.status()).isEqualTo(1);
        assertThat(again.out()).contains("already has users");
    }

    @Test
    void refusesAWeakPasswordAndCreatesNothing() throws Exception {
        Path data = folder.resolve("weak");
        Path password = Files.writeString(folder.resolve("weak-pw"), "password1234\n");
        CommandRun run = CommandRun.of("admin", "bootstrap", "--data", data.toString(), "--username", "admin",
                "--password-file", password.toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).contains("common or leaked");
    }
}
