package eu.vigil.keys.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import eu.vigil.keys.MasterKeyUnavailableException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

/**
 * The master key in an HSM through SunPKCS11, against SoftHSM 2 (Debian {@code softhsm2}, default
 * token folder); skipped with a message where it is not installed or cannot make a token.
 */
class Pkcs11MasterKeyIT {

    private static final Path LIBRARY = Path.of("/usr/lib/softhsm/libsofthsm2.so");

    @TempDir
    Path work;

    private static String softhsm(String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = "softhsm2-util";
        System.arraycopy(args, 0, command, 1, args.length);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor(30, TimeUnit.SECONDS);
        return process.exitValue() == 0 ? output : null;
    }

    @Test
    void keepsTheMasterKeyInTheTokenAcrossRestarts() throws Exception {
        Assumptions.assumeTrue(Files.exists(LIBRARY), "SoftHSM 2 not installed: PKCS#11 test skipped");
        String label = "vigil-" + UUID.randomUUID().toString().substring(0, 8);
        String output = softhsm("--init-token", "--free", "--label", label, "--pin", "1234", "--so-pin", "5678");
        Assumptions.assumeTrue(output != null, "softhsm2-util cannot make a token here: PKCS#11 test skipped");
        Matcher slot = Pattern.compile("slot (\\d+)").matcher(output);
        assertThat(slot.find()).as(output).isTrue();
        try {
            Path config = Files.writeString(work.resolve("pkcs11.cfg"),
                    "name = SoftHSM\nlibrary = " + LIBRARY + "\nslot = " + slot.group(1) + "\n");
            MockEnvironment environment = new MockEnvironment()
                    .withProperty(MasterKeyStore.PKCS11_CONFIG_PROPERTY, config.toString())
                    .withProperty(MasterKeyStore.PASSPHRASE_VARIABLE, "1234");

            MasterKey made = MasterKeyStore.open(environment, work, true);
            assertThat(made.location()).startsWith("pkcs11:");
            byte[] sealed = made.seal(new byte[] {7}, new byte[] {1, 2, 3});
            assertThat(work.resolve("keys/master.p12")).doesNotExist();

            MasterKey reopened = MasterKeyStore.open(environment, work, false);
            assertThat(reopened.open(new byte[] {7}, sealed)).containsExactly(1, 2, 3);

            MockEnvironment wrongPin = new MockEnvironment()
                    .withProperty(MasterKeyStore.PKCS11_CONFIG_PROPERTY, config.toString())
                    .withProperty(MasterKeyStore.PASSPHRASE_VARIABLE, "9999");
            assertThatThrownBy(() -> MasterKeyStore.open(wrongPin, work, false))
                    .isInstanceOf(MasterKeyUnavailableException.class).hasMessageContaining("has changed nothing");
        } finally {
            softhsm("--delete-token", "--token", label);
        }
    }

    @Test
    void refusesAnUnreadableConfigurationClearly() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty(MasterKeyStore.PKCS11_CONFIG_PROPERTY, work.resolve("missing.cfg").toString())
                .withProperty(MasterKeyStore.PASSPHRASE_VARIABLE, "1234");
        assertThatThrownBy(() -> MasterKeyStore.open(environment, work, true))
                .isInstanceOf(MasterKeyUnavailableException.class)
                .hasMessageContaining("PKCS#11").hasMessageContaining("has changed nothing");
    }
}
