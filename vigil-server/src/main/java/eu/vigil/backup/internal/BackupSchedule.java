package eu.vigil.backup.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import javax.sql.DataSource;

import eu.vigil.backup.BackupReport;
import eu.vigil.backup.Backups;
import eu.vigil.platform.DataFolder;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The scheduled backup ({@code vigil.backup.schedule}, a cron expression, default 02:30 every
 * day) into {@code vigil.backup.folder} (default {@code <data>/backups}). A ShedLock lock in the
 * {@code shedlock} table makes one node run it when several share a database.
 */
@Component
@ConditionalOnProperty(name = "vigil.jobs.enabled", havingValue = "true", matchIfMissing = true)
class BackupSchedule {

    static final String DEFAULT_SCHEDULE = "0 30 2 * * *";
    private static final Logger log = LoggerFactory.getLogger(BackupSchedule.class);
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private final Backups backups;
    private final LockingTaskExecutor locks;
    private final Path folder;
    private final Clock clock;

    BackupSchedule(Backups backups, DataSource dataSource, Environment environment, ObjectProvider<Clock> clock) {
        this.backups = backups;
        // a private lock provider: no global ShedLock configuration to clash with other modules'
        this.locks = new DefaultLockingTaskExecutor(new JdbcTemplateLockProvider(
                JdbcTemplateLockProvider.Configuration.builder().withJdbcTemplate(new JdbcTemplate(dataSource))
                        .usingDbTime().build()));
        this.folder = folder(environment);
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    static Path folder(Environment environment) {
        String configured = environment.getProperty("vigil.backup.folder");
        return configured == null || configured.isBlank()
                ? DataFolder.from(environment).root().resolve("backups") : Path.of(configured);
    }

    @Scheduled(cron = "${vigil.backup.schedule:0 30 2 * * *}", zone = "UTC")
    void backUp() {
        locks.executeWithLock((Runnable) () -> {
            Path file = folder.resolve("vigil-" + NAME.format(Instant.now(clock)) + ".vbk");
            try {
                BackupReport report = backups.create(file);
                log.info("Scheduled backup written: {} ({} bytes, {} rows, {} files)", file, report.bytes(), report.rows(),
                        report.blobs());
            } catch (RuntimeException e) {
                log.error("Scheduled backup to {} failed: {}", file, e.getMessage());
            }
        }, new LockConfiguration(Instant.now(clock), "vigil-backup", Duration.ofHours(6), Duration.ofMinutes(1)));
    }
}
