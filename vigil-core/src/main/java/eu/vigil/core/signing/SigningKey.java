package eu.vigil.core.signing;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Objects;

import eu.vigil.core.InvalidInputException;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * A private key that makes detached signatures over files of any size, in constant memory.
 * Read and written as PEM PKCS#8 ({@code -----BEGIN PRIVATE KEY-----}), as openssl does; a SEC 1
 * {@code EC PRIVATE KEY} is read too.
 */
public final class SigningKey {

    private final KeyCodec.PrivateParts parts;
    private final VerificationKey verificationKey;

    private SigningKey(KeyCodec.PrivateParts parts) {
        this.parts = parts;
        this.verificationKey = switch (parts.algorithm()) {
            case ED25519 -> VerificationKey.ed25519(PureEd25519.publicKey(parts.seed()));
            case P256 -> {
                org.bouncycastle.math.ec.ECPoint point = KeyCodec.ecPublicPoint(parts.scalar());
                yield VerificationKey.p256(P256PublicKeys.key(point.getAffineXCoord().toBigInteger(),
                        point.getAffineYCoord().toBigInteger()));
            }
        };
    }

    /** A new random key from the platform's strong random source. */
    public static SigningKey generate(SignatureAlgorithm algorithm) {
        Objects.requireNonNull(algorithm, "algorithm");
        SecureRandom random = new SecureRandom();
        return switch (algorithm) {
            case ED25519 -> {
                byte[] seed = new byte[PureEd25519.KEY_SIZE];
                Ed25519.generatePrivateKey(random, seed);
                yield new SigningKey(new KeyCodec.PrivateParts(algorithm, seed, null));
            }
            case P256 -> {
                ECKeyPairGenerator generator = new ECKeyPairGenerator();
                generator.init(new ECKeyGenerationParameters(EcdsaP256.DOMAIN, random));
                AsymmetricCipherKeyPair pair = generator.generateKeyPair();
                BigInteger scalar = ((ECPrivateKeyParameters) pair.getPrivate()).getD();
                yield new SigningKey(new KeyCodec.PrivateParts(algorithm, null, scalar));
            }
        };
    }

    /**
     * Reads a PEM private key.
     *
     * @throws InvalidInputException if it is not an unencrypted Ed25519 or P-256 private key
     */
    public static SigningKey fromPem(String pem) {
        return new SigningKey(KeyCodec.decodePrivate(Objects.requireNonNull(pem, "pem"), "the private key"));
    }

    /** The key as PEM PKCS#8, readable by {@code openssl pkey}. Keep it secret. */
    public String toPem() {
        return KeyCodec.encodePrivate(parts, verificationKey.rawKey());
    }

    public SignatureAlgorithm algorithm() {
        return parts.algorithm();
    }

    /** The matching public key. */
    public VerificationKey verificationKey() {
        return verificationKey;
    }

    /**
     * Signs a file: Ed25519 reads it twice (PureEdDSA hashes the data for the nonce and again for
     * the challenge), so it must be a regular file; P-256 reads it once.
     *
     * @throws InvalidInputException if Ed25519 is asked to sign something that cannot be read twice
     */
    public byte[] sign(Path file) throws IOException {
        Message message = Message.of(file);
        if (parts.algorithm() == SignatureAlgorithm.ED25519 && !message.rereadable()) {
            throw new InvalidInputException(file + " is not a regular file; an Ed25519 signature reads the data twice");
        }
        return sign(message);
    }

    public byte[] sign(byte[] data) {
        try {
            return sign(Message.of(data));
        } catch (IOException e) {
            throw new IllegalStateException("no I/O on an array", e);
        }
    }

    private byte[] sign(Message message) throws IOException {
        return switch (parts.algorithm()) {
            case ED25519 -> PureEd25519.sign(parts.seed(), verificationKey.rawKey(), message);
            case P256 -> EcdsaP256.sign(parts.scalar(), message);
        };
    }

    @Override
    public String toString() {
        return "SigningKey[" + parts.algorithm() + ", " + verificationKey.fingerprint() + "]";
    }
}
