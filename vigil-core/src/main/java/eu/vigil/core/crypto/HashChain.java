package eu.vigil.core.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The links of a hash chain: each entry's hash is SHA-256 over a domain label, the previous
 * entry's hash and the entry's canonical encoding, so changing, inserting, removing or
 * reordering any entry changes every hash after it. The first entry links to 32 zero bytes.
 * Not thread-safe: one instance per thread.
 */
public final class HashChain {

    public static final int HASH_BYTES = 32;
    public static final byte[] GENESIS = new byte[HASH_BYTES];

    private final byte[] domain;
    private final MessageDigest sha256;

    /** @param domain a label that keeps this chain's hashes apart from any other use of SHA-256 */
    public HashChain(String domain) {
        this.domain = domain.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JDK", e);
        }
    }

    /** The hash of an entry that follows {@code previous}. */
    public byte[] link(byte[] previous, CanonicalRecord record) {
        if (previous.length != HASH_BYTES) {
            throw new IllegalArgumentException("a previous hash has 32 bytes, not " + previous.length);
        }
        sha256.update(domain);
        sha256.update(previous);
        sha256.update(record.buffer(), 0, record.size());
        return sha256.digest();
    }

    private final byte[] scratch = new byte[HASH_BYTES];

    /** Whether {@code hash} is the right link for {@code record} after {@code previous}. */
    public boolean verify(byte[] previous, CanonicalRecord record, byte[] hash) {
        sha256.update(domain);
        sha256.update(previous);
        sha256.update(record.buffer(), 0, record.size());
        try {
            sha256.digest(scratch, 0, HASH_BYTES);
        } catch (java.security.DigestException e) {
            throw new IllegalStateException(e);
        }
        return MessageDigest.isEqual(scratch, hash);
    }

    public static byte[] genesis() {
        return Arrays.copyOf(GENESIS, HASH_BYTES);
    }
}
