package eu.vigil.core.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.SplittableRandom;

import eu.vigil.core.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SigningKeyTests {

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void signsAndVerifiesFilesAndRejectsTamperedDataSignaturesAndWrongKeys(SignatureAlgorithm algorithm,
            @TempDir Path folder) throws IOException {
        SigningKey key = SigningKey.generate(algorithm);
        byte[] data = new byte[100_000];
        new SplittableRandom(3).nextBytes(data);
        Path file = Files.write(folder.resolve("release.tar"), data);

        byte[] signature = key.sign(file);
        VerificationKey verificationKey = key.verificationKey();
        assertThat(verificationKey.algorithm()).isEqualTo(algorithm);
        assertThat(verificationKey.verify(file, signature)).isTrue();
        assertThat(verificationKey.verify(data, signature)).isTrue();

        data[50_000] ^= 1;
        Path tampered = Files.write(folder.resolve("tampered.tar"), data);
        assertThat(verificationKey.verify(tampered, signature)).isFalse();

        byte[] badSignature = signature.clone();
        badSignature[badSignature.length - 1] ^= 1;
        assertThat(verificationKey.verify(file, badSignature)).isFalse();
        assertThat(verificationKey.verify(file, new byte[0])).isFalse();

        VerificationKey otherKey = SigningKey.generate(algorithm).verificationKey();
        assertThat(otherKey.verify(file, signature)).isFalse();
    }

    @Test
    void signsEmptyFiles(@TempDir Path folder) throws IOException {
        Path empty = Files.createFile(folder.resolve("empty"));
        for (SignatureAlgorithm algorithm : SignatureAlgorithm.values()) {
            SigningKey key = SigningKey.generate(algorithm);
            assertThat(key.verificationKey().verify(empty, key.sign(empty))).isTrue();
            assertThat(key.verificationKey().verify(new byte[0], key.sign(empty))).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void keysSurvivePemRoundTrips(SignatureAlgorithm algorithm) {
        SigningKey key = SigningKey.generate(algorithm);
        String pem = key.toPem();
        assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
        SigningKey again = SigningKey.fromPem(pem);
        assertThat(again.toPem()).isEqualTo(pem);
        assertThat(again.verificationKey()).isEqualTo(key.verificationKey());
        String publicPem = key.verificationKey().toPem();
        assertThat(publicPem).startsWith("-----BEGIN PUBLIC KEY-----\n");
        assertThat(VerificationKey.fromPem(publicPem)).isEqualTo(key.verificationKey())
                .hasSameHashCodeAs(key.verificationKey());
        assertThat(key.toString()).doesNotContain(pem.substring(30, 60)).contains(algorithm.label());
    }

    @Test
    void p256SignaturesInteroperateWithTheJdk() throws Exception {
        SigningKey key = SigningKey.generate(SignatureAlgorithm.P256);
        byte[] data = "release 1.2.3".getBytes();
        String publicPem = key.verificationKey().toPem();
        byte[] der = Base64.getMimeDecoder().decode(publicPem.replaceAll("-----[A-Z ]+-----", ""));
        PublicKey jdkKey = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));

        Signature jdkVerifier = Signature.getInstance("SHA256withECDSA");
        jdkVerifier.initVerify(jdkKey);
        jdkVerifier.update(data);
        assertThat(jdkVerifier.verify(key.sign(data))).isTrue();

        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("EC");
        generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
        java.security.KeyPair pair = generator.generateKeyPair();
        Signature jdkSigner = Signature.getInstance("SHA256withECDSA");
        jdkSigner.initSign(pair.getPrivate());
        jdkSigner.update(data);
        byte[] jdkSignature = jdkSigner.sign();
        String jdkPrivatePem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
        assertThat(SigningKey.fromPem(jdkPrivatePem).verificationKey().verify(data, jdkSignature)).isTrue();
    }

    @Test
    void ed25519KeysInteroperateWithTheJdk() throws Exception {
        java.security.KeyPair pair = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] data = "firmware".getBytes();
        Signature jdkSigner = Signature.getInstance("Ed25519");
        jdkSigner.initSign(pair.getPrivate());
        jdkSigner.update(data);
        byte[] jdkSignature = jdkSigner.sign();
        SigningKey key = SigningKey.fromPem(pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        assertThat(key.sign(data)).isEqualTo(jdkSignature);
        assertThat(VerificationKey.fromPem(pem("PUBLIC KEY", pair.getPublic().getEncoded())))
                .isEqualTo(key.verificationKey());
    }

    @Test
    void rejectsWhatIsNotAnUnencryptedEd25519OrP256Key() throws Exception {
        String ed25519 = SigningKey.generate(SignatureAlgorithm.ED25519).toPem();
        assertInvalidPrivate("no PEM at all", "no \"-----BEGIN");
        assertInvalidPrivate(ed25519.replace("-----END PRIVATE KEY-----", ""), "no \"-----END PRIVATE KEY-----\"");
        assertInvalidPrivate(ed25519.replace("\n-----END", "!\n-----END"), "invalid base64");
        assertInvalidPrivate(SigningKey.generate(SignatureAlgorithm.P256).verificationKey().toPem(), "is a public key");
        assertInvalidPrivate("-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n",
                "encrypted private key");
        assertInvalidPrivate("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", "not a private key");
        assertInvalidPrivate("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n", "not a valid private key");
        assertInvalidPrivate("x".repeat(70_000), "too large");

        java.security.KeyPairGenerator rsa = java.security.KeyPairGenerator.getInstance("RSA");
        rsa.initialize(1024);
        assertInvalidPrivate(pem("PRIVATE KEY", rsa.generateKeyPair().getPrivate().getEncoded()),
                "1.2.840.113549.1.1.1");
        java.security.KeyPairGenerator p384 = java.security.KeyPairGenerator.getInstance("EC");
        p384.initialize(new java.security.spec.ECGenParameterSpec("secp384r1"));
        java.security.KeyPair p384Pair = p384.generateKeyPair();
        assertInvalidPrivate(pem("PRIVATE KEY", p384Pair.getPrivate().getEncoded()), "another curve than P-256");
        assertThatThrownBy(() -> VerificationKey.fromPem(pem("PUBLIC KEY", p384Pair.getPublic().getEncoded())))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("another curve than P-256");

        byte[] der = Base64.getMimeDecoder().decode(ed25519.replaceAll("-----[A-Z ]+-----", ""));
        byte[] trailing = java.util.Arrays.copyOf(der, der.length + 2);
        assertInvalidPrivate(pem("PRIVATE KEY", trailing), "private key");
        assertThatThrownBy(() -> VerificationKey.fromPem(ed25519)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not a public key");
    }

    @Test
    void rejectsEd25519PublicKeysThatAreNoPoints() {
        byte[] prefix = Base64.getDecoder().decode("MCowBQYDK2VwAyEA");
        byte[] spki = java.util.Arrays.copyOf(prefix, prefix.length + 32);
        java.util.Arrays.fill(spki, prefix.length, spki.length, (byte) 0xFF);
        assertThatThrownBy(() -> VerificationKey.fromPem(pem("PUBLIC KEY", spki)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not a point");
    }

    static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END "
                + label + "-----\n";
    }

    private static void assertInvalidPrivate(String pem, String message) {
        assertThatThrownBy(() -> SigningKey.fromPem(pem)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(message);
    }
}
