package eu.vigil.psirt.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import eu.vigil.core.cra.CraDeadline;
import eu.vigil.core.incident.DeadlineStatus;
import eu.vigil.identity.Role;
import eu.vigil.notifications.Notice;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminds the PSIRT of CRA Art. 14 deadlines: a {@code psirt.cra.deadline} notice when a report is
 * due within six hours, and another when it is overdue. Notice keys are stable, so a reminder is
 * delivered once even when several nodes run this.
 */
@Component
public class CraReminders {

    static final Duration DUE_SOON = Duration.ofHours(6);

    private final JdbcClient jdbc;
    private final PsirtService cases;
    private final ApplicationEventPublisher events;

    CraReminders(JdbcClient jdbc, PsirtService cases, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.events = events;
    }

    @Scheduled(initialDelayString = "${vigil.psirt.reminder-interval:PT15M}",
            fixedDelayString = "${vigil.psirt.reminder-interval:PT15M}")
    void scheduled() {
        remind(cases.now());
    }

    /** Publishes the reminders due at {@code now}; returns them. */
    @Transactional // publishing writes the event publication
    public List<Notice> remind(Instant now) {
        List<Notice> notices = new ArrayList<>();
        List<Long> ids = jdbc.sql("SELECT id FROM psirt_case WHERE actively_exploited = TRUE AND state NOT IN ('REJECTED', 'DUPLICATE')")
                .query(Long.class).list();
        for (long id : ids) {
            PsirtCase c = cases.find(id);
            for (CraDeadline d : cases.craDeadlines(c)) {
                DeadlineStatus status = d.status(now);
                if (status == DeadlineStatus.OVERDUE) {
                    notices.add(notice(c, d, "overdue", Notice.Urgency.CRITICAL,
                            "CRA " + d.stage().title().toLowerCase() + " of " + c.reference() + " is overdue"));
                } else if (status == DeadlineStatus.OPEN && !d.due().isAfter(now.plus(DUE_SOON))) {
                    notices.add(notice(c, d, "due-soon", Notice.Urgency.WARNING,
                            "CRA " + d.stage().title().toLowerCase() + " of " + c.reference() + " is due within 6 hours"));
                }
            }
        }
        notices.forEach(events::publishEvent);
        return notices;
    }

    private static Notice notice(PsirtCase c, CraDeadline d, String what, Notice.Urgency urgency, String subject) {
        return new Notice("psirt.cra.deadline", urgency, "psirt:" + c.id() + ":cra:" + d.stage().code() + ":" + what,
                subject, "Due " + d.due() + " (Regulation (EU) 2024/2847 Art. 14(2)). Submit it on the single reporting "
                        + "platform and record the submission in Vigil.",
                "/psirt/cases/" + c.id(), Set.of(Role.SECURITY, Role.ADMIN), Map.of("case", c.reference()));
    }
}
