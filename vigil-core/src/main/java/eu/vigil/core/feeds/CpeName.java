package eu.vigil.core.feeds;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import eu.vigil.core.InvalidInputException;

/**
 * The parts of a CPE name the knowledge base indexes by: part, vendor, product and version. Reads
 * CPE 2.3 formatted strings ({@code cpe:2.3:a:apache:log4j:2.14.1:*:*:*:*:*:*:*}, backslash
 * escapes kept as written) and CPE 2.2 URIs ({@code cpe:/a:apache:log4j:2.14.1}).
 *
 * @param version the version as written, or {@code "*"} (any) or {@code "-"} (not applicable)
 */
public record CpeName(String part, String vendor, String product, String version) {

    /** The OSV ecosystem under which CPE-named products are stored. */
    public static final String ECOSYSTEM = "CPE";

    public static CpeName parse(String cpe) {
        if (cpe == null || cpe.length() > 1000) {
            throw new InvalidInputException("CPE name missing or too long");
        }
        String lower = cpe.toLowerCase(Locale.ROOT);
        List<String> parts;
        if (lower.startsWith("cpe:2.3:")) {
            parts = split(cpe.substring("cpe:2.3:".length()));
        } else if (lower.startsWith("cpe:/")) {
            parts = split(cpe.substring("cpe:/".length()));
        } else {
            throw new InvalidInputException("\"" + excerpt(cpe) + "\" is not a CPE 2.3 name or CPE 2.2 URI");
        }
        if (parts.size() < 3 || parts.get(1).isEmpty() || parts.get(2).isEmpty()
                || parts.get(1).equals("*") || parts.get(2).equals("*")) {
            throw new InvalidInputException("CPE name \"" + excerpt(cpe) + "\" names no vendor and product");
        }
        String version = parts.size() > 3 && !parts.get(3).isEmpty() ? parts.get(3) : "*";
        return new CpeName(parts.get(0), parts.get(1), parts.get(2), version);
    }

    private static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                current.append(c).append(text.charAt(++i));
            } else if (c == ':') {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }

    private static String excerpt(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }

    /** The package name in the {@code CPE} ecosystem: {@code vendor:product}. */
    public String packageName() {
        return vendor + ":" + product;
    }

    /** Whether the version names one version (not any, not "not applicable"). */
    public boolean hasVersion() {
        return !version.equals("*") && !version.equals("-");
    }
}
