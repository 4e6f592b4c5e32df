package eu.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SigningCommandsTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    @ParameterizedTest
    @ValueSource(strings = {"ed25519", "p256"})
    void keygenSignAndVerifyRoundTrip(String algorithm) throws Exception {
        Path prefix = folder.resolve("release");
        CommandRun keygen = CommandRun.with(new KeygenCommand(), "--algorithm", algorithm, "--out", prefix.toString());
        assertThat(keygen.status()).isZero();
        JsonNode generated = JSON.readTree(keygen.out());
        assertThat(generated.get("algorithm").asText()).isEqualTo(algorithm);
        assertThat(generated.get("fingerprint").asText()).hasSize(64);
        Path privateKey = Path.of(generated.get("privateKey").asText());
        Path publicKey = Path.of(generated.get("publicKey").asText());
        assertThat(privateKey).isEqualTo(folder.resolve("release.key"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(privateKey))).isEqualTo("rw-------");
        assertThat(Files.readString(publicKey)).startsWith("-----BEGIN PUBLIC KEY-----");

        Path file = data("firmware.bin", 200_000);
        CommandRun sign = CommandRun.with(new SignCommand(), "--key", privateKey.toString(), file.toString());
        assertThat(sign.status()).isZero();
        JsonNode signed = JSON.readTree(sign.out());
        assertThat(signed.get("signature").asText()).isEqualTo(file + ".sig");
        assertThat(signed.get("algorithm").asText()).isEqualTo(algorithm);

        CommandRun verify = verify(publicKey, Path.of(file + ".sig"), file);
        assertThat(verify.status()).isZero();
        assertThat(verify.out()).isEqualTo("{\"file\":\"" + file + "\",\"valid\":true,\"algorithm\":\"" + algorithm + "\"}\n");
    }

    @Test
    void verifyRejectsTamperedFilesAndSignaturesAndOtherKeys() throws Exception {
        Path prefix = folder.resolve("k");
        CommandRun.with(new KeygenCommand(), "--out", prefix.toString());
        Path file = data("a.bin", 1000);
        Path signature = folder.resolve("a.signature");
        assertThat(CommandRun.with(new SignCommand(), "--key", prefix + ".key", "--out", signature.toString(),
                file.toString()).status()).isZero();
        assertThat(verify(Path.of(prefix + ".pub"), signature, file).status()).isZero();

        byte[] tampered = Files.readAllBytes(file);
        tampered[10] ^= 1;
        Path tamperedFile = Files.write(folder.resolve("b.bin"), tampered);
        CommandRun rejected = verify(Path.of(prefix + ".pub"), signature, tamperedFile);
        assertThat(rejected.status()).isEqualTo(1);
        assertThat(JSON.readTree(rejected.out()).get("valid").asBoolean()).isFalse();
        assertThat(JSON.readTree(rejected.out()).get("algorithm").asText()).isEqualTo("ed25519");

        byte[] badSignature = Files.readAllBytes(signature);
        badSignature[40] ^= 4;
        assertThat(verify(Path.of(prefix + ".pub"), Files.write(folder.resolve("bad.sig"), badSignature), file).status())
                .isEqualTo(1);

        CommandRun.with(new KeygenCommand(), "--out", folder.resolve("other").toString());
        assertThat(verify(folder.resolve("other.pub"), signature, file).status()).isEqualTo(1);
    }

    @Test
    void keygenRefusesToOverwriteAndRejectsUnknownAlgorithms() throws Exception {
        Path prefix = folder.resolve("k");
        Files.writeString(folder.resolve("k.pub"), "mine");
        CommandRun refused = CommandRun.with(new KeygenCommand(), "--out", prefix.toString());
        assertThat(refused.status()).isEqualTo(1);
        assertThat(JSON.readTree(refused.out()).get("error").asText()).contains("refusing to overwrite").contains("k.pub");
        assertThat(Files.exists(folder.resolve("k.key"))).isFalse();
        assertThat(Files.readString(folder.resolve("k.pub"))).isEqualTo("mine");

        CommandRun usage = CommandRun.with(new KeygenCommand(), "--algorithm", "rsa", "--out", folder.resolve("x").toString());
        assertThat(usage.status()).isEqualTo(2);
        assertThat(usage.err()).contains("unknown algorithm 'rsa'");
    }

    @Test
    void reportsMissingAndInvalidInputsAsJson() throws Exception {
        Path file = data("c.bin", 10);
        CommandRun missingKey = CommandRun.with(new SignCommand(), "--key", folder.resolve("none.key").toString(), file.toString());
        assertThat(missingKey.status()).isEqualTo(1);
        assertThat(JSON.readTree(missingKey.out()).get("error").asText()).contains("none.key");

        Path notAKey = Files.writeString(folder.resolve("bad.pub"), "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n");
        CommandRun badKey = verify(notAKey, file, file);
        assertThat(badKey.status()).isEqualTo(1);
        assertThat(JSON.readTree(badKey.out()).get("error").asText()).contains("not a valid public key");

        assertThat(CommandRun.with(new VerifyCommand(), "--pub", notAKey.toString(), file.toString()).status()).isEqualTo(2);
    }

    @Test
    void interoperatesWithOpenSslThroughTheCommands() throws Exception {
        Assumptions.assumeTrue(openSslPresent(), "openssl not found on PATH: command interoperability not tested");
        Path file = data("package.tar", 123_457);
        for (String algorithm : List.of("ed25519", "p256")) {
            Path prefix = folder.resolve("vigil-" + algorithm);
            CommandRun.with(new KeygenCommand(), "--algorithm", algorithm, "--out", prefix.toString());
            Path ours = folder.resolve(algorithm + ".vigil.sig");
            CommandRun.with(new SignCommand(), "--key", prefix + ".key", "--out", ours.toString(), file.toString());
            String verifiedByOpenSsl = algorithm.equals("ed25519")
                    ? openssl("pkeyutl", "-verify", "-pubin", "-inkey", prefix + ".pub", "-rawin", "-in", file.toString(),
                            "-sigfile", ours.toString())
                    : openssl("dgst", "-sha256", "-verify", prefix + ".pub", "-signature", ours.toString(), file.toString());
            assertThat(verifiedByOpenSsl).containsAnyOf("Signature Verified Successfully", "Verified OK");

            Path theirs = folder.resolve(algorithm + ".openssl.sig");
            if (algorithm.equals("ed25519")) {
                openssl("pkeyutl", "-sign", "-inkey", prefix + ".key", "-rawin", "-in", file.toString(), "-out", theirs.toString());
            } else {
                openssl("dgst", "-sha256", "-sign", prefix + ".key", "-out", theirs.toString(), file.toString());
            }
            assertThat(verify(Path.of(prefix + ".pub"), theirs, file).status()).as(algorithm).isZero();
        }
    }

    private CommandRun verify(Path publicKey, Path signature, Path file) {
        return CommandRun.with(new VerifyCommand(), "--pub", publicKey.toString(), "--sig", signature.toString(), file.toString());
    }

    private Path data(String name, int size) throws IOException {
        byte[] bytes = new byte[size];
        new SplittableRandom(size).nextBytes(bytes);
        return Files.write(folder.resolve(name), bytes);
    }

    private static boolean openSslPresent() {
        try {
            return new ProcessBuilder("openssl", "version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static String openssl(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        return output;
    }
}
