package eu.vigil.core.signing;

import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

import eu.vigil.core.InvalidInputException;

/**
 * A public key that checks detached signatures. Read and written as PEM SubjectPublicKeyInfo
 * ({@code -----BEGIN PUBLIC KEY-----}), as openssl does; the algorithm comes from the key.
 * Instances are immutable; equal keys are equal.
 */
public final class VerificationKey {

    private static final String WHAT = "the public key";

    private final SignatureAlgorithm algorithm;
    /** Ed25519: the 32-byte key; P-256: the uncompressed point 04 X Y. */
    private final byte[] rawKey;
    private final Ed25519Group.Point ed25519Point;
    private final ECPublicKey p256Key;

    private VerificationKey(SignatureAlgorithm algorithm, byte[] rawKey, Ed25519Group.Point ed25519Point,
            ECPublicKey p256Key) {
        this.algorithm = algorithm;
        this.rawKey = rawKey;
        this.ed25519Point = ed25519Point;
        this.p256Key = p256Key;
    }

    static VerificationKey ed25519(byte[] rawKey) {
        Ed25519Group.Point point = Ed25519Group.decode(rawKey);
        if (point == null) {
            throw new InvalidInputException(WHAT + " is not a point on edwards25519");
        }
        return new VerificationKey(SignatureAlgorithm.ED25519, rawKey.clone(), point, null);
    }

    static VerificationKey p256(ECPublicKey key) {
        return new VerificationKey(SignatureAlgorithm.P256, P256PublicKeys.uncompressed(key), null, key);
    }

    /**
     * Reads a PEM public key.
     *
     * @throws InvalidInputException if it is not a valid Ed25519 or P-256 public key
     */
    public static VerificationKey fromPem(String pem) {
        Pem block = Pem.decode(Objects.requireNonNull(pem, "pem"), WHAT, "EC PARAMETERS");
        if (!block.label().equals("PUBLIC KEY")) {
            throw new InvalidInputException(WHAT + " is a PEM \"" + block.label() + "\" block, not a public key "
                    + "(expected PUBLIC KEY)");
        }
        byte[] der = block.der();
        byte[] raw = SubjectPublicKeys.rawKey(der, SubjectPublicKeys.ED25519, PureEd25519.KEY_SIZE);
        if (raw != null) {
            return ed25519(raw);
        }
        raw = SubjectPublicKeys.rawKey(der, SubjectPublicKeys.P256_UNCOMPRESSED, 65);
        if (raw == null) {
            raw = SubjectPublicKeys.rawKey(der, SubjectPublicKeys.P256_COMPRESSED, 33);
        }
        if (raw != null) {
            return p256(P256PublicKeys.decode(raw, WHAT));
        }
        // Not one of the two valid layouts: let the ASN.1 parser say what it is instead.
        SignatureAlgorithm algorithm = KeyCodec.algorithmOf(KeyCodec.decodePublic(der, WHAT), WHAT);
        throw new InvalidInputException(WHAT + " is an " + algorithm.label() + " key of unexpected size or encoding");
    }

    public String toPem() {
        return new Pem("PUBLIC KEY", SubjectPublicKeys.encode(algorithm, rawKey)).encode();
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
            case P256 -> EcdsaP256Verifier.verify(p256Key, message, signature);
        };
    }

    /** SHA-256 of the DER public key, hex: identifies the key in logs and JSON. */
    public String fingerprint() {
        try {
            byte[] der = SubjectPublicKeys.encode(algorithm, rawKey);
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
