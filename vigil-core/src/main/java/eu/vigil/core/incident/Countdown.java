package eu.vigil.core.incident;

import java.time.Duration;

/** Human wording of the time left until a deadline: "2 d 3 h left", "overdue by 5 h 10 min". */
public final class Countdown {

    private Countdown() {
    }

    public static String describe(Duration remaining) {
        if (remaining == null) {
            return "not yet known";
        }
        boolean overdue = remaining.isNegative();
        Duration left = remaining.abs();
        long days = left.toDays();
        long hours = left.toHoursPart();
        long minutes = left.toMinutesPart();
        StringBuilder text = new StringBuilder();
        if (days > 0) {
            text.append(days).append(" d ");
        }
        if (days > 0 || hours > 0) {
            text.append(hours).append(" h ");
        }
        text.append(minutes).append(" min");
        return overdue ? "overdue by " + text : text + " left";
    }
}
