package eu.vigil.compliance;

import java.util.List;

/**
 * An assessment's roll-ups.
 *
 * @param overall  all applicable requirements together
 * @param sections per catalogue section (the top-level articles or numbered sections), in catalogue order
 * @param areas    per security area, in the order of {@code Area}
 */
public record Rollup(Score overall, List<Score> sections, List<Score> areas) {
}
