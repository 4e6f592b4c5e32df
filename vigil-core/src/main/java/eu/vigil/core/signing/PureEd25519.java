package eu.vigil.core.signing;

import java.io.IOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.Arrays;

import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * PureEdDSA with Ed25519 (RFC 8032 §5.1.6 and §5.1.7) over data of any size: signing streams the
 * data twice (once for the nonce r, once for the challenge k), verification once. The SHA-512
 * passes use the JDK's digest, which runs on the CPU's vector intrinsics.
 */
final class PureEd25519 {

    static final int SIGNATURE_SIZE = 64;
    static final int KEY_SIZE = 32;

    private PureEd25519() {
    }

    /** The public key of a 32-byte private key (seed), computed by Bouncy Castle. */
    static byte[] publicKey(byte[] seed) {
        byte[] publicKey = new byte[KEY_SIZE];
        Ed25519.generatePublicKey(seed, 0, publicKey, 0);
        return publicKey;
    }

    static byte[] sign(byte[] seed, byte[] publicKey, Message message) throws IOException {
        MessageDigest sha512 = sha512();
        byte[] expanded = sha512.digest(seed);
        byte[] scalar = Arrays.copyOf(expanded, 32);
        scalar[0] &= (byte) 248;
        scalar[31] &= 127;
        scalar[31] |= 64;
        byte[] nonce = null;
        try {
            sha512.update(expanded, 32, 32);
            message.feed(sha512);
            nonce = Ed25519Group.reduce(sha512.digest());
            byte[] encodedR = Ed25519Group.encode(Ed25519Group.multiplyBase(nonce));

            sha512.update(encodedR);
            sha512.update(publicKey);
            message.feed(sha512);
            BigInteger challenge = Ed25519Group.toInteger(Ed25519Group.reduce(sha512.digest()));
            BigInteger s = Ed25519Group.toInteger(nonce)
                    .add(challenge.multiply(Ed25519Group.toInteger(scalar)))
                    .mod(Ed25519Group.ORDER);

            byte[] signature = new byte[SIGNATURE_SIZE];
            System.arraycopy(encodedR, 0, signature, 0, 32);
            System.arraycopy(Ed25519Group.toLittleEndian(s), 0, signature, 32, 32);
            return signature;
        } finally {
            Arrays.fill(expanded, (byte) 0);
            Arrays.fill(scalar, (byte) 0);
            if (nonce != null) {
                Arrays.fill(nonce, (byte) 0);
            }
        }
    }

    /**
     * Checks [S]B = R + [k]A by recomputing R and comparing encodings, as RFC 8032 §5.1.7 and
     * openssl do; S must be below L. A is the already validated public key.
     */
    static boolean verify(byte[] publicKey, Ed25519Group.Point a, Message message, byte[] signature)
            throws IOException {
        if (signature.length != SIGNATURE_SIZE) {
            return false;
        }
        byte[] s = Arrays.copyOfRange(signature, 32, 64);
        if (Ed25519Group.toInteger(s).compareTo(Ed25519Group.ORDER) >= 0) {
            return false;
        }
        MessageDigest sha512 = sha512();
        sha512.update(signature, 0, 32);
        sha512.update(publicKey);
        message.feed(sha512);
        byte[] challenge = Ed25519Group.reduce(sha512.digest());
        Ed25519Group.Point sum = new Ed25519Group.Point();
        Ed25519Group.add(Ed25519Group.multiplyBase(s), Ed25519Group.multiply(challenge, Ed25519Group.negate(a)), sum);
        return MessageDigest.isEqual(Ed25519Group.encode(sum), Arrays.copyOf(signature, 32));
    }

    private static MessageDigest sha512() {
        return Digests.sha512();
    }
}
