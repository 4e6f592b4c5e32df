package eu.vigil.compliance;

import java.util.List;

/** The maturity scale of an assessment (SAMM-like), 0 to 3. */
public final class Maturity {

    public static final int MIN = 0;
    public static final int MAX = 3;
    /** The level below which an applicable requirement is a gap, unless an assessment sets another. */
    public static final int DEFAULT_TARGET = 2;

    /** One level of the scale. */
    public record Level(int value, String name, String meaning) {
    }

    public static final List<Level> LEVELS = List.of(
            new Level(0, "None", "Nothing is in place."),
            new Level(1, "Ad hoc", "Done sometimes, by some people, without a defined way."),
            new Level(2, "Defined and applied", "A documented, assigned practice that is followed."),
            new Level(3, "Measured and improved", "The practice is measured, reviewed and improved."));

    private Maturity() {
    }

    public static String name(Integer value) {
        return value == null ? "not rated" : LEVELS.get(value).name();
    }
}
