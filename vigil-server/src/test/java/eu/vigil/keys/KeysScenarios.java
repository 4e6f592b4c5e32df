package eu.vigil.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

import eu.vigil.core.crypto.TamperedCiphertextException;
import eu.vigil.keys.internal.FolderBlobStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** What the key hierarchy does, on any database: run by {@code KeysOnH2IT} and {@code KeysOnPostgresIT}. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "vigil.tls.enabled=false")
@RecordApplicationEvents
abstract class KeysScenarios {

    /** One data folder per test JVM: TestDatabase's supplier makes a new one on every read. */
    static final Path DATA = temporaryFolder();

    static Path temporaryFolder() {
        try {
            return java.nio.file.Files.createTempDirectory("vigil-keys-");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Autowired
    Encryption encryption;
    @Autowired
    KeyRotation rotation;
    @Autowired
    SigningKeys signing;
    @Autowired
    BlobStore blobs;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEvents events;

    @Test
    void encryptsAFieldBoundToItsObjectAndPurpose() {
        String stored = encryption.encrypt("identity.totp-secret", "user-1", "JBSWY3DPEHPK3PXP");
        assertThat(stored).startsWith("vk1.").doesNotContain("JBSWY3DPEHPK3PXP");
        assertThat(encryption.decrypt("identity.totp-secret", "user-1", stored)).isEqualTo("JBSWY3DPEHPK3PXP");
        // the same object keeps one data key; another object gets its own
        String again = encryption.encrypt("identity.totp-secret", "user-1", "other");
        assertThat(again.split("\\.")[1]).isEqualTo(stored.split("\\.")[1]);
        assertThat(encryption.encrypt("identity.totp-secret", "user-2", "x").split("\\.")[1])
                .isNotEqualTo(stored.split("\\.")[1]);

        assertThatThrownBy(() -> encryption.decrypt("identity.totp-secret", "user-2", stored))
                .isInstanceOf(DecryptionFailedException.class);
        assertThatThrownBy(() -> encryption.decrypt("identity.recovery-code", "user-1", stored))
                .isInstanceOf(DecryptionFailedException.class);
        String tampered = stored.substring(0, stored.length() - 2) + (stored.endsWith("A") ? "BB" : "AA");
        assertThatThrownBy(() -> encryption.decrypt("identity.totp-secret", "user-1", tampered))
                .isInstanceOf(DecryptionFailedException.class);
        assertThatThrownBy(() -> encryption.decrypt("identity.totp-secret", "user-1", "plain text"))
                .isInstanceOf(DecryptionFailedException.class).hasMessageContaining("not a Vigil field ciphertext");
    }

    @Test
    void forgettingAnObjectMakesItsValuesUnreadable() {
        String stored = encryption.encrypt("test.forget", "o1", "personal data");
        encryption.forget("test.forget", "o1");
        assertThatThrownBy(() -> encryption.decrypt("test.forget", "o1", stored))
                .isInstanceOf(DecryptionFailedException.class).hasMessageContaining("does not exist");
    }

    @Test
    void encryptsStreamsOfManyChunks() throws IOException {
        byte[] plain = new byte[3 * 1024 * 1024 + 17];
        new Random(1).nextBytes(plain);
        ByteArrayOutputStream sealed = new ByteArrayOutputStream();
        try (OutputStream out = encryption.encrypting("test.stream", "s1", sealed)) {
            out.write(plain);
        }
        try (InputStream in = encryption.decrypting("test.stream", "s1", new ByteArrayInputStream(sealed.toByteArray()))) {
            assertThat(in.readAllBytes()).isEqualTo(plain);
        }
        byte[] truncated = java.util.Arrays.copyOf(sealed.toByteArray(), sealed.size() - 100);
        assertThatThrownBy(() -> encryption.decrypting("test.stream", "s1", new ByteArrayInputStream(truncated)).readAllBytes())
                .isInstanceOf(TamperedCiphertextException.class);
        assertThatThrownBy(() -> encryption.decrypting("test.stream", "s2", new ByteArrayInputStream(sealed.toByteArray()))
                .readAllBytes()).isInstanceOf(TamperedCiphertextException.class);
    }

    @Test
    void rotationRewrapsKeysWithoutChangingCiphertexts() throws IOException {
        List<String> stored = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            stored.add(encryption.encrypt("test.rotation", "o" + i, "value " + i));
        }
        var signed = signing.sign("test.rotation", SigningKeys.Algorithm.ED25519, new byte[] {1, 2, 3});
        BlobStore.StoredBlob blob = blobs.put("test", new ByteArrayInputStream("evidence".getBytes(StandardCharsets.UTF_8)));
        int before = rotation.status().activeVersion();

        KeyRotation.RotationResult result = rotation.rotate();

        assertThat(result.activeVersion()).isEqualTo(before + 1);
        assertThat(result.rewrapped()).isGreaterThanOrEqualTo(1202);
        KeyRotation.KeyStatus status = rotation.status();
        assertThat(status.behind()).isZero();
        assertThat(status.kekVersions()).containsExactly(before + 1);
        for (int i = 0; i < stored.size(); i++) {
            assertThat(encryption.decrypt("test.rotation", "o" + i, stored.get(i))).isEqualTo("value " + i);
        }
        assertThat(signing.verify(signed.keyId(), new byte[] {1, 2, 3}, signed.signature())).isTrue();
        try (InputStream in = blobs.open(blob.id())) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("evidence");
        }
        assertThat(events.stream(KeysRotated.class)).isNotEmpty();
    }

    @Test
    void signsWithEd25519AndP256AndExportsPublicKeysAsPem() throws Exception {
        byte[] data = "checkpoint".getBytes(StandardCharsets.UTF_8);
        for (SigningKeys.Algorithm algorithm : SigningKeys.Algorithm.values()) {
            SigningKeys.Signed signed = signing.sign("test.sign." + algorithm, algorithm, data);
            assertThat(signing.verify(signed.keyId(), data, signed.signature())).isTrue();
            assertThat(signing.verify(signed.keyId(), "other".getBytes(StandardCharsets.UTF_8), signed.signature())).isFalse();
            String pem = signing.publicKeyPem(signed.keyId());
            assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("-----END PUBLIC KEY-----\n");
            // an outside verifier with nothing but the PEM accepts the signature
            byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
            Signature verifier = Signature.getInstance(algorithm.signatureAlgorithm());
            verifier.initVerify(KeyFactory.getInstance(algorithm.keyAlgorithm()).generatePublic(new X509EncodedKeySpec(der)));
            verifier.update(data);
            assertThat(verifier.verify(signed.signature())).isTrue();
        }
        String wrapped = jdbc.sql("SELECT wrapped_private FROM keys_signing_key FETCH FIRST 1 ROWS ONLY").query(String.class).single();
        assertThat(wrapped).doesNotContain("MC4CAQAwBQYDK2Vw"); // no PKCS#8 Ed25519 header in the clear
    }

    @Test
    void storesBlobsEncryptedAndChecksThemOnRead() throws IOException {
        byte[] content = new byte[300_000];
        new Random(2).nextBytes(content);
        BlobStore.StoredBlob blob = blobs.put("evidence", new ByteArrayInputStream(content));
        assertThat(blob.size()).isEqualTo(content.length);
        assertThat(blob.sha256()).hasSize(64);
        try (InputStream in = blobs.open(blob.id())) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        assertThat(blobs.verify(blob.id()).sha256()).isEqualTo(blob.sha256());

        Path file = ((FolderBlobStore) blobs).file(blob.id());
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(200_000);
            int b = raf.read();
            raf.seek(200_000);
            raf.write(b ^ 0x40);
        }
        byte[] received = new byte[content.length];
        assertThatThrownBy(() -> {
            try (InputStream in = blobs.open(blob.id())) {
                int off = 0;
                for (int n; (n = in.read(received, off, received.length - off)) > 0; ) {
                    off += n;
                }
            }
        }).isInstanceOf(BlobCorruptedException.class).hasMessageContaining(blob.id());
        // what was handed out before the damaged chunk is authentic; nothing after it was released
        assertThat(java.util.Arrays.copyOfRange(received, 200_000, content.length))
                .containsOnly((byte) 0);
        assertThat(events.stream(BlobCorrupted.class)).anyMatch(e -> e.blobId().equals(blob.id()));
    }

    @Test
    void detectsARecordedDigestThatDoesNotMatch() {
        BlobStore.StoredBlob blob = blobs.put("evidence", new ByteArrayInputStream("abc".getBytes(StandardCharsets.UTF_8)));
        jdbc.sql("UPDATE keys_blob SET sha256 = ? WHERE id = ?").params("0".repeat(64), blob.id()).update();
        assertThatThrownBy(() -> blobs.verify(blob.id())).isInstanceOf(BlobCorruptedException.class)
                .hasMessageContaining("does not match the recorded SHA-256");
    }

    @Test
    void deletesBlobsAndTheirKeys() {
        BlobStore.StoredBlob blob = blobs.put("evidence", new ByteArrayInputStream(new byte[10]));
        Path file = ((FolderBlobStore) blobs).file(blob.id());
        assertThat(file).exists();
        blobs.delete(blob.id());
        assertThat(file).doesNotExist();
        assertThat(blobs.find(blob.id())).isEmpty();
        assertThatThrownBy(() -> blobs.open(blob.id())).isInstanceOf(BlobNotFoundException.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM keys_data_key WHERE object_id = ?").param(blob.id())
                .query(Long.class).single()).isZero();
    }
}
