package eu.vigil.notifications.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Topic patterns of subscriptions: a topic ({@code psirt.advisory.published}), a prefix with a
 * {@code *} suffix wildcard ({@code psirt.*} matches every topic starting {@code psirt.}), or
 * {@code *} alone for every topic. Several are separated by commas.
 */
final class Topics {

    private static final Pattern VALID = Pattern.compile("\\*|[a-z0-9][a-z0-9_.-]{0,119}\\*?");

    private Topics() {
    }

    static List<String> parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidNotificationInput("topics", "Name at least one topic, such as psirt.* or incidents.deadline.");
        }
        List<String> patterns = Arrays.stream(text.split("[,\\s]+")).map(s -> s.strip().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty()).distinct().toList();
        for (String p : patterns) {
            if (!VALID.matcher(p).matches()) {
                throw new InvalidNotificationInput("topics", "'" + p + "' is not a topic pattern: lower-case words joined "
                        + "by dots, optionally ending in * (psirt.*), or * alone.");
            }
        }
        if (patterns.isEmpty()) {
            throw new InvalidNotificationInput("topics", "Name at least one topic.");
        }
        return patterns;
    }

    static boolean matches(List<String> patterns, String topic) {
        for (String p : patterns) {
            if (p.equals("*") || p.equals(topic) || (p.endsWith("*") && topic.startsWith(p.substring(0, p.length() - 1)))) {
                return true;
            }
        }
        return false;
    }
}
