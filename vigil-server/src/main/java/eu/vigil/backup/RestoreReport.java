package eu.vigil.backup;

import java.nio.file.Path;

/** What a restore wrote. */
public record RestoreReport(Path data, String databaseUrl, String schemaVersion, int tables, long rows, int blobs) {
}
