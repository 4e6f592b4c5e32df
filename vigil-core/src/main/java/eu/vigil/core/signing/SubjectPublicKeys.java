package eu.vigil.core.signing;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The only DER encodings of SubjectPublicKeyInfo for the keys we accept. DER is canonical, so an
 * Ed25519 key or a named-curve P-256 key has exactly one of these layouts: a fixed prefix followed
 * by the raw key. Reading them needs no ASN.1 parser; anything else goes to the full parser for a
 * precise error.
 */
final class SubjectPublicKeys {

    /** SEQUENCE { SEQUENCE { OID 1.3.101.112 }, BIT STRING (32 bytes) }. */
    static final byte[] ED25519 = HexFormat.of().parseHex("302a300506032b6570032100");
    /** SEQUENCE { SEQUENCE { OID id-ecPublicKey, OID prime256v1 }, BIT STRING (65 bytes, 04 X Y) }. */
    static final byte[] P256_UNCOMPRESSED = HexFormat.of().parseHex("3059301306072a8648ce3d020106082a8648ce3d030107034200");
    /** The same with a compressed point (02/03 X, 33 bytes). */
    static final byte[] P256_COMPRESSED = HexFormat.of().parseHex("3039301306072a8648ce3d020106082a8648ce3d030107032200");

    private SubjectPublicKeys() {
    }

    /** The raw key after {@code prefix}, or null when {@code der} does not have that layout. */
    static byte[] rawKey(byte[] der, byte[] prefix, int keyLength) {
        if (der.length != prefix.length + keyLength || !Arrays.equals(der, 0, prefix.length, prefix, 0, prefix.length)) {
            return null;
        }
        return Arrays.copyOfRange(der, prefix.length, der.length);
    }

    static byte[] encode(SignatureAlgorithm algorithm, byte[] rawKey) {
        byte[] prefix = algorithm == SignatureAlgorithm.ED25519 ? ED25519 : P256_UNCOMPRESSED;
        byte[] der = Arrays.copyOf(prefix, prefix.length + rawKey.length);
        System.arraycopy(rawKey, 0, der, prefix.length, rawKey.length);
        return der;
    }
}
