package eu.vigil.core.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Arrays;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;

/**
 * Reads one sealed chunk ahead plus one byte, to know whether the chunk is the last; releases a
 * chunk's plaintext only after its tag has been checked.
 */
final class ChunkedGcmInputStream extends InputStream {

    private final InputStream in;
    private final SecretKey key;
    private final Cipher cipher = newCipher();
    private final byte[] associatedData;
    private byte[] header;
    private byte[] sealed;
    private byte[] plain;
    private int position;
    private int available;
    private long index;
    private boolean lastSeen;
    private int lookahead = -1;
    private boolean closed;

    ChunkedGcmInputStream(InputStream in, SecretKey key, byte[] associatedData) {
        this.in = in;
        this.key = key;
        this.associatedData = associatedData.clone();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        java.util.Objects.checkFromIndexSize(offset, length, bytes.length);
        if (closed) {
            throw new IOException("stream closed");
        }
        if (length == 0) {
            return 0;
        }
        while (position == available) {
            if (lastSeen) {
                return -1;
            }
            nextChunk();
        }
        int n = Math.min(length, available - position);
        System.arraycopy(plain, position, bytes, offset, n);
        position += n;
        return n;
    }

    private void readHeader() throws IOException {
        header = in.readNBytes(ChunkedGcm.HEADER_BYTES);
        if (header.length < ChunkedGcm.HEADER_BYTES || !Arrays.equals(header, 0, 4, ChunkedGcm.MAGIC, 0, 4)) {
            throw new TamperedCiphertextException("not an encrypted Vigil stream (header missing or damaged)");
        }
        int chunkSize = ByteBuffer.wrap(header, 4, 4).getInt();
        if (chunkSize < ChunkedGcm.MIN_CHUNK_SIZE || chunkSize > ChunkedGcm.MAX_CHUNK_SIZE) {
            throw new TamperedCiphertextException("encrypted stream names an impossible chunk size " + chunkSize);
        }
        sealed = new byte[chunkSize + AesGcm.TAG_BYTES];
        plain = new byte[chunkSize];
        lookahead = in.read();
    }

    private void nextChunk() throws IOException {
        if (header == null) {
            readHeader();
        }
        if (lookahead < 0) {
            throw new TamperedCiphertextException("encrypted stream truncated before chunk " + index);
        }
        sealed[0] = (byte) lookahead;
        int n = 1 + in.readNBytes(sealed, 1, sealed.length - 1);
        lookahead = n == sealed.length ? in.read() : -1;
        boolean last = lookahead < 0;
        if (n < AesGcm.TAG_BYTES) {
            throw new TamperedCiphertextException("encrypted stream truncated in chunk " + index);
        }
        ChunkedGcm.cipher(cipher, Cipher.DECRYPT_MODE, key, header, index, last, associatedData);
        try {
            available = cipher.doFinal(sealed, 0, n, plain, 0);
        } catch (AEADBadTagException e) {
            throw new TamperedCiphertextException("encrypted stream does not authenticate at chunk " + index
                    + ": altered, truncated, reordered, or not meant for this key and object", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed", e);
        }
        position = 0;
        index++;
        lastSeen = last;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        in.close();
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JDK", e);
        }
    }
}
