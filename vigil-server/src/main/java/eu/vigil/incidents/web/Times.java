package eu.vigil.incidents.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import eu.vigil.core.incident.Countdown;
import eu.vigil.core.incident.Deadline;
import eu.vigil.core.incident.DeadlineStatus;

/**
 * Times as pages show them: in the viewer's time zone (computed in UTC underneath), with countdowns.
 */
public record Times(ZoneId zone, Instant now) {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    public String at(Instant instant) {
        return instant == null ? "—" : SHOWN.withZone(zone).format(instant);
    }

    /** The value for a {@code datetime-local} input. */
    public String input(Instant instant) {
        return instant == null ? "" : INPUT.withZone(zone).format(instant);
    }

    /** A length of time for people: "2 d 3 h", "5 h 10 min", "4 min". */
    public String span(java.time.Duration duration) {
        if (duration == null) {
            return "—";
        }
        long minutes = Math.max(0, duration.toMinutes());
        long days = minutes / 1440;
        long hours = minutes / 60 % 24;
        if (days > 0) {
            return days + " d" + (hours > 0 ? " " + hours + " h" : "");
        }
        return hours > 0 ? hours + " h" + (minutes % 60 > 0 ? " " + minutes % 60 + " min" : "") : minutes % 60 + " min";
    }

    public String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    public String countdown(Deadline deadline) {
        return switch (deadline.status(now)) {
            case MET -> "submitted " + at(deadline.submittedAt());
            case MET_LATE -> "submitted late, " + at(deadline.submittedAt());
            case PENDING -> "due one month after the incident is handled";
            default -> Countdown.describe(deadline.remaining(now));
        };
    }

    public String badge(Deadline deadline) {
        DeadlineStatus status = deadline.status(now);
        return switch (status) {
            case MET -> "badge ok";
            case MET_LATE -> "badge warn";
            case OVERDUE -> "badge bad";
            case PENDING -> "badge info";
            case OPEN -> deadline.remaining(now).toHours() < 6 ? "badge warn" : "badge info";
        };
    }

    public String status(Deadline deadline) {
        return switch (deadline.status(now)) {
            case OPEN -> "open";
            case OVERDUE -> "overdue";
            case MET -> "met";
            case MET_LATE -> "met late";
            case PENDING -> "pending";
        };
    }
}
