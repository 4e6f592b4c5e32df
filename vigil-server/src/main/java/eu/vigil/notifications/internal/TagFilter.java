package eu.vigil.notifications.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A subscription's optional filter on a notice's tags, {@code key=value} pairs separated by
 * commas, all of which must match ({@code product=cam-x}: update notices of one product only).
 */
final class TagFilter {

    private static final Pattern PAIR = Pattern.compile("[A-Za-z0-9_.-]{1,60}=[^,=]{1,200}");

    private TagFilter() {
    }

    static Map<String, String> parse(String text) {
        Map<String, String> filter = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return filter;
        }
        for (String part : text.split(",")) {
            String pair = part.strip();
            if (pair.isEmpty()) {
                continue;
            }
            if (!PAIR.matcher(pair).matches()) {
                throw new InvalidNotificationInput("tagFilter", "'" + pair + "' is not key=value (such as product=cam-x).");
            }
            int eq = pair.indexOf('=');
            filter.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        }
        return filter;
    }

    static String format(Map<String, String> filter) {
        return String.join(",", filter.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    }

    static boolean matches(Map<String, String> filter, Map<String, String> tags) {
        return filter.entrySet().stream().allMatch(e -> e.getValue().equals(tags.get(e.getKey())));
    }
}
