package eu.vigil.core.version;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NuGet versions: one to four numbers ({@code 1.0 == 1.0.0 == 1.0.0.0}), an optional pre-release
 * of dot-separated labels compared case-insensitively (numeric labels numerically and before
 * words), and build metadata that does not count.
 */
final class NuGetVersionScheme implements VersionScheme {

    private static final Pattern NUGET = Pattern.compile(
            "(?<numbers>[0-9]+(?:\\.[0-9]+){0,3})"
                    + "(?:-(?<pre>[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*+))?"
                    + "(?:\\+(?<meta>[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*+))?");

    @Override
    public String name() {
        return "NuGet";
    }

    @Override
    public EcosystemVersion parse(String version) {
        VersionText.require(version, name());
        Matcher m = NUGET.matcher(version.strip());
        if (!m.matches()) {
            throw VersionText.invalid(name(), version, "not a NuGet version (1 to 4 numbers, then -PRERELEASE and +METADATA)");
        }
        String[] parts = m.group("numbers").split("\\.");
        List<String> numbers = new ArrayList<>(4);
        for (int i = 0; i < 4; i++) {
            numbers.add(i < parts.length ? VersionText.stripLeadingZeros(parts[i]) : "0");
        }
        List<String> labels = m.group("pre") == null ? List.of() : List.of(m.group("pre").split("\\."));
        return new NuGetVersion(version, List.copyOf(numbers), labels);
    }

    private record NuGetVersion(String text, List<String> numbers, List<String> labels) implements EcosystemVersion {

        @Override
        public VersionScheme scheme() {
            return VersionScheme.NUGET;
        }

        @Override
        public int compareTo(EcosystemVersion other) {
            if (!(other instanceof NuGetVersion that)) {
                throw new IllegalArgumentException("cannot compare a NuGet version with " + other.scheme().name());
            }
            for (int i = 0; i < 4; i++) {
                int c = VersionText.compareNumbers(numbers.get(i), that.numbers.get(i));
                if (c != 0) {
                    return c;
                }
            }
            if (labels.isEmpty() || that.labels.isEmpty()) {
                // a release sorts after its pre-releases
                return Boolean.compare(labels.isEmpty(), that.labels.isEmpty());
            }
            int n = Math.min(labels.size(), that.labels.size());
            for (int i = 0; i < n; i++) {
                int c = compareLabel(labels.get(i), that.labels.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(labels.size(), that.labels.size());
        }

        private static int compareLabel(String a, String b) {
            boolean aNumber = VersionText.allAsciiDigits(a);
            boolean bNumber = VersionText.allAsciiDigits(b);
            if (aNumber && bNumber) {
                return VersionText.compareNumbers(VersionText.stripLeadingZeros(a), VersionText.stripLeadingZeros(b));
            }
            if (aNumber != bNumber) {
                return aNumber ? -1 : 1;
            }
            return Integer.signum(String.CASE_INSENSITIVE_ORDER.compare(a, b));
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
