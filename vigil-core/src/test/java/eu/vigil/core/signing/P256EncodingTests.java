package eu.vigil.core.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.HexFormat;

import eu.vigil.core.InvalidInputException;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The hand-written P-256 decoders of the verification path, against Bouncy Castle's. */
class P256EncodingTests {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void decodesCompressedAndUncompressedPointsAsBouncyCastleDoes() {
        for (int round = 1; round <= 50; round++) {
            ECPoint point = KeyCodec.ecPublicPoint(BigInteger.valueOf(round).pow(40).add(BigInteger.TEN));
            byte[] uncompressed = point.getEncoded(false);
            byte[] compressed = point.getEncoded(true);
            assertThat(P256PublicKeys.uncompressed(P256PublicKeys.decode(compressed, "key"))).isEqualTo(uncompressed);
            assertThat(P256PublicKeys.uncompressed(P256PublicKeys.decode(uncompressed, "key"))).isEqualTo(uncompressed);
            String compressedPem = SigningKeyTests.pem("PUBLIC KEY",
                    concat(SubjectPublicKeys.P256_COMPRESSED, compressed));
            assertThat(VerificationKey.fromPem(compressedPem))
                    .isEqualTo(VerificationKey.fromPem(SigningKeyTests.pem("PUBLIC KEY",
                            concat(SubjectPublicKeys.P256_UNCOMPRESSED, uncompressed))));
        }
    }

    @Test
    void rejectsPointsOffTheCurve() {
        byte[] point = KeyCodec.ecPublicPoint(BigInteger.TWO).getEncoded(false);
        point[64] ^= 1;
        assertThatThrownBy(() -> P256PublicKeys.decode(point, "key")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not a point on P-256");
        byte[] infinity = {0};
        assertThatThrownBy(() -> P256PublicKeys.decode(infinity, "key")).isInstanceOf(InvalidInputException.class);
        byte[] beyondPrime = new byte[33];
        beyondPrime[0] = 2;
        java.util.Arrays.fill(beyondPrime, 1, 33, (byte) 0xFF);
        assertThatThrownBy(() -> P256PublicKeys.decode(beyondPrime, "key")).isInstanceOf(InvalidInputException.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "minimal, 3006020101020101, true",
            "high bit needs a zero byte, 300702020080020101, true",
            "needless zero byte, 30070202000102 0101, false",
            "negative integer, 3006020181020101, false",
            "zero r, 3006020100020101, false",
            "trailing byte, 300602010102010100, false",
            "sequence length too long, 3007020101020101, false",
            "long-form length, 30810602010102 0101, false",
            "not a sequence, 3106020101020101, false",
            "integer length past the end, 3006020101020201, false",
            "empty integer, 30050200020101, false"})
    void decodesSignaturesAsStrictlyAsOpenSsl(String name, String hex, boolean valid) {
        byte[] der = HEX.parseHex(hex.replace(" ", ""));
        BigInteger[] rs = EcdsaP256Verifier.decodeSignature(der);
        assertThat(rs != null).as(name).isEqualTo(valid);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] result = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, result, first.length, second.length);
        return result;
    }
}
