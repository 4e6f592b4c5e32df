package eu.vigil.core.cvss;

import java.util.Map;

/**
 * A valid CVSS vector with its scores. Obtain one with {@link Cvss#parse(String)}.
 */
public sealed interface CvssVector permits CvssV2, CvssV3, CvssV4 {

    /** The vector exactly as it was given. */
    String vector();

    CvssVersion version();

    /** The score of the base metrics alone (for 4.0 the CVSS-B score). */
    double baseScore();

    /**
     * The score of everything the vector states: for 2.0 and 3.x the environmental score when it
     * has environmental metrics, else the temporal score when it has temporal metrics, else the
     * base score; for 4.0 the CVSS-B, -BT, -BE or -BTE score of all its metrics. Metrics given as
     * Not Defined ({@code X}, {@code ND}) count as absent.
     */
    double score();

    /** The rating of {@link #score()}. */
    CvssSeverity severity();

    /**
     * The vector in canonical form: metrics in the specification's order, Not Defined metrics
     * left out (in 2.0 a temporal or environmental group is left out when all its metrics are ND).
     */
    String normalized();

    /** The metrics the vector states (Not Defined ones left out), abbreviation to value, in specification order. */
    Map<String, String> metrics();
}
