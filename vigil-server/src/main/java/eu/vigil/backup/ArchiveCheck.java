package eu.vigil.backup;

import java.time.Instant;

/**
 * The result of checking an archive: decrypted and authenticated end to end, every entry's
 * SHA-256 and size as the manifest says, nothing missing or extra, the manifest's signature valid.
 */
public record ArchiveCheck(boolean valid, String problem, String archiveId, Instant createdAt, String schemaVersion,
                           String database, int tables, long rows, int blobs, String signingKeyId,
                           String signingPublicKey) {
}
