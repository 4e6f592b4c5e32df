package eu.vigil.incidents.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import eu.vigil.core.incident.Deadline;
import eu.vigil.core.incident.DeadlineStatus;
import eu.vigil.core.incident.ReportStage;
import eu.vigil.identity.Role;
import eu.vigil.notifications.Notice;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminders of the reporting clock by every channel: for each outstanding deadline that comes
 * within its reminder window ({@code vigil.incidents.remind-*}), and again when it is overdue, a
 * {@link Notice} on topic {@code incidents.deadline} for compliance and management. Each reminder
 * is remembered in {@code incident_reminder} and its key ({@code incident:42:early-warning:due-in-6h},
 * {@code incident:42:early-warning:overdue}) lets notifications deliver it once even if two runs race.
 */
@Service
public class IncidentReminders {

    public static final String TOPIC = "incidents.deadline";
    private static final DateTimeFormatter UTC_TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final IncidentManagement incidents;
    private final IncidentSettings settings;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    IncidentReminders(IncidentManagement incidents, IncidentSettings settings, JdbcClient jdbc,
                      ApplicationEventPublisher events, Clock clock) {
        this.incidents = incidents;
        this.settings = settings;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** Publishes the reminders that are due and were not sent before; returns how many. */
    @Transactional
    public int publishDue() {
        int published = 0;
        Instant now = clock.instant();
        for (IncidentClock c : incidents.openClocks()) {
            for (Deadline d : c.reminders()) {
                boolean overdue = d.status(now) == DeadlineStatus.OVERDUE;
                String key = "incident:" + c.incident().id() + ":" + slug(d.stage()) + ":"
                        + (overdue ? "overdue" : "due-in-" + text(window(d.stage())));
                int fresh = jdbc.sql("INSERT INTO incident_reminder (reminder_key, incident_id, sent_at) VALUES (?, ?, ?) "
                                + "ON CONFLICT DO NOTHING")
                        .param(key).param(c.incident().id()).param(Incidents.at(now)).update();
                if (fresh == 1) {
                    events.publishEvent(notice(c, d, key, overdue, now));
                    published++;
                }
            }
        }
        return published;
    }

    private Notice notice(IncidentClock c, Deadline d, String key, boolean overdue, Instant now) {
        Incident incident = c.incident();
        String stage = d.stage().title().toLowerCase(Locale.ROOT);
        String subject = incident.reference() + ": " + stage + (overdue
                ? " overdue since " + UTC_TEXT.format(d.due())
                : " due in " + text(d.remaining(now)) + ", by " + UTC_TEXT.format(d.due()))
                + " (" + incident.title() + ")";
        String body = "The " + stage + " (" + d.stage().legalReference() + ") on incident " + incident.reference() + " \""
                + incident.title() + "\" is " + (overdue ? "overdue: it was due " : "due ") + UTC_TEXT.format(d.due()) + ".\n"
                + "Significance: " + c.verdict().title() + ". Deadline basis: " + d.basis().description() + ".";
        return new Notice(TOPIC, overdue ? Notice.Urgency.CRITICAL : Notice.Urgency.WARNING, key, subject, body,
                "/incidents/" + incident.id(), Set.of(Role.COMPLIANCE, Role.MANAGEMENT),
                Map.of("incident", incident.reference(), "stage", slug(d.stage())));
    }

    private Duration window(ReportStage stage) {
        return switch (stage) {
            case EARLY_WARNING -> settings.remindEarlyWarning();
            case INCIDENT_NOTIFICATION -> settings.remindNotification();
            default -> settings.remindReport();
        };
    }

    private static String slug(ReportStage stage) {
        return stage.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** "6h", "3d", "2h 15m": short and stable, for keys and subjects. */
    static String text(Duration duration) {
        long minutes = Math.max(0, duration.toMinutes());
        long days = minutes / (24 * 60);
        long hours = minutes / 60 % 24;
        long mins = minutes % 60;
        StringBuilder out = new StringBuilder();
        if (days > 0) {
            out.append(days).append('d');
        }
        if (hours > 0) {
            out.append(out.isEmpty() ? "" : " ").append(hours).append('h');
        }
        if (mins > 0 || out.isEmpty()) {
            out.append(out.isEmpty() ? "" : " ").append(mins).append('m');
        }
        return out.toString();
    }
}
