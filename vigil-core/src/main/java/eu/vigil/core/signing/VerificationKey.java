package eu.vigil.core.signing;

import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

import eu.vigil.core.InvalidInputException;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.math.ec.ECPoint;

/**
 * A public key that checks detached signatures. Read and written as PEM SubjectPublicKeyInfo
 * ({@code -----BEGIN PUBLIC KEY-----}), as openssl does; the algorithm comes from the key.
 * Instances are immutable; equal keys are equal.
 */
public final class VerificationKey {

    private final SignatureAlgorithm algorithm;
    private final byte[] rawKey;
    private final Ed25519Group.Point ed25519Point;
    private final ECPoint p256Point;

    private VerificationKey(SignatureAlgorithm algorithm, byte[] rawKey, Ed25519Group.Point ed25519Point,
            ECPoint p256Point) {
        this.algorithm = algorithm;
        this.rawKey = rawKey;
        this.ed25519Point = ed25519Point;
        this.p256Point = p256Point;
    }

    static VerificationKey ed25519(byte[] rawKey) {
        Ed25519Group.Point point = Ed25519Group.decode(rawKey);
        if (point == null) {
            throw new InvalidInputException("the public key is not a point on edwards25519");
        }
        return new VerificationKey(SignatureAlgorithm.ED25519, rawKey.clone(), point, null);
    }

    static VerificationKey p256(ECPoint point) {
        return new VerificationKey(SignatureAlgorithm.P256, point.getEncoded(false), null, point);
    }

    /**
     * Reads a PEM public key.
     *
     * @throws InvalidInputException if it is not a valid Ed25519 or P-256 public key
     */
    public static VerificationKey fromPem(String pem) {
        String what = "the public key";
        SubjectPublicKeyInfo info = KeyCodec.decodePublic(Objects.requireNonNull(pem, "pem"), what);
        SignatureAlgorithm algorithm = KeyCodec.algorithmOf(info, what);
        byte[] raw;
        try {
            raw = info.getPublicKeyData().getOctets();
        } catch (RuntimeException e) {
            throw new InvalidInputException(what + " has a malformed key bit string: " + e.getMessage(), e);
        }
        if (algorithm == SignatureAlgorithm.ED25519) {
            if (raw.length != PureEd25519.KEY_SIZE) {
                throw new InvalidInputException(what + " has an Ed25519 key of " + raw.length + " bytes, not 32");
            }
            return ed25519(raw);
        }
        return p256(KeyCodec.ecPoint(raw, what));
    }

    public String toPem() {
        return KeyCodec.encodePublic(algorithm, rawKey);
    }

    public SignatureAlgorithm algorithm() {
        return algorithm;
    }

    /**
     * Checks a detached signature over a file, reading it once; a malformed signature is simply
     * not valid.
     */
    public boolean verify(Path file, byte[] signature) throws IOException {
        return verify(Message.of(file), signature);
    }

    public boolean verify(byte[] data, byte[] signature) {
        try {
            return verify(Message.of(data), signature);
        } catch (IOException e) {
            throw new IllegalStateException("no I/O on an array", e);
        }
    }

    private boolean verify(Message message, byte[] signature) throws IOException {
        Objects.requireNonNull(signature, "signature");
        return switch (algorithm) {
            case ED25519 -> PureEd25519.verify(rawKey, ed25519Point, message, signature);
            case P256 -> EcdsaP256.verify(p256Point, message, signature);
        };
    }

    /** SHA-256 of the DER public key, hex: identifies the key in logs and JSON. */
    public String fingerprint() {
        try {
            byte[] der = KeyCodec.publicDer(algorithm, rawKey);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    byte[] rawKey() {
        return rawKey.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VerificationKey that && algorithm == that.algorithm && Arrays.equals(rawKey, that.rawKey);
    }

    @Override
    public int hashCode() {
        return 31 * algorithm.hashCode() + Arrays.hashCode(rawKey);
    }

    @Override
    public String toString() {
        return "VerificationKey[" + algorithm + ", " + fingerprint() + "]";
    }
}
