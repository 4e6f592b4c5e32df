package eu.vigil.backup;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** The archives of the scheduled backups, and making one now. */
public interface BackupFolder {

    record Archive(String name, long bytes, Instant modified) {
    }

    Path folder();

    List<Archive> archives();

    /** Writes a new archive into the folder now. */
    BackupReport backUpNow();

    /** Checks an archive of the folder by name. */
    ArchiveCheck check(String name);

    /**
     * The newest archive, whether it was checked (an administrator's check on the backups page, as
     * this node remembers it), and when the schedule runs next. Reads only; checks nothing itself.
     */
    BackupStatus status();
}
