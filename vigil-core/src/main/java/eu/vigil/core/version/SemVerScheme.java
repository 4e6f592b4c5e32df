package eu.vigil.core.version;

import java.util.List;

/**
 * SemVer 2.0: {@code MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD]} with no leading zeros, precedence as
 * in section 11 of the specification (pre-release identifiers: numbers numerically and below
 * words, words in ASCII order), build metadata ignored. For npm, node-semver's leading {@code v},
 * {@code =} and blanks are allowed.
 *
 * <p>Our own code rather than semver4j: semver4j 6.0.0 orders alphanumeric pre-release identifiers
 * by their embedded numbers ({@code 1.2.3-r2 < 1.2.3-r100}), where SemVer and node-semver compare
 * them in ASCII order ({@code 1.2.3-r100 < 1.2.3-r2}).
 */
final class SemVerScheme implements VersionScheme {

    private final String name;
    private final boolean nodePrefixes;

    SemVerScheme(String name, boolean nodePrefixes) {
        this.name = name;
        this.nodePrefixes = nodePrefixes;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public EcosystemVersion parse(String version) {
        VersionText.require(version, name);
        String text = nodePrefixes ? stripNodePrefix(version) : version;
        return parseStrict(text, version, this);
    }

    /** node-semver accepts "v1.2.3", "=1.2.3", " = v 1.2.3" and the like. */
    private static String stripNodePrefix(String version) {
        int i = 0;
        while (i < version.length()) {
            char c = version.charAt(i);
            if (c == 'v' || c == 'V' || c == '=' || Character.isWhitespace(c)) {
                i++;
            } else {
                break;
            }
        }
        return version.substring(i).strip();
    }

    /** Parses {@code text} as strict SemVer 2.0; {@code original} and {@code scheme} are for messages. */
    static SemVerVersion parseStrict(String text, String original, VersionScheme scheme) {
        int plus = text.indexOf('+');
        String build = plus < 0 ? null : text.substring(plus + 1);
        String rest = plus < 0 ? text : text.substring(0, plus);
        int hyphen = rest.indexOf('-');
        String pre = hyphen < 0 ? null : rest.substring(hyphen + 1);
        String core = hyphen < 0 ? rest : rest.substring(0, hyphen);
        String[] numbers = core.split("\\.", -1);
        if (numbers.length != 3) {
            throw VersionText.invalid(scheme.name(), original, "not a SemVer 2.0 version MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD]");
        }
        for (String number : numbers) {
            requireNumber(number, original, scheme);
        }
        List<String> preIdentifiers = List.of();
        if (pre != null) {
            preIdentifiers = List.of(pre.split("\\.", -1));
            for (String identifier : preIdentifiers) {
                requireIdentifier(identifier, original, scheme, "pre-release");
                if (VersionText.allAsciiDigits(identifier) && identifier.length() > 1 && identifier.charAt(0) == '0') {
                    throw VersionText.invalid(scheme.name(), original,
                            "numeric pre-release identifier \"" + identifier + "\" has a leading zero");
                }
            }
        }
        if (build != null) {
            for (String identifier : build.split("\\.", -1)) {
                requireIdentifier(identifier, original, scheme, "build");
            }
        }
        return new SemVerVersion(original, scheme, numbers[0], numbers[1], numbers[2], preIdentifiers);
    }

    private static void requireNumber(String number, String original, VersionScheme scheme) {
        if (!VersionText.allAsciiDigits(number)) {
            throw VersionText.invalid(scheme.name(), original, "\"" + number + "\" is not a number");
        }
        if (number.length() > 1 && number.charAt(0) == '0') {
            throw VersionText.invalid(scheme.name(), original, "number \"" + number + "\" has a leading zero");
        }
    }

    private static void requireIdentifier(String identifier, String original, VersionScheme scheme, String part) {
        if (identifier.isEmpty()) {
            throw VersionText.invalid(scheme.name(), original, "empty " + part + " identifier");
        }
        for (int i = 0; i < identifier.length(); i++) {
            char c = identifier.charAt(i);
            if (!VersionText.isAsciiDigit(c) && !VersionText.isAsciiLetter(c) && c != '-') {
                throw VersionText.invalid(scheme.name(), original,
                        "'" + c + "' in " + part + " identifier \"" + identifier + "\"");
            }
        }
    }

    /** A parsed SemVer version; Go versions use it too, so that SEMVER ranges compare both. */
    record SemVerVersion(String text, VersionScheme scheme, String major, String minor, String patch,
                         List<String> preRelease) implements EcosystemVersion {

        @Override
        public int compareTo(EcosystemVersion other) {
            if (!(other instanceof SemVerVersion that)) {
                throw new IllegalArgumentException("cannot compare a SemVer version with " + other.scheme().name());
            }
            int c = VersionText.compareNumbers(major, that.major);
            if (c == 0) {
                c = VersionText.compareNumbers(minor, that.minor);
            }
            if (c == 0) {
                c = VersionText.compareNumbers(patch, that.patch);
            }
            if (c != 0) {
                return c;
            }
            if (preRelease.isEmpty() || that.preRelease.isEmpty()) {
                return Boolean.compare(preRelease.isEmpty(), that.preRelease.isEmpty());
            }
            int n = Math.min(preRelease.size(), that.preRelease.size());
            for (int i = 0; i < n; i++) {
                c = compareIdentifiers(preRelease.get(i), that.preRelease.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(preRelease.size(), that.preRelease.size());
        }

        private static int compareIdentifiers(String a, String b) {
            boolean aNumber = VersionText.allAsciiDigits(a);
            boolean bNumber = VersionText.allAsciiDigits(b);
            if (aNumber && bNumber) {
                return VersionText.compareNumbers(a, b);
            }
            if (aNumber != bNumber) {
                return aNumber ? -1 : 1;
            }
            return Integer.signum(a.compareTo(b));
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
