package eu.vigil.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import javax.crypto.SecretKey;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ChunkedGcmTests {

    private static final int CHUNK = 64;
    private final SecretKey key = AesGcm.newKey();
    private final byte[] aad = "blob|42".getBytes(StandardCharsets.UTF_8);

    private byte[] encrypt(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream encrypting = ChunkedGcm.encrypting(out, key, aad, CHUNK)) {
            // odd write sizes, to cross chunk borders
            for (int i = 0; i < plain.length; i += 37) {
                encrypting.write(plain, i, Math.min(37, plain.length - i));
            }
        }
        return out.toByteArray();
    }

    private byte[] decrypt(byte[] sealed, SecretKey key, byte[] aad) throws IOException {
        try (InputStream in = ChunkedGcm.decrypting(new ByteArrayInputStream(sealed), key, aad)) {
            return in.readAllBytes();
        }
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        return bytes;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 63, 64, 65, 128, 1000, 4096})
    void roundTripsEveryLengthAroundChunkBorders(int length) throws IOException {
        byte[] plain = random(length);
        byte[] sealed = encrypt(plain);
        assertThat(sealed).hasSize((int) ChunkedGcm.ciphertextLength(length, CHUNK));
        assertThat(decrypt(sealed, key, aad)).isEqualTo(plain);
    }

    @Test
    void rejectsAFlippedBitInAnyByte() throws IOException {
        byte[] sealed = encrypt(random(300));
        for (int i = 0; i < sealed.length; i++) {
            byte[] damaged = sealed.clone();
            damaged[i] ^= 0x01;
            assertThatThrownBy(() -> decrypt(damaged, key, aad)).isInstanceOf(TamperedCiphertextException.class);
        }
    }

    @Test
    void rejectsTruncationAtAChunkBorder() throws IOException {
        byte[] sealed = encrypt(random(300));
        int oneChunk = CHUNK + AesGcm.TAG_BYTES;
        for (int chunks = 0; chunks <= 4; chunks++) {
            byte[] truncated = Arrays.copyOf(sealed, ChunkedGcm.HEADER_BYTES + chunks * oneChunk);
            assertThatThrownBy(() -> decrypt(truncated, key, aad)).isInstanceOf(TamperedCiphertextException.class);
        }
    }

    @Test
    void rejectsSwappedChunks() throws IOException {
        byte[] sealed = encrypt(random(300));
        int oneChunk = CHUNK + AesGcm.TAG_BYTES;
        byte[] swapped = sealed.clone();
        System.arraycopy(sealed, ChunkedGcm.HEADER_BYTES, swapped, ChunkedGcm.HEADER_BYTES + oneChunk, oneChunk);
        System.arraycopy(sealed, ChunkedGcm.HEADER_BYTES + oneChunk, swapped, ChunkedGcm.HEADER_BYTES, oneChunk);
        assertThatThrownBy(() -> decrypt(swapped, key, aad)).isInstanceOf(TamperedCiphertextException.class);
    }

    @Test
    void releasesNothingOfAChunkThatFailsAuthentication() throws IOException {
        byte[] sealed = encrypt(random(200));
        sealed[ChunkedGcm.HEADER_BYTES + 3] ^= 0x01; // in the first chunk
        InputStream in = ChunkedGcm.decrypting(new ByteArrayInputStream(sealed), key, aad);
        byte[] buffer = new byte[10];
        assertThatThrownBy(() -> in.read(buffer)).isInstanceOf(TamperedCiphertextException.class);
        assertThat(buffer).containsOnly(0);
    }

    @Test
    void rejectsAnotherKeyOrAnotherObject() throws IOException {
        byte[] sealed = encrypt(random(100));
        assertThatThrownBy(() -> decrypt(sealed, AesGcm.newKey(), aad)).isInstanceOf(TamperedCiphertextException.class);
        assertThatThrownBy(() -> decrypt(sealed, key, "blob|43".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(TamperedCiphertextException.class);
    }

    @Test
    void rejectsAnEmptyOrForeignStream() {
        assertThatThrownBy(() -> decrypt(new byte[0], key, aad)).isInstanceOf(TamperedCiphertextException.class)
                .hasMessageContaining("not an encrypted Vigil stream");
        assertThatThrownBy(() -> decrypt("hello, this is plain text".getBytes(StandardCharsets.UTF_8), key, aad))
                .isInstanceOf(TamperedCiphertextException.class);
    }

    @Test
    void sealsShortValuesBoundToTheirAssociatedData() throws IOException {
        byte[] sealed = AesGcm.seal(key, aad, "secret".getBytes(StandardCharsets.UTF_8));
        assertThat(new String(AesGcm.open(key, aad, sealed), StandardCharsets.UTF_8)).isEqualTo("secret");
        assertThatThrownBy(() -> AesGcm.open(key, "other".getBytes(StandardCharsets.UTF_8), sealed))
                .isInstanceOf(TamperedCiphertextException.class);
        assertThatThrownBy(() -> AesGcm.open(key, aad, new byte[5])).isInstanceOf(TamperedCiphertextException.class);
    }
}
