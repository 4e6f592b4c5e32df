package eu.vigil.core.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signatures and keys exchanged with the real openssl binary, both ways, both algorithms. */
class OpenSslInteropTests {

    @TempDir
    Path folder;

    private Path data;

    @BeforeAll
    static void requireOpenSsl() {
        boolean present;
        try {
            present = new ProcessBuilder("openssl", "version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            present = false;
        }
        Assumptions.assumeTrue(present, "openssl not found on PATH: interoperability with openssl not tested");
    }

    @Test
    void openSslVerifiesOurEd25519Signatures() throws Exception {
        SigningKey key = SigningKey.generate(SignatureAlgorithm.ED25519);
        Path publicKey = Files.writeString(folder.resolve("ours.pub"), key.verificationKey().toPem());
        Path signature = Files.write(folder.resolve("ours.sig"), key.sign(data()));
        assertThat(openssl("pkeyutl", "-verify", "-pubin", "-inkey", publicKey, "-rawin", "-in", data(),
                "-sigfile", signature)).contains("Signature Verified Successfully");

        byte[] tampered = Files.readAllBytes(signature);
        tampered[5] ^= 1;
        Files.write(signature, tampered);
        assertThat(opensslStatus("pkeyutl", "-verify", "-pubin", "-inkey", publicKey, "-rawin", "-in", data(),
                "-sigfile", signature)).isNotZero();
    }

    @Test
    void weVerifyOpenSslEd25519SignaturesAndReadItsKeys() throws Exception {
        Path privateKey = folder.resolve("theirs.key");
        openssl("genpkey", "-algorithm", "ed25519", "-out", privateKey);
        Path publicKey = folder.resolve("theirs.pub");
        openssl("pkey", "-in", privateKey, "-pubout", "-out", publicKey);
        Path signature = folder.resolve("theirs.sig");
        openssl("pkeyutl", "-sign", "-inkey", privateKey, "-rawin", "-in", data(), "-out", signature);

        VerificationKey verificationKey = VerificationKey.fromPem(Files.readString(publicKey));
        assertThat(verificationKey.verify(data(), Files.readAllBytes(signature))).isTrue();
        SigningKey signingKey = SigningKey.fromPem(Files.readString(privateKey));
        assertThat(signingKey.verificationKey()).isEqualTo(verificationKey);
        // PureEdDSA is deterministic: the same key signs the same bytes identically
        assertThat(signingKey.sign(data())).isEqualTo(Files.readAllBytes(signature));
        assertThat(signingKey.toPem()).isEqualTo(Files.readString(privateKey));
        assertThat(verificationKey.toPem()).isEqualTo(Files.readString(publicKey));
    }

    @Test
    void openSslVerifiesOurP256Signatures() throws Exception {
        SigningKey key = SigningKey.generate(SignatureAlgorithm.P256);
        Path publicKey = Files.writeString(folder.resolve("ours.pub"), key.verificationKey().toPem());
        Path signature = Files.write(folder.resolve("ours.sig"), key.sign(data()));
        assertThat(openssl("dgst", "-sha256", "-verify", publicKey, "-signature", signature, data()))
                .contains("Verified OK");
        Path privateKey = Files.writeString(folder.resolve("ours.key"), key.toPem());
        assertThat(openssl("pkey", "-in", privateKey, "-pubout")).isEqualTo(key.verificationKey().toPem());

        byte[] other = Files.readAllBytes(data());
        other[0] ^= 1;
        Path otherData = Files.write(folder.resolve("other.bin"), other);
        assertThat(opensslStatus("dgst", "-sha256", "-verify", publicKey, "-signature", signature, otherData)).isNotZero();
    }

    @Test
    void weVerifyOpenSslP256SignaturesAndReadItsKeyFormats() throws Exception {
        Path pkcs8 = folder.resolve("pkcs8.key");
        openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", pkcs8);
        Path sec1 = folder.resolve("sec1.key");
        openssl("ecparam", "-name", "prime256v1", "-genkey", "-out", sec1);
        for (Path privateKey : List.of(pkcs8, sec1)) {
            Path publicKey = folder.resolve(privateKey.getFileName() + ".pub");
            openssl("pkey", "-in", privateKey, "-pubout", "-out", publicKey);
            Path signature = folder.resolve(privateKey.getFileName() + ".sig");
            openssl("dgst", "-sha256", "-sign", privateKey, "-out", signature, data());

            VerificationKey verificationKey = VerificationKey.fromPem(Files.readString(publicKey));
            assertThat(verificationKey.algorithm()).isEqualTo(SignatureAlgorithm.P256);
            assertThat(verificationKey.verify(data(), Files.readAllBytes(signature))).as(privateKey.toString()).isTrue();
            SigningKey signingKey = SigningKey.fromPem(Files.readString(privateKey));
            assertThat(signingKey.verificationKey()).isEqualTo(verificationKey);
            assertThat(verificationKey.verify(data(), signingKey.sign(data()))).isTrue();
        }
    }

    private Path data() throws IOException {
        if (data == null) {
            byte[] bytes = new byte[300_000];
            new SplittableRandom(9).nextBytes(bytes);
            data = Files.write(folder.resolve("data.bin"), bytes);
        }
        return data;
    }

    private static String openssl(Object... args) throws Exception {
        Result result = run(args);
        assertThat(result.status()).as("openssl %s: %s", List.of(args), result.output()).isZero();
        return result.output();
    }

    private static int opensslStatus(Object... args) throws Exception {
        return run(args).status();
    }

    private record Result(int status, String output) {
    }

    private static Result run(Object... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        for (Object arg : args) {
            command.add(arg.toString());
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }
}
