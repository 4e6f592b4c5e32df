package eu.vigil.core.crypto;

import java.io.IOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;

/** Buffers one chunk; a full chunk is sealed only when more data follows, so close marks the last. */
final class ChunkedGcmOutputStream extends OutputStream {

    private final OutputStream out;
    private final SecretKey key;
    private final Cipher cipher = newCipher();
    private final byte[] associatedData;
    private final byte[] header;
    private final byte[] plain;
    private final byte[] sealed;
    private int filled;
    private long index;
    private boolean headerWritten;
    private boolean closed;

    ChunkedGcmOutputStream(OutputStream out, SecretKey key, byte[] associatedData, byte[] header, int chunkSize) {
        this.out = out;
        this.key = key;
        this.associatedData = associatedData.clone();
        this.header = header;
        this.plain = new byte[chunkSize];
        this.sealed = new byte[chunkSize + AesGcm.TAG_BYTES];
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (closed) {
            throw new IOException("stream closed");
        }
        java.util.Objects.checkFromIndexSize(offset, length, bytes.length);
        while (length > 0) {
            if (filled == plain.length) {
                seal(false);
            }
            int n = Math.min(length, plain.length - filled);
            System.arraycopy(bytes, offset, plain, filled, n);
            filled += n;
            offset += n;
            length -= n;
        }
    }

    private void seal(boolean last) throws IOException {
        if (!headerWritten) {
            out.write(header);
            headerWritten = true;
        }
        ChunkedGcm.cipher(cipher, Cipher.ENCRYPT_MODE, key, header, index++, last, associatedData);
        try {
            int n = cipher.doFinal(plain, 0, filled, sealed, 0);
            out.write(sealed, 0, n);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
        filled = 0;
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            seal(true);
            out.flush();
        } finally {
            out.close();
        }
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JDK", e);
        }
    }
}
