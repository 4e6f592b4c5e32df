package eu.vigil.backup.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import eu.vigil.backup.ArchiveCheck;
import eu.vigil.backup.BackupFolder;
import eu.vigil.backup.BackupReport;
import eu.vigil.backup.Backups;
import eu.vigil.backup.InvalidArchiveException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

@Component
class ScheduledBackupFolder implements BackupFolder {

    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private final Backups backups;
    private final Path folder;
    private final Clock clock;

    ScheduledBackupFolder(Backups backups, Environment environment, ObjectProvider<Clock> clock) {
        this.backups = backups;
        this.folder = BackupSchedule.folder(environment);
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Override
    public Path folder() {
        return folder;
    }

    @Override
    public List<Archive> archives() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".vbk")).map(f -> {
                try {
                    return new Archive(f.getFileName().toString(), Files.size(f), Files.getLastModifiedTime(f).toInstant());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sorted(Comparator.comparing(Archive::modified).reversed()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public BackupReport backUpNow() {
        return backups.create(folder.resolve("vigil-" + NAME.format(Instant.now(clock)) + ".vbk"));
    }

    @Override
    public ArchiveCheck check(String name) {
        if (!name.matches("[A-Za-z0-9._-]+\\.vbk")) {
            throw new InvalidArchiveException("not an archive name: " + name);
        }
        return backups.verify(folder.resolve(name));
    }
}
