package eu.vigil.backup.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import eu.vigil.audit.AuditEvent;
import eu.vigil.audit.AuditTrail;
import eu.vigil.backup.RetentionRule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Applies every {@link RetentionRule} once a day ({@code vigil.retention.schedule}); the period of
 * each data type is {@code vigil.retention.<type>}. Each run is recorded in the audit trail with
 * what was deleted, also when nothing was, so the data lifecycle can be shown.
 */
@Component
public class RetentionSchedule {

    private static final Logger log = LoggerFactory.getLogger(RetentionSchedule.class);
    private final List<RetentionRule> rules;
    private final Environment environment;
    private final AuditTrail trail;
    private final Clock clock;

    RetentionSchedule(List<RetentionRule> rules, Environment environment, AuditTrail trail, ObjectProvider<Clock> clock) {
        this.rules = rules;
        this.environment = environment;
        this.trail = trail;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Scheduled(cron = "${vigil.retention.schedule:0 15 3 * * *}", zone = "UTC")
    void scheduled() {
        if (environment.getProperty("vigil.jobs.enabled", Boolean.class, true)) {
            apply();
        }
    }

    /** Applies every rule now; returns how many items were deleted in all. */
    public long apply() {
        long total = 0;
        for (RetentionRule rule : rules) {
            Duration period = environment.getProperty("vigil.retention." + rule.dataType(), Duration.class, rule.defaultPeriod());
            Instant cutoff = Instant.now(clock).minus(period);
            try {
                long deleted = rule.deleteOlderThan(cutoff);
                total += deleted;
                trail.record(AuditEvent.of("retention.delete").object("data-type", rule.dataType()).actor("system")
                        .detail("period", period).detail("cutoff", cutoff).detail("deleted", deleted));
            } catch (RuntimeException e) {
                log.error("Retention for {} failed: {}", rule.dataType(), e.getMessage());
                trail.record(AuditEvent.of("retention.delete").object("data-type", rule.dataType()).actor("system").failed()
                        .detail("error", e.getMessage()));
            }
        }
        return total;
    }
}
