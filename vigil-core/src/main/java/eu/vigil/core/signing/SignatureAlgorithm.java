package eu.vigil.core.signing;

/** The signature algorithms of Vigil's detached signatures, both interoperable with openssl. */
public enum SignatureAlgorithm {

    /**
     * PureEdDSA over edwards25519 (RFC 8032): a 64-byte signature, as
     * {@code openssl pkeyutl -sign -rawin} makes it.
     */
    ED25519("ed25519"),

    /**
     * ECDSA over NIST P-256 of the SHA-256 of the data: a DER-encoded signature, as
     * {@code openssl dgst -sha256 -sign} makes it.
     */
    P256("p256");

    private final String label;

    SignatureAlgorithm(String label) {
        this.label = label;
    }

    /** The name used on the command line and in JSON: {@code ed25519} or {@code p256}. */
    public String label() {
        return label;
    }

    /** The algorithm of a label, or null when there is none. */
    public static SignatureAlgorithm ofLabel(String label) {
        for (SignatureAlgorithm algorithm : values()) {
            if (algorithm.label.equals(label)) {
                return algorithm;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return label;
    }
}
