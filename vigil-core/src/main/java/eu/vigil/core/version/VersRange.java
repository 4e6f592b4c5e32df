package eu.vigil.core.version;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import eu.vigil.core.InvalidInputException;

/**
 * A version range in the package-url "vers" notation ({@code vers:pypi/>=1.0|<2.0|!=1.5}), as
 * CycloneDX and CSAF use it: a versioning scheme (a purl type) and constraints joined by
 * {@code |}, each a comparator ({@code =} by default, {@code !=}, {@code <}, {@code <=}, {@code >},
 * {@code >=}) and a version, or the single constraint {@code *} for every version. Versions are
 * ordered by the scheme's {@link VersionScheme}; {@link #contains} follows the vers specification's
 * containment algorithm; {@link #toString} gives the normalised form (constraints sorted by
 * version, {@code =} left out).
 *
 * @param scheme      the versioning scheme, lower case, such as {@code "pypi"}
 * @param constraints the constraints, sorted by version
 */
public record VersRange(String scheme, List<Constraint> constraints) {

    /** A comparator of a vers constraint, with its notation. */
    public enum Operator {
        ANY("*"), EQUAL(""), NOT_EQUAL("!="), LESS("<"), LESS_OR_EQUAL("<="), GREATER(">"), GREATER_OR_EQUAL(">=");

        private final String notation;

        Operator(String notation) {
            this.notation = notation;
        }

        /** How the operator is written in a normalised vers ({@code "="} is left out). */
        public String notation() {
            return notation;
        }
    }

    /** One constraint; {@code version} is null for {@link Operator#ANY}. */
    public record Constraint(Operator operator, String version) {

        @Override
        public String toString() {
            return operator == Operator.ANY ? "*" : operator.notation() + encode(version);
        }

        /**
         * Percent-encodes what the notation would misread: separators, blanks, control and
         * non-ASCII characters, and a leading comparator character.
         */
        private static String encode(String version) {
            StringBuilder s = new StringBuilder(version.length());
            byte[] bytes = version.getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < bytes.length; i++) {
                int b = bytes[i] & 0xff;
                boolean plain = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')
                        || b == '.' || b == '-' || b == '_' || b == '~' || b == '+' || b == ':'
                        || (b == '!' && i > 0);
                if (plain) {
                    s.append((char) b);
                } else {
                    s.append('%').append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
                            .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
                }
            }
            return s.toString();
        }
    }

    public VersRange {
        constraints = List.copyOf(constraints);
    }

    /** The {@link VersionScheme} that orders the versions of a vers scheme (a purl type). */
    public static VersionScheme versionScheme(String versScheme) {
        return switch (versScheme.toLowerCase(Locale.ROOT)) {
            case "maven" -> VersionScheme.MAVEN;
            case "npm" -> VersionScheme.NPM;
            case "pypi" -> VersionScheme.PYPI;
            case "golang" -> VersionScheme.GO;
            case "cargo" -> VersionScheme.CRATES_IO;
            case "gem" -> VersionScheme.RUBYGEMS;
            case "nuget" -> VersionScheme.NUGET;
            case "deb" -> VersionScheme.DEBIAN;
            case "apk", "alpine" -> VersionScheme.ALPINE;
            case "semver" -> VersionScheme.SEMVER;
            default -> VersionScheme.GENERIC;
        };
    }

    /**
     * Parses a vers. Blanks are ignored, versions are percent-decoded and must be valid in the
     * scheme's ordering.
     *
     * @throws InvalidInputException naming what is wrong
     */
    public static VersRange parse(String vers) {
        if (vers == null || vers.length() > 16 * 1024) {
            throw new InvalidInputException("vers is missing or longer than 16384 characters");
        }
        String text = vers.replaceAll("\\s+", "");
        if (!text.regionMatches(true, 0, "vers:", 0, 5)) {
            throw new InvalidInputException("invalid vers \"" + abbreviate(vers) + "\": does not start with \"vers:\"");
        }
        int slash = text.indexOf('/', 5);
        if (slash < 0) {
            throw new InvalidInputException("invalid vers \"" + abbreviate(vers) + "\": no \"/\" after the scheme");
        }
        String scheme = text.substring(5, slash).toLowerCase(Locale.ROOT);
        if (scheme.isEmpty()) {
            throw new InvalidInputException("invalid vers \"" + abbreviate(vers) + "\": the versioning scheme is empty");
        }
        String body = text.substring(slash + 1).replaceAll("^\\|+|\\|+$", "");
        if (body.isEmpty()) {
            throw new InvalidInputException("invalid vers \"" + abbreviate(vers) + "\": no constraint");
        }
        if (body.equals("*")) {
            return new VersRange(scheme, List.of(new Constraint(Operator.ANY, null)));
        }
        VersionScheme ordering = versionScheme(scheme);
        List<Constraint> constraints = new ArrayList<>();
        List<EcosystemVersion> parsed = new ArrayList<>();
        for (String part : body.split("\\|")) {
            Constraint constraint = constraint(part, vers);
            constraints.add(constraint);
            parsed.add(ordering.parse(constraint.version()));
        }
        // sort by version, keeping the written order of equal versions
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < constraints.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(parsed::get));
        return new VersRange(scheme, order.stream().map(constraints::get).toList());
    }

    private static Constraint constraint(String part, String vers) {
        if (part.isEmpty() || part.equals("*")) {
            throw new InvalidInputException("invalid vers \"" + abbreviate(vers) + "\": "
                    + (part.isEmpty() ? "an empty constraint" : "\"*\" must be the only constraint"));
        }
        Operator operator;
        int length;
        if (part.startsWith("<=")) {
            operator = Operator.LESS_OR_EQUAL;
            length = 2;
        } else if (part.startsWith(">=")) {
            operator = Operator.GREATER_OR_EQUAL;
            length = 2;
        } else if (part.startsWith("!=")) {
            operator = Operator.NOT_EQUAL;
            length = 2;
        } else if (part.startsWith("<")) {
            operator = Operator.LESS;
            length = 1;
        } else if (part.startsWith(">")) {
            operator = Operator.GREATER;
            length = 1;
        } else if (part.startsWith("=")) {
            operator = Operator.EQUAL;
            length = 1;
        } else {
            operator = Operator.EQUAL;
            length = 0;
        }
        String version;
        try {
            version = URLDecoder.decode(part.substring(length).replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("invalid vers \"" + abbreviate(vers) + "\": bad percent-encoding in \""
                    + part + "\"");
        }
        if (version.isEmpty()) {
            throw new InvalidInputException("invalid vers \"" + abbreviate(vers) + "\": \"" + part + "\" has no version");
        }
        return new Constraint(operator, version);
    }

    /** Whether the version lies in the range, by the vers specification's algorithm. */
    public boolean contains(String version) {
        if (constraints.size() == 1 && constraints.get(0).operator() == Operator.ANY) {
            return true;
        }
        VersionScheme ordering = versionScheme(scheme);
        EcosystemVersion v = ordering.parse(version);
        List<Constraint> ranges = new ArrayList<>();
        for (Constraint c : constraints) {
            int cmp = v.compareTo(ordering.parse(c.version()));
            switch (c.operator()) {
                case EQUAL -> {
                    if (cmp == 0) {
                        return true;
                    }
                }
                case NOT_EQUAL -> {
                    if (cmp == 0) {
                        return false;
                    }
                }
                default -> ranges.add(c);
            }
        }
        for (int i = 0; i < ranges.size(); i++) {
            Constraint current = ranges.get(i);
            Constraint next = i + 1 < ranges.size() ? ranges.get(i + 1) : null;
            int cmp = v.compareTo(ordering.parse(current.version()));
            boolean below = current.operator() == Operator.LESS || current.operator() == Operator.LESS_OR_EQUAL;
            if (i == 0 && below && satisfies(current.operator(), cmp)) {
                return true;
            }
            if (!below && next == null && satisfies(current.operator(), cmp)) {
                return true;
            }
            if (!below && next != null
                    && (next.operator() == Operator.LESS || next.operator() == Operator.LESS_OR_EQUAL)
                    && satisfies(current.operator(), cmp)
                    && satisfies(next.operator(), v.compareTo(ordering.parse(next.version())))) {
                return true;
            }
        }
        return false;
    }

    private static boolean satisfies(Operator operator, int cmp) {
        return switch (operator) {
            case LESS -> cmp < 0;
            case LESS_OR_EQUAL -> cmp <= 0;
            case GREATER -> cmp > 0;
            case GREATER_OR_EQUAL -> cmp >= 0;
            case EQUAL -> cmp == 0;
            case NOT_EQUAL -> cmp != 0;
            case ANY -> true;
        };
    }

    private static String abbreviate(String text) {
        return VersionText.abbreviate(text);
    }

    /** The normalised vers: constraints sorted by version, {@code =} left out. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("vers:").append(scheme).append('/');
        for (int i = 0; i < constraints.size(); i++) {
            s.append(i == 0 ? "" : "|").append(constraints.get(i));
        }
        return s.toString();
    }
}
