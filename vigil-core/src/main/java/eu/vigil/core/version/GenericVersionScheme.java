package eu.vigil.core.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The fallback for ecosystems without a scheme of their own: the version splits into runs of
 * digits and runs of letters (anything else only separates them); numbers compare numerically,
 * words case-insensitively, and a word sorts before a number. When one version is a prefix of the
 * other, the longer one is greater unless it goes on with a word ({@code 1.0-beta < 1.0 < 1.0.1}).
 * Any non-blank string is a version; one with neither digits nor letters compares by its text.
 */
final class GenericVersionScheme implements VersionScheme {

    @Override
    public String name() {
        return "generic";
    }

    @Override
    public EcosystemVersion parse(String version) {
        VersionText.require(version, name());
        List<Object> segments = new ArrayList<>();
        String s = version.strip();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int start = i;
            if (VersionText.isAsciiDigit(c)) {
                while (i < s.length() && VersionText.isAsciiDigit(s.charAt(i))) {
                    i++;
                }
                segments.add(new Number(VersionText.stripLeadingZeros(s.substring(start, i))));
            } else if (Character.isLetter(c)) {
                while (i < s.length() && Character.isLetter(s.charAt(i))) {
                    i++;
                }
                segments.add(s.substring(start, i).toLowerCase(Locale.ROOT));
            } else {
                i++;
            }
        }
        return new GenericVersion(version, s, List.copyOf(segments));
    }

    private record Number(String digits) {
    }

    private record GenericVersion(String text, String stripped, List<Object> segments) implements EcosystemVersion {

        @Override
        public VersionScheme scheme() {
            return VersionScheme.GENERIC;
        }

        @Override
        public int compareTo(EcosystemVersion other) {
            if (!(other instanceof GenericVersion that)) {
                throw new IllegalArgumentException("cannot compare a generic version with " + other.scheme().name());
            }
            int n = Math.min(segments.size(), that.segments.size());
            for (int i = 0; i < n; i++) {
                Object a = segments.get(i);
                Object b = that.segments.get(i);
                int c;
                if (a instanceof Number x && b instanceof Number y) {
                    c = VersionText.compareNumbers(x.digits(), y.digits());
                } else if (a instanceof String x && b instanceof String y) {
                    c = Integer.signum(x.compareTo(y));
                } else {
                    c = a instanceof String ? -1 : 1;
                }
                if (c != 0) {
                    return c;
                }
            }
            if (segments.size() != that.segments.size()) {
                boolean thisLonger = segments.size() > that.segments.size();
                Object next = thisLonger ? segments.get(n) : that.segments.get(n);
                boolean longerIsGreater = next instanceof Number;
                return thisLonger == longerIsGreater ? 1 : -1;
            }
            if (segments.isEmpty()) {
                return Integer.signum(stripped.compareTo(that.stripped));
            }
            return 0;
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
