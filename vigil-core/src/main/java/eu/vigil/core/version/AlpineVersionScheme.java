package eu.vigil.core.version;

import java.util.ArrayList;
import java.util.List;

/**
 * Alpine's apk ordering of {@code number{.number}[letter]{_suffix[number]}[~hash][-rN]}:
 * numbers numerically, except that a number written with a leading zero compares as text (as
 * Gentoo does: {@code 1.02 < 1.1}); suffixes {@code _alpha < _beta < _pre < _rc} sort before the
 * plain version and {@code _cvs < _svn < _git < _hg < _p} after it; {@code -rN} is the package
 * revision. Where one version runs out first, the other is greater unless it continues with a
 * pre-release suffix. Versions apk would reject are invalid.
 */
final class AlpineVersionScheme implements VersionScheme {

    private static final List<String> PRE_SUFFIXES = List.of("alpha", "beta", "pre", "rc");
    private static final List<String> POST_SUFFIXES = List.of("cvs", "svn", "git", "hg", "p");

    /** Token kinds in the order apk ranks them; END is highest. */
    enum Kind { INITIAL, DIGIT, LETTER, SUFFIX, SUFFIX_NUMBER, COMMIT_HASH, REVISION, END }

    record Token(Kind kind, String text, int suffixRank) {
    }

    @Override
    public String name() {
        return "Alpine";
    }

    @Override
    public EcosystemVersion parse(String version) {
        VersionText.require(version, name());
        return new ApkVersion(version, tokenize(version.strip(), version));
    }

    private List<Token> tokenize(String s, String original) {
        List<Token> tokens = new ArrayList<>();
        int i = digitsEnd(s, 0);
        if (i == 0) {
            throw VersionText.invalid(name(), original, "does not start with a number");
        }
        tokens.add(new Token(Kind.INITIAL, VersionText.stripLeadingZeros(s.substring(0, i)), 0));
        Kind last = Kind.INITIAL;
        while (i < s.length()) {
            char c = s.charAt(i);
            Token token;
            if (c == '.' && last.compareTo(Kind.DIGIT) <= 0) {
                int end = digitsEnd(s, i + 1);
                if (end == i + 1) {
                    throw VersionText.invalid(name(), original, "no number after '.' at position " + (i + 1));
                }
                token = new Token(Kind.DIGIT, s.substring(i + 1, end), 0);
                i = end;
            } else if (c >= 'a' && c <= 'z' && last.compareTo(Kind.DIGIT) <= 0) {
                token = new Token(Kind.LETTER, String.valueOf(c), 0);
                i++;
            } else if (c == '_' && last.compareTo(Kind.SUFFIX_NUMBER) <= 0) {
                int end = i + 1;
                while (end < s.length() && s.charAt(end) >= 'a' && s.charAt(end) <= 'z') {
                    end++;
                }
                String suffix = s.substring(i + 1, end);
                int rank = suffixRank(suffix);
                if (rank == 0) {
                    throw VersionText.invalid(name(), original, "unknown suffix \"_" + suffix + "\"");
                }
                tokens.add(new Token(Kind.SUFFIX, suffix, rank));
                i = end;
                int numberEnd = digitsEnd(s, i);
                if (numberEnd == i) {
                    last = Kind.SUFFIX;
                    continue;
                }
                token = new Token(Kind.SUFFIX_NUMBER, VersionText.stripLeadingZeros(s.substring(i, numberEnd)), 0);
                i = numberEnd;
            } else if (c == '~' && last.compareTo(Kind.COMMIT_HASH) < 0) {
                int end = i + 1;
                while (end < s.length() && Character.digit(s.charAt(end), 16) >= 0 && s.charAt(end) < 128) {
                    end++;
                }
                if (end == i + 1) {
                    throw VersionText.invalid(name(), original, "no commit hash after '~'");
                }
                token = new Token(Kind.COMMIT_HASH, s.substring(i + 1, end), 0);
                i = end;
            } else if (c == '-' && last.compareTo(Kind.REVISION) < 0 && s.startsWith("-r", i)) {
                int end = digitsEnd(s, i + 2);
                if (end == i + 2) {
                    throw VersionText.invalid(name(), original, "no number after \"-r\"");
                }
                token = new Token(Kind.REVISION, VersionText.stripLeadingZeros(s.substring(i + 2, end)), 0);
                i = end;
            } else {
                throw VersionText.invalid(name(), original, "unexpected '" + c + "' at position " + i);
            }
            tokens.add(token);
            last = token.kind();
        }
        return List.copyOf(tokens);
    }

    private static int digitsEnd(String s, int from) {
        int i = from;
        while (i < s.length() && VersionText.isAsciiDigit(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Pre-release suffixes rank below zero, post-release ones above; 0 means unknown. */
    private static int suffixRank(String suffix) {
        int pre = PRE_SUFFIXES.indexOf(suffix);
        if (pre >= 0) {
            return pre - PRE_SUFFIXES.size();
        }
        int post = POST_SUFFIXES.indexOf(suffix);
        return post >= 0 ? post + 1 : 0;
    }

    private record ApkVersion(String text, List<Token> tokens) implements EcosystemVersion {

        @Override
        public VersionScheme scheme() {
            return VersionScheme.ALPINE;
        }

        @Override
        public int compareTo(EcosystemVersion other) {
            if (!(other instanceof ApkVersion that)) {
                throw new IllegalArgumentException("cannot compare an Alpine version with " + other.scheme().name());
            }
            int n = Math.max(tokens.size(), that.tokens.size());
            for (int i = 0; i < n; i++) {
                Token a = i < tokens.size() ? tokens.get(i) : null;
                Token b = i < that.tokens.size() ? that.tokens.get(i) : null;
                Kind ak = a == null ? Kind.END : a.kind();
                Kind bk = b == null ? Kind.END : b.kind();
                if (ak == bk) {
                    int c = compareValues(a, b);
                    if (c != 0) {
                        return c;
                    }
                    continue;
                }
                // one ran out or went on differently: the longer one is greater unless it goes
                // on with a pre-release suffix; otherwise the lower kind is the greater version
                if (ak == Kind.SUFFIX && a.suffixRank() < 0) {
                    return -1;
                }
                if (bk == Kind.SUFFIX && b.suffixRank() < 0) {
                    return 1;
                }
                return ak.compareTo(bk) > 0 ? -1 : 1;
            }
            return 0;
        }

        private static int compareValues(Token a, Token b) {
            return switch (a.kind()) {
                case DIGIT -> a.text().charAt(0) == '0' || b.text().charAt(0) == '0'
                        ? Integer.signum(a.text().compareTo(b.text()))
                        : VersionText.compareNumbers(VersionText.stripLeadingZeros(a.text()),
                                VersionText.stripLeadingZeros(b.text()));
                case INITIAL, SUFFIX_NUMBER, REVISION -> VersionText.compareNumbers(a.text(), b.text());
                case SUFFIX -> Integer.compare(a.suffixRank(), b.suffixRank());
                case LETTER, COMMIT_HASH -> Integer.signum(a.text().compareTo(b.text()));
                case END -> 0;
            };
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
