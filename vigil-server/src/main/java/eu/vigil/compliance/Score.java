package eu.vigil.compliance;

/**
 * A roll-up of requirements: one section of a catalogue or one security area.
 *
 * @param key        the section's requirement id or the area code
 * @param label      what to show
 * @param score      weighted average maturity 0–3 of the applicable requirements (unrated count as 0),
 *                   or {@code null} when none is applicable
 * @param applicable how many applicable requirements it covers
 * @param rated      how many of those are rated
 * @param gaps       how many of those are below the target
 */
public record Score(String key, String label, Double score, int applicable, int rated, int gaps) {

    /** The heat-map class: m0 to m3 by rounded-down score, or na. */
    public String heatClass() {
        return score == null ? "na" : "m" + (int) Math.floor(Math.min(score, 3.0));
    }

    public String formatted() {
        return score == null ? "n/a" : String.format(java.util.Locale.ROOT, "%.2f", score);
    }
}
