package eu.vigil.core.version;

import eu.vigil.core.InvalidInputException;

/** Checks shared by every scheme, and numeric comparison of digit strings of any length. */
final class VersionText {

    private VersionText() {
    }

    /** Rejects null, blank and over-long versions; returns the version unchanged. */
    static String require(String version, String scheme) {
        if (version == null) {
            throw new InvalidInputException(scheme + " version is missing");
        }
        if (version.length() > VersionScheme.MAX_LENGTH) {
            throw new InvalidInputException(scheme + " version is longer than " + VersionScheme.MAX_LENGTH
                    + " characters: " + abbreviate(version));
        }
        if (version.isBlank()) {
            throw new InvalidInputException(scheme + " version is blank");
        }
        return version;
    }

    /** Strips blanks as Python does, including no-break spaces, which {@link String#strip()} keeps. */
    static String stripBlanks(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isBlank(text.charAt(start))) {
            start++;
        }
        while (end > start && isBlank(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isBlank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || (c >= 0x1c && c <= 0x1f) || c == 0x85;
    }

    static InvalidInputException invalid(String scheme, String version, String why) {
        return new InvalidInputException("invalid " + scheme + " version \"" + abbreviate(version) + "\": " + why);
    }

    static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }

    static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean allAsciiDigits(CharSequence text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!isAsciiDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The digits without leading zeros ("0" stays "0"), so that numbers of any size compare as text. */
    static String stripLeadingZeros(String digits) {
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0') {
            i++;
        }
        return digits.substring(i);
    }

    /** Compares two digit strings without leading zeros as numbers. */
    static int compareNumbers(String a, String b) {
        if (a.length() != b.length()) {
            return a.length() < b.length() ? -1 : 1;
        }
        return Integer.signum(a.compareTo(b));
    }
}
