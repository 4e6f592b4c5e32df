package eu.vigil.core.version;

/**
 * dpkg's ordering: {@code [epoch:]upstream[-revision]}, epochs numerically, then upstream and
 * revision by dpkg's {@code verrevcmp}: runs of non-digits character by character (letters before
 * other characters, {@code ~} before everything, even the end), runs of digits numerically.
 *
 * <p>Validity follows dpkg's errors, not its warnings: a version is rejected when it is blank,
 * holds blanks, has a non-numeric epoch, nothing after the epoch's colon, or an empty revision.
 * An upstream version that does not start with a digit, or holds characters outside dpkg's set, is
 * only a warning to dpkg, and such versions do occur in distribution data, so they are accepted.
 */
final class DebianVersionScheme implements VersionScheme {

    @Override
    public String name() {
        return "Debian";
    }

    @Override
    public EcosystemVersion parse(String version) {
        VersionText.require(version, name());
        String text = version.strip();
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                throw VersionText.invalid(name(), version, "holds a blank");
            }
        }
        String epoch = "0";
        int colon = text.indexOf(':');
        if (colon >= 0) {
            String epochText = text.substring(0, colon);
            if (!VersionText.allAsciiDigits(epochText)) {
                throw VersionText.invalid(name(), version, "epoch \"" + epochText + "\" is not a number");
            }
            epoch = VersionText.stripLeadingZeros(epochText);
            text = text.substring(colon + 1);
            if (text.isEmpty()) {
                throw VersionText.invalid(name(), version, "nothing after the epoch");
            }
        }
        String upstream = text;
        String revision = "";
        int hyphen = text.lastIndexOf('-');
        if (hyphen >= 0) {
            upstream = text.substring(0, hyphen);
            revision = text.substring(hyphen + 1);
            if (revision.isEmpty()) {
                throw VersionText.invalid(name(), version, "the revision after the last hyphen is empty");
            }
            if (upstream.isEmpty()) {
                throw VersionText.invalid(name(), version, "the upstream version is empty");
            }
        }
        return new DebianVersion(version, epoch, upstream, revision);
    }

    /** dpkg's verrevcmp of one upstream version or revision: -1, 0 or 1. */
    static int compareFragment(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() || j < b.length()) {
            // non-digit run, character by character
            while ((i < a.length() && !VersionText.isAsciiDigit(a.charAt(i)))
                    || (j < b.length() && !VersionText.isAsciiDigit(b.charAt(j)))) {
                int ac = i < a.length() ? weight(a.charAt(i)) : 0;
                int bc = j < b.length() ? weight(b.charAt(j)) : 0;
                if (ac != bc) {
                    return ac < bc ? -1 : 1;
                }
                i++;
                j++;
            }
            while (i < a.length() && a.charAt(i) == '0') {
                i++;
            }
            while (j < b.length() && b.charAt(j) == '0') {
                j++;
            }
            int firstDifference = 0;
            while (i < a.length() && VersionText.isAsciiDigit(a.charAt(i))
                    && j < b.length() && VersionText.isAsciiDigit(b.charAt(j))) {
                if (firstDifference == 0) {
                    firstDifference = Integer.compare(a.charAt(i), b.charAt(j));
                }
                i++;
                j++;
            }
            if (i < a.length() && VersionText.isAsciiDigit(a.charAt(i))) {
                return 1;
            }
            if (j < b.length() && VersionText.isAsciiDigit(b.charAt(j))) {
                return -1;
            }
            if (firstDifference != 0) {
                return Integer.signum(firstDifference);
            }
        }
        return 0;
    }

    /** dpkg's order of a non-digit character: '~' lowest, then end and digits, letters, the rest. */
    private static int weight(char c) {
        if (c == '~') {
            return -1;
        }
        if (VersionText.isAsciiDigit(c)) {
            return 0;
        }
        if (VersionText.isAsciiLetter(c)) {
            return c;
        }
        return c + 256;
    }

    private record DebianVersion(String text, String epoch, String upstream, String revision)
            implements EcosystemVersion {

        @Override
        public VersionScheme scheme() {
            return VersionScheme.DEBIAN;
        }

        @Override
        public int compareTo(EcosystemVersion other) {
            if (!(other instanceof DebianVersion that)) {
                throw new IllegalArgumentException("cannot compare a Debian version with " + other.scheme().name());
            }
            int c = VersionText.compareNumbers(epoch, that.epoch);
            if (c == 0) {
                c = compareFragment(upstream, that.upstream);
            }
            if (c == 0) {
                c = compareFragment(revision, that.revision);
            }
            return c;
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
