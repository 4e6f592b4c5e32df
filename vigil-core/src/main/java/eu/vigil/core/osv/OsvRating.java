package eu.vigil.core.osv;

import java.util.Locale;

import eu.vigil.core.InvalidInputException;
import eu.vigil.core.cvss.Cvss;
import eu.vigil.core.cvss.CvssSeverity;
import eu.vigil.core.cvss.CvssVector;

/**
 * The severity of a match: the highest CVSS score among its vectors, else the database's own
 * rating ({@code database_specific.severity}); all null when neither says.
 *
 * @param severity the severity, or null
 * @param score    the CVSS base score, or null
 * @param vector   the CVSS vector that gave the score, or null
 */
public record OsvRating(CvssSeverity severity, Double score, String vector) {

    public static OsvRating of(OsvMatch match) {
        OsvRating best = null;
        for (OsvSeverity severity : match.severities()) {
            if (severity.score() == null || !severity.type().startsWith("CVSS")) {
                continue;
            }
            try {
                CvssVector vector = Cvss.parse(severity.score());
                if (best == null || best.score() < vector.score()) {
                    best = new OsvRating(vector.severity(), vector.score(), severity.score());
                }
            } catch (InvalidInputException e) {
                // an unparseable vector in the data: fall back to the database's rating below
            }
        }
        if (best != null) {
            return best;
        }
        CvssSeverity fromDatabase = null;
        for (String text : match.databaseSeverities()) {
            CvssSeverity parsed = switch (text.toUpperCase(Locale.ROOT)) {
                case "CRITICAL" -> CvssSeverity.CRITICAL;
                case "HIGH" -> CvssSeverity.HIGH;
                case "MODERATE", "MEDIUM" -> CvssSeverity.MEDIUM;
                case "LOW" -> CvssSeverity.LOW;
                default -> null;
            };
            if (parsed != null && (fromDatabase == null || parsed.compareTo(fromDatabase) > 0)) {
                fromDatabase = parsed;
            }
        }
        return new OsvRating(fromDatabase, null, null);
    }
}
