package eu.vigil.backup.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import eu.vigil.backup.ArchiveCheck;
import eu.vigil.backup.BackupFolder;
import eu.vigil.backup.BackupReport;
import eu.vigil.backup.BackupStatus;
import eu.vigil.backup.Backups;
import eu.vigil.backup.InvalidArchiveException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

@Component
class ScheduledBackupFolder implements BackupFolder {

    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private final Backups backups;
    private final Path folder;
    private final Clock clock;
    private final String schedule;
    private final boolean jobsEnabled;
    private final Map<String, Checked> checks = new ConcurrentHashMap<>();

    ScheduledBackupFolder(Backups backups, Environment environment, ObjectProvider<Clock> clock) {
        this.backups = backups;
        this.folder = BackupSchedule.folder(environment);
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.schedule = environment.getProperty("vigil.backup.schedule", BackupSchedule.DEFAULT_SCHEDULE);
        this.jobsEnabled = environment.getProperty("vigil.jobs.enabled", Boolean.class, true);
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
        ArchiveCheck check = backups.verify(folder.resolve(name));
        checks.put(name, new Checked(check.valid(), check.problem(), Instant.now(clock)));
        return check;
    }

    @Override
    public BackupStatus status() {
        Instant now = Instant.now(clock);
        Archive latest = archives().stream().findFirst().orElse(null);
        Checked checked = latest == null ? null : checks.get(latest.name());
        BackupStatus.Verification verification = checked == null ? BackupStatus.Verification.NOT_CHECKED
                : checked.valid() ? BackupStatus.Verification.VERIFIED : BackupStatus.Verification.FAILED;
        Instant next = null;
        Duration maxAge = null;
        try {
            CronExpression cron = CronExpression.parse(schedule);
            ZonedDateTime first = cron.next(now.atZone(ZoneOffset.UTC));
            ZonedDateTime second = first == null ? null : cron.next(first);
            if (first != null && second != null) {
                maxAge = Duration.between(first, second).plusHours(1);
            }
            if (jobsEnabled && first != null) {
                next = first.toInstant();
            }
        } catch (IllegalArgumentException e) {
            // an unparsable schedule: the status says nothing about it, the scheduler itself reports it
        }
        return new BackupStatus(latest, verification, checked == null ? null : checked.at(),
                checked == null ? null : checked.problem(), next, maxAge, now);
    }

    private record Checked(boolean valid, String problem, Instant at) {
    }
}
