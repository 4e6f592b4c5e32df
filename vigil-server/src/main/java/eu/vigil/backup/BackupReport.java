package eu.vigil.backup;

import java.nio.file.Path;
import java.time.Instant;

/** What a backup holds. */
public record BackupReport(Path file, long bytes, String archiveId, Instant createdAt, String schemaVersion,
                           int tables, long rows, int blobs, String signingKeyId) {
}
