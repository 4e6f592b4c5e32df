package eu.vigil.keys;

import java.io.InputStream;
import java.util.Optional;

/**
 * Files at rest, encrypted: each blob under its own data key, written atomically (temporary
 * file, fsync, move), with the SHA-256 and size of its plaintext kept and checked on read.
 * Backed by {@code <data>/blobs}.
 */
public interface BlobStore {

    /**
     * Stores {@code content} (read to its end, not closed) and returns its id and digest.
     * Joins the caller's transaction: when it rolls back, the blob is not there.
     *
     * @throws StorageFullException when the disk is full; nothing is stored
     */
    StoredBlob put(String purpose, InputStream content);

    /**
     * The plaintext of a blob as a stream. Every 64 KiB chunk is authenticated before it is
     * released, and the SHA-256 and size are checked at the end: a damaged or truncated blob
     * throws {@link BlobCorruptedException} from read and is never returned as data.
     *
     * @throws BlobNotFoundException when there is no such blob
     */
    InputStream open(String blobId);

    Optional<StoredBlob> find(String blobId);

    /** Reads the whole blob and checks it; throws {@link BlobCorruptedException} when it is damaged. */
    StoredBlob verify(String blobId) throws BlobCorruptedException;

    /** Deletes the blob and destroys its key. */
    void delete(String blobId);

    /**
     * @param id      the blob's id (a UUID)
     * @param sha256  SHA-256 of the plaintext, lower-case hex
     * @param size    plaintext length in bytes
     */
    record StoredBlob(String id, String purpose, String sha256, long size, java.time.Instant createdAt) {
    }
}
