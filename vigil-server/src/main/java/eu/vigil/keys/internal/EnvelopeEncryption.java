package eu.vigil.keys.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

import eu.vigil.core.crypto.AesGcm;
import eu.vigil.core.crypto.CanonicalRecord;
import eu.vigil.core.crypto.ChunkedGcm;
import eu.vigil.core.crypto.TamperedCiphertextException;
import eu.vigil.keys.DecryptionFailedException;
import eu.vigil.keys.Encryption;
import org.springframework.stereotype.Component;

/**
 * Fields: {@code vk1.<data key id>.<base64url(nonce, ciphertext, tag)>}. Streams: the bytes
 * {@code VGK1}, the data key id's length and ASCII, then a {@link ChunkedGcm} stream. Both
 * authenticate purpose, object id and data key id.
 */
@Component
class EnvelopeEncryption implements Encryption {

    private static final String FIELD_PREFIX = "vk1.";
    private static final byte[] STREAM_MAGIC = {'V', 'G', 'K', '1'};
    private final KeyHierarchy keys;

    EnvelopeEncryption(KeyHierarchy keys) {
        this.keys = keys;
    }

    @Override
    public String encrypt(String purpose, String objectId, String plaintext) {
        Objects.requireNonNull(plaintext, "plaintext");
        return encryptBytes(purpose, objectId, plaintext.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String decrypt(String purpose, String objectId, String ciphertext) {
        return new String(decryptBytes(purpose, objectId, ciphertext), StandardCharsets.UTF_8);
    }

    @Override
    public String encryptBytes(String purpose, String objectId, byte[] plaintext) {
        check(purpose, objectId);
        KeyHierarchy.DataKey key = keys.dataKeyFor(purpose, objectId);
        byte[] sealed = AesGcm.seal(key.key(), context("field", key), plaintext);
        return FIELD_PREFIX + key.id() + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);
    }

    @Override
    public byte[] decryptBytes(String purpose, String objectId, String ciphertext) {
        check(purpose, objectId);
        Objects.requireNonNull(ciphertext, "ciphertext");
        int dot = ciphertext.indexOf('.', FIELD_PREFIX.length());
        if (!ciphertext.startsWith(FIELD_PREFIX) || dot < 0) {
            throw new DecryptionFailedException("not a Vigil field ciphertext (expected vk1.<key>.<data>)");
        }
        KeyHierarchy.DataKey key = keys.dataKey(ciphertext.substring(FIELD_PREFIX.length(), dot), purpose, objectId);
        try {
            byte[] sealed = Base64.getUrlDecoder().decode(ciphertext.substring(dot + 1));
            return AesGcm.open(key.key(), context("field", key), sealed);
        } catch (IllegalArgumentException | TamperedCiphertextException e) {
            throw new DecryptionFailedException("the " + purpose + " value of " + objectId
                    + " does not decrypt: it was altered or belongs elsewhere", e);
        }
    }

    @Override
    public OutputStream encrypting(String purpose, String objectId, OutputStream out) {
        check(purpose, objectId);
        KeyHierarchy.DataKey key = keys.dataKeyFor(purpose, objectId);
        byte[] id = key.id().getBytes(StandardCharsets.US_ASCII);
        try {
            out.write(STREAM_MAGIC);
            out.write(id.length);
            out.write(id);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return ChunkedGcm.encrypting(out, key.key(), context("stream", key));
    }

    @Override
    public InputStream decrypting(String purpose, String objectId, InputStream in) {
        check(purpose, objectId);
        return new InputStream() {
            private InputStream plain;

            private InputStream plain() throws IOException {
                if (plain == null) {
                    byte[] magic = in.readNBytes(STREAM_MAGIC.length);
                    int length = in.read();
                    if (!java.util.Arrays.equals(magic, STREAM_MAGIC) || length <= 0 || length > 64) {
                        throw new TamperedCiphertextException("not an encrypted Vigil stream");
                    }
                    String id = new String(in.readNBytes(length), StandardCharsets.US_ASCII);
                    KeyHierarchy.DataKey key;
                    try {
                        key = keys.dataKey(id, purpose, objectId);
                    } catch (DecryptionFailedException e) {
                        throw new TamperedCiphertextException(e.getMessage(), e);
                    }
                    plain = ChunkedGcm.decrypting(in, key.key(), context("stream", key));
                }
                return plain;
            }

            @Override
            public int read() throws IOException {
                return plain().read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return plain().read(b, off, len);
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }

    @Override
    public void forget(String purpose, String objectId) {
        check(purpose, objectId);
        keys.forget(purpose, objectId);
    }

    private static byte[] context(String kind, KeyHierarchy.DataKey key) {
        return new CanonicalRecord().string("vigil." + kind + ".v1").string(key.purpose()).string(key.objectId())
                .string(key.id()).toByteArray();
    }

    private static void check(String purpose, String objectId) {
        if (purpose == null || purpose.isBlank() || purpose.length() > 60) {
            throw new IllegalArgumentException("purpose must be 1 to 60 characters");
        }
        if (objectId == null || objectId.isEmpty() || objectId.length() > 200) {
            throw new IllegalArgumentException("object id must be 1 to 200 characters");
        }
    }
}
