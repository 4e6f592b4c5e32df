package eu.vigil.core.signing;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;

import eu.vigil.core.InvalidInputException;

/**
 * P-256 public keys for the JDK's ECDSA: decoding of SEC 1 points (uncompressed or compressed)
 * with the on-curve check, in plain BigInteger arithmetic. Verification stays on JDK classes so
 * that {@code vigil verify} never opens the signed Bouncy Castle jar, whose signature check alone
 * costs a third of a second at start-up.
 */
final class P256PublicKeys {

    static final BigInteger P = new BigInteger("ffffffff00000001000000000000000000000000ffffffffffffffffffffffff", 16);
    static final BigInteger N = new BigInteger("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551", 16);
    private static final BigInteger B = new BigInteger("5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b", 16);
    private static final BigInteger THREE = BigInteger.valueOf(3);
    private static final BigInteger SQRT_EXPONENT = P.add(BigInteger.ONE).shiftRight(2);

    private P256PublicKeys() {
    }

    /** The JDK key of a SEC 1 encoded point (04 X Y, or 02/03 X). */
    static ECPublicKey decode(byte[] encoded, String what) {
        BigInteger x;
        BigInteger y;
        if (encoded.length == 65 && encoded[0] == 4) {
            x = new BigInteger(1, Arrays.copyOfRange(encoded, 1, 33));
            y = new BigInteger(1, Arrays.copyOfRange(encoded, 33, 65));
        } else if (encoded.length == 33 && (encoded[0] == 2 || encoded[0] == 3)) {
            x = new BigInteger(1, Arrays.copyOfRange(encoded, 1, 33));
            y = rightHandSide(x).modPow(SQRT_EXPONENT, P);
            if (y.testBit(0) != (encoded[0] == 3)) {
                y = P.subtract(y).mod(P);
            }
        } else {
            throw new InvalidInputException(what + " is not an encoded P-256 point (" + encoded.length + " bytes)");
        }
        if (x.compareTo(P) >= 0 || y.compareTo(P) >= 0 || !y.multiply(y).mod(P).equals(rightHandSide(x))) {
            throw new InvalidInputException(what + " is not a point on P-256");
        }
        return key(x, y);
    }

    static ECPublicKey key(BigInteger x, BigInteger y) {
        try {
            return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(x, y), parameters()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK supports P-256", e);
        }
    }

    /** 04 X Y. */
    static byte[] uncompressed(ECPublicKey key) {
        byte[] encoded = new byte[65];
        encoded[0] = 4;
        fixed(key.getW().getAffineX(), encoded, 1);
        fixed(key.getW().getAffineY(), encoded, 33);
        return encoded;
    }

    /** A non-negative integer below 2^256 as 32 big-endian bytes at {@code offset}. */
    static void fixed(BigInteger value, byte[] target, int offset) {
        byte[] bytes = value.toByteArray();
        int length = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - length, target, offset + 32 - length, length);
    }

    private static BigInteger rightHandSide(BigInteger x) {
        return x.pow(3).subtract(x.multiply(THREE)).add(B).mod(P);
    }

    private static ECParameterSpec parameters() throws GeneralSecurityException {
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        return parameters.getParameterSpec(ECParameterSpec.class);
    }
}
