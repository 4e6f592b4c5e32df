package eu.vigil.core.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.SplittableRandom;

import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Our streaming PureEdDSA against RFC 8032's test vectors and against Bouncy Castle's one-shot Ed25519. */
class Ed25519Tests {

    private static final HexFormat HEX = HexFormat.of();

    @ParameterizedTest(name = "RFC 8032 {0}")
    @CsvSource({
            "TEST 1, 9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60, "
                    + "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a, '', "
                    + "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
            "TEST 2, 4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb, "
                    + "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c, 72, "
                    + "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00",
            "TEST 3, c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7, "
                    + "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025, af82, "
                    + "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"})
    void signsAndVerifiesTheVectorsOfRfc8032(String name, String secret, String publicKey, String message,
            String signature) throws IOException {
        byte[] seed = HEX.parseHex(secret);
        byte[] data = HEX.parseHex(message);
        assertThat(HEX.formatHex(PureEd25519.publicKey(seed))).isEqualTo(publicKey);
        VerificationKey key = VerificationKey.ed25519(HEX.parseHex(publicKey));
        byte[] ours = PureEd25519.sign(seed, HEX.parseHex(publicKey), Message.of(data));
        assertThat(HEX.formatHex(ours)).isEqualTo(signature);
        assertThat(key.verify(data, HEX.parseHex(signature))).isTrue();
    }

    @Test
    void producesBouncyCastlesSignaturesAndAcceptsThemForRandomKeysAndMessages() throws IOException {
        SplittableRandom random = new SplittableRandom(25519);
        for (int round = 0; round < 300; round++) {
            byte[] seed = new byte[32];
            random.nextBytes(seed);
            byte[] message = new byte[round < 100 ? round : random.nextInt(5000)];
            random.nextBytes(message);
            byte[] publicKey = PureEd25519.publicKey(seed);
            byte[] expected = new byte[64];
            Ed25519.sign(seed, 0, message, 0, message.length, expected, 0);

            byte[] ours = PureEd25519.sign(seed, publicKey, Message.of(message));
            assertThat(ours).as("round %d", round).isEqualTo(expected);
            VerificationKey key = VerificationKey.ed25519(publicKey);
            assertThat(key.verify(message, expected)).isTrue();

            byte[] tampered = expected.clone();
            tampered[random.nextInt(64)] ^= (byte) (1 << random.nextInt(8));
            assertThat(key.verify(message, tampered)).isFalse();
            assertThat(Ed25519.verify(tampered, 0, publicKey, 0, message, 0, message.length)).isFalse();
            if (message.length > 0) {
                byte[] otherMessage = message.clone();
                otherMessage[random.nextInt(message.length)] ^= 1;
                assertThat(key.verify(otherMessage, expected)).isFalse();
            }
        }
    }

    @Test
    void streamsFilesAcrossMappingWindowsLikeInMemoryData(@TempDir Path folder) throws IOException {
        byte[] data = new byte[(1 << 20) + 17];
        new SplittableRandom(1).nextBytes(data);
        Path file = Files.write(folder.resolve("data.bin"), data);
        SigningKey key = SigningKey.generate(SignatureAlgorithm.ED25519);
        byte[] inMemory = key.sign(data);
        byte[] smallWindows = PureEd25519.sign(seedOf(key), key.verificationKey().rawKey(), Message.of(file, 4096 + 3));
        assertThat(smallWindows).isEqualTo(inMemory);
        assertThat(key.sign(file)).isEqualTo(inMemory);
        assertThat(key.verificationKey().verify(file, inMemory)).isTrue();
    }

    @Test
    void rejectsSignaturesWhoseScalarIsNotReduced() {
        SigningKey key = SigningKey.generate(SignatureAlgorithm.ED25519);
        byte[] message = {1, 2, 3};
        byte[] signature = key.sign(message);
        // S + L is the same scalar but not canonical: RFC 8032 requires S < L
        java.math.BigInteger s = Ed25519Group.toInteger(java.util.Arrays.copyOfRange(signature, 32, 64));
        byte[] malleated = signature.clone();
        System.arraycopy(Ed25519Group.toLittleEndian(s.add(Ed25519Group.ORDER)), 0, malleated, 32, 32);
        assertThat(key.verificationKey().verify(message, signature)).isTrue();
        assertThat(key.verificationKey().verify(message, malleated)).isFalse();
        assertThat(key.verificationKey().verify(message, new byte[63])).isFalse();
        assertThat(key.verificationKey().verify(message, new byte[64])).isFalse();
    }

    @Test
    void decodesAndEncodesPointsAsBouncyCastleComputesThem() {
        SplittableRandom random = new SplittableRandom(7);
        for (int round = 0; round < 200; round++) {
            byte[] seed = new byte[32];
            random.nextBytes(seed);
            byte[] publicKey = PureEd25519.publicKey(seed);
            Ed25519Group.Point point = Ed25519Group.decode(publicKey);
            assertThat(point).isNotNull();
            assertThat(Ed25519Group.encode(point)).isEqualTo(publicKey);
            assertThat(Ed25519Group.encode(Ed25519Group.negate(Ed25519Group.negate(point)))).isEqualTo(publicKey);
        }
        byte[] nonCanonical = new byte[32];
        java.util.Arrays.fill(nonCanonical, (byte) 0xFF);
        nonCanonical[31] = 0x7F;
        assertThat(Ed25519Group.decode(nonCanonical)).isNull();
    }

    private static byte[] seedOf(SigningKey key) {
        return KeyCodec.decodePrivate(key.toPem(), "key").seed();
    }
}
