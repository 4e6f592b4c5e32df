package eu.vigil.core.crypto;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Streams of any size under AES-256-GCM in constant memory, in the manner of the STREAM
 * construction (Hoang, Reyhanitabar, Rogaway, Vizár 2015) used by Tink's streaming AEAD.
 *
 * <p>Layout: a 16-byte header (magic {@code VGC1}, plaintext chunk size as a 32-bit integer, a
 * random 8-byte nonce prefix), then chunks of {@code chunkSize} plaintext bytes each followed by
 * a 16-byte tag; the last chunk may be shorter, even empty. The nonce of chunk {@code i} is the
 * prefix's first 7 bytes, {@code i} as a 32-bit integer, and a byte that is 1 on the last chunk
 * only; each chunk authenticates the header and the caller's associated data. So a flipped bit,
 * a dropped, repeated or reordered chunk, a truncated or extended stream, or a stream meant for
 * another object all fail, at the chunk where it happens, before any of that chunk is released.
 */
public final class ChunkedGcm {

    static final byte[] MAGIC = {'V', 'G', 'C', '1'};
    static final int HEADER_BYTES = 16;
    static final int PREFIX_BYTES = 7;
    public static final int DEFAULT_CHUNK_SIZE = 64 * 1024;
    static final int MIN_CHUNK_SIZE = 16;
    static final int MAX_CHUNK_SIZE = 8 * 1024 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ChunkedGcm() {
    }

    /** Wraps {@code out} so that what is written to the result lands encrypted; close it to finish. */
    public static OutputStream encrypting(OutputStream out, SecretKey key, byte[] associatedData) {
        return encrypting(out, key, associatedData, DEFAULT_CHUNK_SIZE);
    }

    public static OutputStream encrypting(OutputStream out, SecretKey key, byte[] associatedData, int chunkSize) {
        if (chunkSize < MIN_CHUNK_SIZE || chunkSize > MAX_CHUNK_SIZE) {
            throw new IllegalArgumentException("chunk size must be between " + MIN_CHUNK_SIZE + " and " + MAX_CHUNK_SIZE);
        }
        byte[] header = new byte[HEADER_BYTES];
        ByteBuffer.wrap(header).put(MAGIC).putInt(chunkSize);
        byte[] prefix = new byte[8];
        RANDOM.nextBytes(prefix);
        System.arraycopy(prefix, 0, header, 8, 8);
        return new ChunkedGcmOutputStream(out, key, associatedData, header, chunkSize);
    }

    /**
     * Wraps {@code in} so that reading the result yields the plaintext; a stream that does not
     * authenticate throws {@link TamperedCiphertextException} from {@code read}.
     */
    public static InputStream decrypting(InputStream in, SecretKey key, byte[] associatedData) {
        return new ChunkedGcmInputStream(in, key, associatedData);
    }

    /** The length of the ciphertext for {@code plaintextLength} bytes at {@code chunkSize}. */
    public static long ciphertextLength(long plaintextLength, int chunkSize) {
        long chunks = Math.max(1, (plaintextLength + chunkSize - 1) / chunkSize);
        return HEADER_BYTES + plaintextLength + chunks * AesGcm.TAG_BYTES;
    }

    static Cipher cipher(int mode, SecretKey key, byte[] header, long index, boolean last,
                         byte[] associatedData) {
        try {
            return cipher(Cipher.getInstance("AES/GCM/NoPadding"), mode, key, header, index, last, associatedData);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JDK", e);
        }
    }

    /** Initializes {@code cipher} (reused across chunks: looking one up per chunk costs time) for chunk {@code index}. */
    static Cipher cipher(Cipher cipher, int mode, SecretKey key, byte[] header, long index, boolean last,
                         byte[] associatedData) {
        if (index > 0xFFFF_FFFFL) {
            throw new IllegalStateException("stream too long: more than 2^32 chunks");
        }
        byte[] nonce = new byte[AesGcm.NONCE_BYTES];
        System.arraycopy(header, 8, nonce, 0, PREFIX_BYTES);
        nonce[7] = (byte) (index >>> 24);
        nonce[8] = (byte) (index >>> 16);
        nonce[9] = (byte) (index >>> 8);
        nonce[10] = (byte) index;
        nonce[11] = (byte) (last ? 1 : 0);
        try {
            cipher.init(mode, key, new GCMParameterSpec(AesGcm.TAG_BYTES * 8, nonce));
            cipher.updateAAD(header);
            cipher.updateAAD(associatedData);
            return cipher;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JDK", e);
        }
    }
}
