package eu.vigil.core.cvss;

import java.util.Objects;

import eu.vigil.core.InvalidInputException;

/**
 * Parses CVSS vector strings of every version in use.
 *
 * <ul>
 *   <li>{@code CVSS:4.0/...}: metrics in the order of the 4.0 specification (Table 23), the 11
 *       base metrics mandatory.</li>
 *   <li>{@code CVSS:3.1/...}, {@code CVSS:3.0/...}: metrics in any order, each at most once, the
 *       8 base metrics mandatory.</li>
 *   <li>CVSS 2.0 as NVD writes it, {@code AV:N/AC:L/Au:N/C:P/I:P/A:P}, optionally in parentheses:
 *       metrics in the specification's order; the temporal and environmental groups are each
 *       optional but complete when present.</li>
 * </ul>
 * Everything else — unknown or repeated metrics, unknown values, lowercase, blanks, an empty
 * field or trailing {@code /} — is rejected with an {@link InvalidInputException} that says what
 * and where.
 */
public final class Cvss {

    /** Longer than any valid vector of any version (a full 4.0 vector has about 200 characters). */
    static final int MAX_LENGTH = 512;

    private Cvss() {
    }

    /**
     * Parses and scores one vector.
     *
     * @throws InvalidInputException if it is not a valid vector of a supported version
     */
    public static CvssVector parse(String vector) {
        Objects.requireNonNull(vector, "vector");
        if (vector.length() > MAX_LENGTH) {
            throw new InvalidInputException("CVSS vector \"" + MetricSet.excerpt(vector, 0, vector.length())
                    + "\" is too long (" + vector.length() + " characters; no valid vector has more than "
                    + MAX_LENGTH + ")");
        }
        if (vector.startsWith("CVSS:")) {
            if (vector.startsWith("CVSS:3.1/")) {
                return CvssV3.parse(vector, CvssVersion.V3_1);
            }
            if (vector.startsWith("CVSS:4.0/")) {
                return CvssV4.parse(vector);
            }
            if (vector.startsWith("CVSS:3.0/")) {
                return CvssV3.parse(vector, CvssVersion.V3_0);
            }
            int slash = vector.indexOf('/');
            String prefix = slash < 0 ? vector : vector.substring(0, slash);
            throw new InvalidInputException("CVSS vector \"" + MetricSet.excerpt(vector, 0, vector.length())
                    + "\" has an unsupported version prefix \"" + MetricSet.excerpt(prefix, 0, prefix.length())
                    + "\" (supported: CVSS:3.0/, CVSS:3.1/, CVSS:4.0/, and 2.0 vectors without prefix)");
        }
        if (vector.startsWith("AV:") || vector.startsWith("(AV:")) {
            return CvssV2.parse(vector);
        }
        if (vector.isEmpty()) {
            throw new InvalidInputException("CVSS vector is empty");
        }
        throw new InvalidInputException("\"" + MetricSet.excerpt(vector, 0, vector.length())
                + "\" is not a CVSS vector: expected CVSS:3.0/, CVSS:3.1/ or CVSS:4.0/ followed by metrics,"
                + " or a 2.0 vector starting with AV:");
    }
}
