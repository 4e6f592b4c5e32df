package eu.vigil.core.csaf;

import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CSAF version string (document version or revision number): integer versioning ({@code 3}) or
 * semantic versioning ({@code 1.2.0-rc.1+build}). Compared by semantic-versioning precedence, an
 * integer {@code n} counting as {@code n.0.0}; build metadata is ignored.
 */
record RevisionNumber(String text, boolean semantic, BigInteger major, BigInteger minor, BigInteger patch,
        String preRelease) implements Comparable<RevisionNumber> {

    private static final Pattern INTEGER = Pattern.compile("^(0|[1-9][0-9]*)$");
    private static final Pattern SEMVER = Pattern.compile(
            "^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)"
                    + "(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$");

    /** The parsed number, or {@code null} when it follows neither scheme. */
    static RevisionNumber parse(String text) {
        if (text == null || text.length() > 200) {
            return null;
        }
        if (INTEGER.matcher(text).matches()) {
            return new RevisionNumber(text, false, new BigInteger(text), BigInteger.ZERO, BigInteger.ZERO, null);
        }
        Matcher m = SEMVER.matcher(text);
        if (m.matches()) {
            return new RevisionNumber(text, true, new BigInteger(m.group(1)), new BigInteger(m.group(2)),
                    new BigInteger(m.group(3)), m.group(4));
        }
        return null;
    }

    boolean hasPreRelease() {
        return preRelease != null;
    }

    /** Version 0 or 0.y.z. */
    boolean isZero() {
        return major.signum() == 0;
    }

    /** The text without build metadata. */
    String withoutBuild() {
        int plus = text.indexOf('+');
        return plus < 0 ? text : text.substring(0, plus);
    }

    @Override
    public int compareTo(RevisionNumber other) {
        int c = major.compareTo(other.major);
        if (c == 0) {
            c = minor.compareTo(other.minor);
        }
        if (c == 0) {
            c = patch.compareTo(other.patch);
        }
        if (c != 0) {
            return c;
        }
        if (preRelease == null || other.preRelease == null) {
            return preRelease == null ? (other.preRelease == null ? 0 : 1) : -1;
        }
        String[] a = preRelease.split("\\.");
        String[] b = other.preRelease.split("\\.");
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            boolean aNum = a[i].chars().allMatch(Character::isDigit);
            boolean bNum = b[i].chars().allMatch(Character::isDigit);
            int d;
            if (aNum && bNum) {
                d = new BigInteger(a[i]).compareTo(new BigInteger(b[i]));
            } else if (aNum || bNum) {
                d = aNum ? -1 : 1;
            } else {
                d = a[i].compareTo(b[i]);
            }
            if (d != 0) {
                return d;
            }
        }
        return Integer.compare(a.length, b.length);
    }
}
