package eu.vigil.keys.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import eu.vigil.core.crypto.TamperedCiphertextException;
import eu.vigil.keys.BlobCorrupted;
import eu.vigil.keys.BlobCorruptedException;
import eu.vigil.keys.BlobNotFoundException;
import eu.vigil.keys.BlobStore;
import eu.vigil.keys.Encryption;
import eu.vigil.keys.StorageFullException;
import eu.vigil.platform.DataFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Blobs as files under {@code <data>/blobs/<first two characters of the id>/<id>}: written to
 * {@code .incoming/} first, fsynced, then moved into place, and only then recorded in
 * {@code keys_blob}. A crash leaves at most an unrecorded file, which nothing reads and
 * {@link #sweep} removes; a recorded blob is always complete.
 */
@Component
public class FolderBlobStore implements BlobStore {

    static final String PURPOSE_PREFIX = "blob.";
    private static final Logger log = LoggerFactory.getLogger(FolderBlobStore.class);
    private final Path root;
    private final Path incoming;
    private final Encryption encryption;
    private final JdbcClient jdbc;
    private final KeyHierarchy keys;
    private final ApplicationEventPublisher events;

    @org.springframework.beans.factory.annotation.Autowired
    FolderBlobStore(Environment environment, Encryption encryption, JdbcClient jdbc, KeyHierarchy keys,
                    ApplicationEventPublisher events) {
        this(DataFolder.from(environment).folder("blobs"), encryption, jdbc, keys, events);
    }

    FolderBlobStore(Path root, Encryption encryption, JdbcClient jdbc, KeyHierarchy keys,
                    ApplicationEventPublisher events) {
        this.root = root;
        this.incoming = root.resolve(".incoming");
        this.encryption = encryption;
        this.jdbc = jdbc;
        this.keys = keys;
        this.events = events;
    }

    /** The folder that holds the blob files (for backups). */
    public Path root() {
        return root;
    }

    /** Where the ciphertext of {@code id} lives. */
    public Path file(String id) {
        return root.resolve(id.substring(0, 2)).resolve(id);
    }

    /** Opens the file a blob is written to; tests replace it to simulate a full disk. */
    OutputStream create(Path file) throws IOException {
        return Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    @Override
    public StoredBlob put(String purpose, InputStream content) {
        String id = UUID.randomUUID().toString();
        Path temporary = incoming.resolve(id + ".part");
        MessageDigest sha256 = sha256();
        long size;
        try {
            Files.createDirectories(incoming);
            try (OutputStream encrypted = encryption.encrypting(PURPOSE_PREFIX + purpose, id, create(temporary))) {
                size = copy(content, encrypted, sha256);
            }
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Path target = file(id);
            Files.createDirectories(target.getParent());
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            MasterKeyStore.syncFolder(target.getParent());
        } catch (IOException e) {
            deleteQuietly(temporary);
            encryption.forget(PURPOSE_PREFIX + purpose, id);
            if (isDiskFull(e)) {
                throw new StorageFullException("the disk holding " + root + " is full: nothing was stored ("
                        + e.getMessage() + ")", e);
            }
            throw new UncheckedIOException("cannot store the file in " + root + ": " + e.getMessage(), e);
        }
        String digest = HexFormat.of().formatHex(sha256.digest());
        OffsetDateTime now = keys.now();
        jdbc.sql("INSERT INTO keys_blob (id, purpose, sha256, size, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(id, purpose, digest, size, now)
                .update();
        return new StoredBlob(id, purpose, digest, size, now.toInstant());
    }

    private static long copy(InputStream in, OutputStream out, MessageDigest sha256) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            sha256.update(buffer, 0, n);
            out.write(buffer, 0, n);
            total += n;
        }
        return total;
    }

    static boolean isDiskFull(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("No space left on device") || message.contains("Disk quota exceeded")
                    || (t instanceof FileSystemException fs && String.valueOf(fs.getReason()).contains("No space"))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Optional<StoredBlob> find(String blobId) {
        return jdbc.sql("SELECT id, purpose, sha256, size, created_at FROM keys_blob WHERE id = ?")
                .param(blobId)
                .query((rs, n) -> new StoredBlob(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getObject(5, OffsetDateTime.class).toInstant()))
                .optional();
    }

    @Override
    public InputStream open(String blobId) {
        StoredBlob blob = find(blobId).orElseThrow(() -> new BlobNotFoundException("no blob " + blobId));
        InputStream file;
        try {
            file = Files.newInputStream(file(blobId));
        } catch (NoSuchFileException e) {
            report(blob, "its file is missing");
            throw new BlobNotFoundException("the file of blob " + blobId + " is missing from " + root, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MessageDigest sha256 = sha256();
        InputStream plain = new DigestInputStream(encryption.decrypting(PURPOSE_PREFIX + blob.purpose(), blobId, file), sha256);
        return new FilterInputStream(plain) {
            private long size;
            private boolean checked;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n;
                try {
                    n = super.read(b, off, len);
                } catch (TamperedCiphertextException e) {
                    throw corrupted(blob, e.getMessage(), e);
                }
                if (n > 0) {
                    size += n;
                } else if (n < 0 && !checked) {
                    checked = true;
                    String digest = HexFormat.of().formatHex(sha256.digest());
                    if (size != blob.size() || !digest.equals(blob.sha256())) {
                        throw corrupted(blob, "its content does not match the recorded SHA-256 and size", null);
                    }
                }
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                // read through, so that the digest covers everything
                byte[] buffer = new byte[(int) Math.min(n, 8192)];
                long skipped = 0;
                while (skipped < n) {
                    int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
                    if (r < 0) {
                        break;
                    }
                    skipped += r;
                }
                return skipped;
            }
        };
    }

    private BlobCorruptedException corrupted(StoredBlob blob, String reason, Throwable cause) {
        report(blob, reason);
        return new BlobCorruptedException("blob " + blob.id() + " is damaged: " + reason, cause);
    }

    private void report(StoredBlob blob, String reason) {
        log.error("Blob {} ({}) failed its integrity check: {}", blob.id(), blob.purpose(), reason);
        events.publishEvent(new BlobCorrupted(blob.id(), blob.purpose(), reason));
    }

    @Override
    public StoredBlob verify(String blobId) throws BlobCorruptedException {
        try (InputStream in = open(blobId)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (BlobCorruptedException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return find(blobId).orElseThrow();
    }

    @Override
    public void delete(String blobId) {
        StoredBlob blob = find(blobId).orElseThrow(() -> new BlobNotFoundException("no blob " + blobId));
        jdbc.sql("DELETE FROM keys_blob WHERE id = ?").param(blobId).update();
        encryption.forget(PURPOSE_PREFIX + blob.purpose(), blobId);
        deleteQuietly(file(blobId));
    }

    /**
     * Removes what crashes left behind: unfinished uploads, and files no row refers to, when
     * older than {@code age} (so uploads in flight on other nodes are spared).
     */
    public int sweep(Duration age) {
        Instant before = Instant.now().minus(age);
        int removed = 0;
        try (Stream<Path> files = Files.walk(root, 2)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                if (Files.getLastModifiedTime(file).toInstant().isAfter(before)) {
                    continue;
                }
                String name = file.getFileName().toString();
                boolean unfinished = file.getParent().equals(incoming);
                boolean orphan = !unfinished && name.length() == 36 && find(name).isEmpty();
                if (unfinished || orphan) {
                    deleteQuietly(file);
                    removed++;
                }
            }
        } catch (IOException e) {
            log.warn("Could not sweep {}: {}", root, e.getMessage());
        }
        return removed;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", file, e.getMessage());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
