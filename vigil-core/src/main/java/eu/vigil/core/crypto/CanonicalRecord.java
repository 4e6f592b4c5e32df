package eu.vigil.core.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An unambiguous byte encoding of a record's fields, for hashing: each field is a one-byte type
 * tag followed by its value (strings: 32-bit length then UTF-8; numbers: 64-bit big-endian; a
 * null is its own tag). No two different field sequences encode to the same bytes.
 */
public final class CanonicalRecord {

    private static final byte NULL = 0;
    private static final byte STRING = 1;
    private static final byte NUMBER = 2;
    private static final byte BYTES = 3;

    private byte[] buffer = new byte[256];
    private int size;

    public CanonicalRecord string(String value) {
        if (value == null) {
            return nothing();
        }
        int length = value.length();
        ensure(5 + length);
        // US-ASCII, the usual case, is copied straight in; anything else goes through UTF-8
        int start = size + 5;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c >= 0x80) {
                return tagged(STRING, value.getBytes(StandardCharsets.UTF_8));
            }
            buffer[start + i] = (byte) c;
        }
        buffer[size++] = STRING;
        buffer[size++] = (byte) (length >>> 24);
        buffer[size++] = (byte) (length >>> 16);
        buffer[size++] = (byte) (length >>> 8);
        buffer[size++] = (byte) length;
        size += length;
        return this;
    }

    public CanonicalRecord bytes(byte[] value) {
        if (value == null) {
            return nothing();
        }
        return tagged(BYTES, value);
    }

    public CanonicalRecord number(long value) {
        ensure(9);
        buffer[size++] = NUMBER;
        for (int shift = 56; shift >= 0; shift -= 8) {
            buffer[size++] = (byte) (value >>> shift);
        }
        return this;
    }

    public CanonicalRecord nothing() {
        ensure(1);
        buffer[size++] = NULL;
        return this;
    }

    private CanonicalRecord tagged(byte tag, byte[] value) {
        ensure(5 + value.length);
        buffer[size++] = tag;
        int length = value.length;
        buffer[size++] = (byte) (length >>> 24);
        buffer[size++] = (byte) (length >>> 16);
        buffer[size++] = (byte) (length >>> 8);
        buffer[size++] = (byte) length;
        System.arraycopy(value, 0, buffer, size, length);
        size += length;
        return this;
    }

    private void ensure(int more) {
        if (size + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
        }
    }

    /** Empties the record for reuse. */
    public CanonicalRecord clear() {
        size = 0;
        return this;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buffer, size);
    }

    byte[] buffer() {
        return buffer;
    }

    int size() {
        return size;
    }
}
