package eu.vigil.core.signing;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;

/**
 * Verification of ECDSA P-256 / SHA-256 signatures in {@code openssl dgst -sha256 -sign} form, on
 * JDK classes only: the file is hashed by libcrypto where it can be called, else by the JDK (SHA-NI
 * intrinsics; see {@link Digests}), and the digest checked by
 * SunEC. The DER signature is decoded here, as strictly as openssl does (minimal lengths and
 * integers, nothing after the sequence).
 */
final class EcdsaP256Verifier {

    private EcdsaP256Verifier() {
    }

    static boolean verify(ECPublicKey key, Message message, byte[] signature) throws IOException {
        BigInteger[] rs = decodeSignature(signature);
        if (rs == null) {
            return false;
        }
        try {
            MessageDigest sha256 = Digests.sha256();
            message.feed(sha256);
            byte[] p1363 = new byte[64];
            P256PublicKeys.fixed(rs[0], p1363, 0);
            P256PublicKeys.fixed(rs[1], p1363, 32);
            Signature verifier = Signature.getInstance("NONEwithECDSAinP1363Format");
            verifier.initVerify(key);
            verifier.update(sha256.digest());
            return verifier.verify(p1363);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK verifies P-256 ECDSA", e);
        }
    }

    /** r and s of a strict DER SEQUENCE { INTEGER r, INTEGER s } with 1 ≤ r, s < n, or null. */
    static BigInteger[] decodeSignature(byte[] der) {
        // P-256 signatures are at most 72 bytes: short-form lengths only
        if (der.length < 8 || der.length > 72 || der[0] != 0x30 || der[1] != der.length - 2) {
            return null;
        }
        BigInteger r = integerAt(der, 2);
        if (r == null) {
            return null;
        }
        int next = 2 + 2 + der[3];
        BigInteger s = integerAt(der, next);
        if (s == null || next + 2 + der[next + 1] != der.length) {
            return null;
        }
        return inRange(r) && inRange(s) ? new BigInteger[] {r, s} : null;
    }

    private static BigInteger integerAt(byte[] der, int offset) {
        if (offset + 2 > der.length || der[offset] != 0x02) {
            return null;
        }
        int length = der[offset + 1];
        int start = offset + 2;
        if (length < 1 || length > 33 || start + length > der.length) {
            return null;
        }
        boolean negative = (der[start] & 0x80) != 0;
        boolean padded = length > 1 && der[start] == 0 && (der[start + 1] & 0x80) == 0;
        if (negative || padded) {
            return null;
        }
        return new BigInteger(1, java.util.Arrays.copyOfRange(der, start, start + length));
    }

    private static boolean inRange(BigInteger value) {
        return value.signum() > 0 && value.compareTo(P256PublicKeys.N) < 0;
    }
}
