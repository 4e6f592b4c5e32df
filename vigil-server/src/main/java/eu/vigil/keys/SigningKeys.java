package eu.vigil.keys;

import java.util.List;

/**
 * Signing keys made and held here (Ed25519 or ECDSA P-256), private parts wrapped under the
 * key hierarchy. Each purpose ({@code audit.checkpoint}, {@code backup.manifest}) has one
 * current key, made on first use.
 */
public interface SigningKeys {

    enum Algorithm {
        ED25519("Ed25519", "Ed25519"),
        ECDSA_P256("EC", "SHA256withECDSA");

        private final String keyAlgorithm;
        private final String signatureAlgorithm;

        Algorithm(String keyAlgorithm, String signatureAlgorithm) {
            this.keyAlgorithm = keyAlgorithm;
            this.signatureAlgorithm = signatureAlgorithm;
        }

        public String keyAlgorithm() {
            return keyAlgorithm;
        }

        public String signatureAlgorithm() {
            return signatureAlgorithm;
        }
    }

    /** A signature with the id of the key that made it. */
    record Signed(String keyId, Algorithm algorithm, byte[] signature) {
    }

    /** A public key: its id, purpose, algorithm and X.509 SubjectPublicKeyInfo as PEM. */
    record PublicKeyInfo(String keyId, String purpose, Algorithm algorithm, String pem, java.time.Instant createdAt,
                         boolean retired) {
    }

    /** Signs {@code data} with the current key of {@code purpose}, made with {@code algorithm} on first use. */
    Signed sign(String purpose, Algorithm algorithm, byte[] data);

    /** Whether {@code signature} over {@code data} is valid for the stored public key {@code keyId}. */
    boolean verify(String keyId, byte[] data, byte[] signature);

    /** The public key {@code keyId} as PEM ({@code -----BEGIN PUBLIC KEY-----}). */
    String publicKeyPem(String keyId);

    /** Makes a new current key for {@code purpose}; the old one is retired but still verifies. */
    PublicKeyInfo renew(String purpose, Algorithm algorithm);

    List<PublicKeyInfo> publicKeys();
}
