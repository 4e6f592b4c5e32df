package eu.vigil.core.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEP 440, as pypa/packaging reads it: epochs, releases of any length, pre-, post- and
 * development releases in all their spellings, local versions; case-insensitive, with a leading
 * {@code v} and surrounding blanks allowed. {@link #normalize(String)} gives the canonical form.
 * Versions that are not PEP 440 (the "legacy" versions pip dropped) are invalid.
 */
final class Pep440VersionScheme implements VersionScheme {

    // Only ASCII digits and letters: [0-9] and [a-z] with CASE_INSENSITIVE but not UNICODE_CASE,
    // because packaging rejects other scripts' digits such as "١".
    private static final Pattern PEP_440 = Pattern.compile("""
            v?
            (?:(?<epoch>[0-9]+)!)?
            (?<release>[0-9]+(?:\\.[0-9]+)*)
            (?:[-_.]?(?<preLabel>alpha|a|beta|b|preview|pre|c|rc)[-_.]?(?<preNumber>[0-9]+)?)?
            (?:-(?<implicitPost>[0-9]+)|[-_.]?(?<postLabel>post|rev|r)[-_.]?(?<postNumber>[0-9]+)?)?
            (?:[-_.]?(?<devLabel>dev)[-_.]?(?<devNumber>[0-9]+)?)?
            (?:\\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?
            """, Pattern.CASE_INSENSITIVE | Pattern.COMMENTS);

    // group numbers: Matcher.group(String) copies the group-name map on every call (JDK 20+)
    private static final int EPOCH = 1;
    private static final int RELEASE = 2;
    private static final int PRE_LABEL = 3;
    private static final int PRE_NUMBER = 4;
    private static final int IMPLICIT_POST = 5;
    private static final int POST_LABEL = 6;
    private static final int POST_NUMBER = 7;
    private static final int DEV_LABEL = 8;
    private static final int DEV_NUMBER = 9;
    private static final int LOCAL = 10;

    @Override
    public String name() {
        return "PyPI";
    }

    @Override
    public EcosystemVersion parse(String version) {
        VersionText.require(version, name());
        Matcher m = PEP_440.matcher(VersionText.stripBlanks(version));
        if (!m.matches()) {
            throw VersionText.invalid(name(), version, "not a PEP 440 version");
        }
        String epoch = m.group(EPOCH) == null ? "0" : VersionText.stripLeadingZeros(m.group(EPOCH));
        List<String> release = new ArrayList<>();
        for (String part : m.group(RELEASE).split("\\.")) {
            release.add(VersionText.stripLeadingZeros(part));
        }
        int preKind = -1;
        String preNumber = null;
        if (m.group(PRE_LABEL) != null) {
            preKind = switch (m.group(PRE_LABEL).toLowerCase(Locale.ROOT)) {
                case "a", "alpha" -> 0;
                case "b", "beta" -> 1;
                default -> 2; // c, rc, pre, preview
            };
            preNumber = number(m.group(PRE_NUMBER));
        }
        String post = null;
        if (m.group(IMPLICIT_POST) != null) {
            post = VersionText.stripLeadingZeros(m.group(IMPLICIT_POST));
        } else if (m.group(POST_LABEL) != null) {
            post = number(m.group(POST_NUMBER));
        }
        String dev = m.group(DEV_LABEL) == null ? null : number(m.group(DEV_NUMBER));
        List<Object> local = null;
        if (m.group(LOCAL) != null) {
            local = new ArrayList<>();
            for (String part : m.group(LOCAL).toLowerCase(Locale.ROOT).split("[-_.]")) {
                local.add(VersionText.allAsciiDigits(part) ? new LocalNumber(VersionText.stripLeadingZeros(part)) : part);
            }
        }
        return new Pep440Version(version, epoch, List.copyOf(release), preKind, preNumber, post, dev,
                local == null ? null : List.copyOf(local));
    }

    /** The canonical PEP 440 form ("1.0-ALPHA" becomes "1.0a0"). */
    static String normalize(String version) {
        return ((Pep440Version) VersionScheme.PYPI.parse(version)).normalized();
    }

    private static String number(String digits) {
        return digits == null ? "0" : VersionText.stripLeadingZeros(digits);
    }

    private record LocalNumber(String digits) {
    }

    private record Pep440Version(String text, String epoch, List<String> release, int preKind, String preNumber,
                                 String post, String dev, List<Object> local) implements EcosystemVersion {

        @Override
        public VersionScheme scheme() {
            return VersionScheme.PYPI;
        }

        @Override
        public int compareTo(EcosystemVersion other) {
            if (!(other instanceof Pep440Version that)) {
                throw new IllegalArgumentException("cannot compare a PEP 440 version with " + other.scheme().name());
            }
            int c = VersionText.compareNumbers(epoch, that.epoch);
            if (c != 0) {
                return c;
            }
            c = compareRelease(release, that.release);
            if (c != 0) {
                return c;
            }
            c = Integer.compare(preRank(), that.preRank());
            if (c == 0 && preKind >= 0) {
                c = VersionText.compareNumbers(preNumber, that.preNumber);
            }
            if (c != 0) {
                return Integer.signum(c);
            }
            c = compareAbsentLowest(post, that.post);
            if (c != 0) {
                return c;
            }
            c = compareAbsentHighest(dev, that.dev);
            if (c != 0) {
                return c;
            }
            return compareLocal(local, that.local);
        }

        /**
         * Where the pre-release part sorts: a bare development release ("1.0.dev1") before every
         * pre-release, then a &lt; b &lt; rc, then no pre-release at all.
         */
        private int preRank() {
            if (preKind >= 0) {
                return preKind;
            }
            return post == null && dev != null ? -1 : 3;
        }

        private static int compareRelease(List<String> a, List<String> b) {
            // trailing zeros do not count: 1.0 == 1.0.0
            int n = Math.max(a.size(), b.size());
            for (int i = 0; i < n; i++) {
                String x = i < a.size() ? a.get(i) : "0";
                String y = i < b.size() ? b.get(i) : "0";
                int c = VersionText.compareNumbers(x, y);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        }

        private static int compareAbsentLowest(String a, String b) {
            if (a == null || b == null) {
                return a == null ? (b == null ? 0 : -1) : 1;
            }
            return VersionText.compareNumbers(a, b);
        }

        private static int compareAbsentHighest(String a, String b) {
            if (a == null || b == null) {
                return a == null ? (b == null ? 0 : 1) : -1;
            }
            return VersionText.compareNumbers(a, b);
        }

        /** No local part first; then segment by segment, words before numbers, shorter first. */
        private static int compareLocal(List<Object> a, List<Object> b) {
            if (a == null || b == null) {
                return a == null ? (b == null ? 0 : -1) : 1;
            }
            int n = Math.min(a.size(), b.size());
            for (int i = 0; i < n; i++) {
                Object x = a.get(i);
                Object y = b.get(i);
                int c;
                if (x instanceof LocalNumber nx && y instanceof LocalNumber ny) {
                    c = VersionText.compareNumbers(nx.digits(), ny.digits());
                } else if (x instanceof String sx && y instanceof String sy) {
                    c = Integer.signum(sx.compareTo(sy));
                } else {
                    c = x instanceof String ? -1 : 1;
                }
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(a.size(), b.size());
        }

        String normalized() {
            StringBuilder s = new StringBuilder();
            if (!epoch.equals("0")) {
                s.append(epoch).append('!');
            }
            s.append(String.join(".", release));
            if (preKind >= 0) {
                s.append(preKind == 0 ? "a" : preKind == 1 ? "b" : "rc").append(preNumber);
            }
            if (post != null) {
                s.append(".post").append(post);
            }
            if (dev != null) {
                s.append(".dev").append(dev);
            }
            if (local != null) {
                s.append('+');
                for (int i = 0; i < local.size(); i++) {
                    Object part = local.get(i);
                    s.append(i == 0 ? "" : ".").append(part instanceof LocalNumber n ? n.digits() : part);
                }
            }
            return s.toString();
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
