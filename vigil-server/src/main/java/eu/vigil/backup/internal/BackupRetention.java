package eu.vigil.backup.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

import eu.vigil.backup.RetentionRule;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Scheduled backup archives older than {@code vigil.retention.backups} (default 30 days) are deleted. */
@Component
class BackupRetention implements RetentionRule {

    private final Path folder;

    BackupRetention(Environment environment) {
        this.folder = BackupSchedule.folder(environment);
    }

    @Override
    public String dataType() {
        return "backups";
    }

    @Override
    public Duration defaultPeriod() {
        return Duration.ofDays(30);
    }

    @Override
    public long deleteOlderThan(Instant cutoff) {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        long deleted = 0;
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.getFileName().toString().endsWith(".vbk"))::iterator) {
                if (Files.getLastModifiedTime(file).toInstant().isBefore(cutoff) && Files.deleteIfExists(file)) {
                    deleted++;
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot apply retention to " + folder, e);
        }
        return deleted;
    }
}
