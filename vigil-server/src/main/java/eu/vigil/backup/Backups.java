package eu.vigil.backup;

import java.nio.file.Path;

/** Makes and checks backups of this installation. */
public interface Backups {

    /**
     * Writes an archive to {@code out}: first to a temporary file beside it, fsynced, then moved
     * into place, so {@code out} is either absent or complete.
     */
    BackupReport create(Path out);

    /** Checks an archive with this installation's master key, without restoring it. */
    ArchiveCheck verify(Path archive);
}
