package eu.vigil.incidents.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the deadline reminders every {@code vigil.incidents.reminder-interval} (default one minute)
 * under a ShedLock lock in the {@code shedlock} table, so one node runs it when several share a database.
 */
@Component
@ConditionalOnProperty(name = "vigil.jobs.enabled", havingValue = "true", matchIfMissing = true)
class IncidentReminderSchedule {

    private static final Logger log = LoggerFactory.getLogger(IncidentReminderSchedule.class);

    private final IncidentReminders reminders;
    private final LockingTaskExecutor locks;
    private final Clock clock;

    IncidentReminderSchedule(IncidentReminders reminders, DataSource dataSource, Clock clock) {
        this.reminders = reminders;
        // a private lock provider, as the backup schedule has: no global ShedLock configuration to clash
        this.locks = new DefaultLockingTaskExecutor(new JdbcTemplateLockProvider(
                JdbcTemplateLockProvider.Configuration.builder().withJdbcTemplate(new JdbcTemplate(dataSource))
                        .usingDbTime().build()));
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${vigil.incidents.reminder-interval:1m}", initialDelayString = "${vigil.incidents.reminder-interval:1m}")
    void remind() {
        locks.executeWithLock((Runnable) () -> {
            try {
                int sent = reminders.publishDue();
                if (sent > 0) {
                    log.info("Published {} incident deadline reminder(s)", sent);
                }
            } catch (RuntimeException e) {
                log.error("Incident deadline reminders failed; the next run tries again: {}", e.getMessage());
            }
        }, new LockConfiguration(Instant.now(clock), "vigil-incident-reminders", Duration.ofMinutes(10), Duration.ZERO));
    }
}
