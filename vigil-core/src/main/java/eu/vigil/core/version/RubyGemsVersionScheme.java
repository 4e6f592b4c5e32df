package eu.vigil.core.version;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * RubyGems' {@code Gem::Version}: dot-separated numbers and words, a hyphen standing for
 * {@code .pre.}; a segment holding letters makes a pre-release, which sorts below the release;
 * trailing zeros of the release part and of the pre-release part do not count
 * ({@code 1.0 == 1}, {@code 1.0.a.0 == 1.a}).
 */
final class RubyGemsVersionScheme implements VersionScheme {

    private static final Pattern VALID =
            Pattern.compile("[0-9]+(?>\\.[0-9a-zA-Z]+)*+(?:-[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*+)?");

    @Override
    public String name() {
        return "RubyGems";
    }

    @Override
    public EcosystemVersion parse(String version) {
        VersionText.require(version, name());
        String text = version.strip();
        if (!VALID.matcher(text).matches()) {
            throw VersionText.invalid(name(), version, "not a Gem::Version (numbers and words separated by dots)");
        }
        return new GemVersion(version, canonicalSegments(text.replace("-", ".pre.")));
    }

    /** Segments as Gem::Version splits them: runs of digits (numbers) or letters (words). */
    private static List<Object> canonicalSegments(String text) {
        List<Object> segments = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int start = i;
            if (VersionText.isAsciiDigit(c)) {
                while (i < text.length() && VersionText.isAsciiDigit(text.charAt(i))) {
                    i++;
                }
                segments.add(new Number(VersionText.stripLeadingZeros(text.substring(start, i))));
            } else if (VersionText.isAsciiLetter(c)) {
                while (i < text.length() && VersionText.isAsciiLetter(text.charAt(i))) {
                    i++;
                }
                segments.add(text.substring(start, i));
            } else {
                i++;
            }
        }
        // drop trailing zeros of the numeric part and of the part from the first word on
        int firstWord = 0;
        while (firstWord < segments.size() && segments.get(firstWord) instanceof Number) {
            firstWord++;
        }
        List<Object> release = dropTrailingZeros(segments.subList(0, firstWord));
        List<Object> prerelease = dropTrailingZeros(segments.subList(firstWord, segments.size()));
        List<Object> canonical = new ArrayList<>(release);
        canonical.addAll(prerelease);
        return List.copyOf(canonical);
    }

    private static List<Object> dropTrailingZeros(List<Object> segments) {
        int end = segments.size();
        while (end > 0 && segments.get(end - 1) instanceof Number n && n.digits().equals("0")) {
            end--;
        }
        return segments.subList(0, end);
    }

    private record Number(String digits) {
    }

    private record GemVersion(String text, List<Object> segments) implements EcosystemVersion {

        private static final Number ZERO = new Number("0");

        @Override
        public VersionScheme scheme() {
            return VersionScheme.RUBYGEMS;
        }

        @Override
        public int compareTo(EcosystemVersion other) {
            if (!(other instanceof GemVersion that)) {
                throw new IllegalArgumentException("cannot compare a RubyGems version with " + other.scheme().name());
            }
            int n = Math.max(segments.size(), that.segments.size());
            for (int i = 0; i < n; i++) {
                Object a = i < segments.size() ? segments.get(i) : ZERO;
                Object b = i < that.segments.size() ? that.segments.get(i) : ZERO;
                if (a.equals(b)) {
                    continue;
                }
                if (a instanceof String && b instanceof Number) {
                    return -1;
                }
                if (a instanceof Number && b instanceof String) {
                    return 1;
                }
                if (a instanceof Number x && b instanceof Number y) {
                    return VersionText.compareNumbers(x.digits(), y.digits());
                }
                return Integer.signum(((String) a).compareTo((String) b));
            }
            return 0;
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
