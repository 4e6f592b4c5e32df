package eu.vigil.core.cvss;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The CVSS 4.0 scoring algorithm of the specification §8.2–8.3, step for step as the FIRST
 * reference calculator computes it (same operations in the same order, so the same floating-point
 * results): macro vector (EQ1–EQ6), its score from the lookup table, the severity distance to the
 * first highest-severity vector of the macro vector that dominates the scored vector, and the mean
 * of those distances as proportions of the score gap to each next lower macro vector.
 *
 * <p>Metrics come in as severity levels, 0 the most severe; a level {@code n} is worth
 * {@code n × 0.1} in distances, as the calculator's level tables say.
 */
final class CvssV4Scoring {

    static final int AV = 0;
    static final int PR = 1;
    static final int UI = 2;
    static final int AC = 3;
    static final int AT = 4;
    static final int VC = 5;
    static final int VI = 6;
    static final int VA = 7;
    static final int SC = 8;
    static final int SI = 9;
    static final int SA = 10;
    static final int CR = 11;
    static final int IR = 12;
    static final int AR = 13;
    static final int E = 14;
    static final int LEVELS = 15;

    /** The calculator's level values: N/H = 0.0, then 0.1, 0.2, 0.3. */
    private static final double[] LEVEL = {0.0, 0.1, 0.2, 0.3};
    private static final double STEP = 0.1;
    private static final double ROUNDING_LIFT = 1e-6;

    private static final double[] MACRO_SCORES = loadMacroScores();

    // Highest-severity vectors of each EQ level (specification Table 25 and the calculator's data).
    private static final int[] EQ1_METRICS = {AV, PR, UI};
    private static final int[] EQ2_METRICS = {AC, AT};
    private static final int[] EQ3_EQ6_METRICS = {VC, VI, VA, CR, IR, AR};
    private static final int[] EQ4_METRICS = {SC, SI, SA};
    private static final int[][][] EQ1_MAXIMA = levels(EQ1_METRICS, new String[][] {
            {"AV:N/PR:N/UI:N"},
            {"AV:A/PR:N/UI:N", "AV:N/PR:L/UI:N", "AV:N/PR:N/UI:P"},
            {"AV:P/PR:N/UI:N", "AV:A/PR:L/UI:P"}});
    private static final int[][][] EQ2_MAXIMA = levels(EQ2_METRICS, new String[][] {
            {"AC:L/AT:N"},
            {"AC:H/AT:N", "AC:L/AT:P"}});
    /** Indexed by EQ3 × 2 + EQ6. */
    private static final int[][][] EQ3_EQ6_MAXIMA = levels(EQ3_EQ6_METRICS, new String[][] {
            {"VC:H/VI:H/VA:H/CR:H/IR:H/AR:H"},
            {"VC:H/VI:H/VA:L/CR:M/IR:M/AR:H", "VC:H/VI:H/VA:H/CR:M/IR:M/AR:M"},
            {"VC:L/VI:H/VA:H/CR:H/IR:H/AR:H", "VC:H/VI:L/VA:H/CR:H/IR:H/AR:H"},
            {"VC:L/VI:H/VA:L/CR:H/IR:M/AR:H", "VC:L/VI:H/VA:H/CR:H/IR:M/AR:M", "VC:H/VI:L/VA:H/CR:M/IR:H/AR:M",
                    "VC:H/VI:L/VA:L/CR:M/IR:H/AR:H", "VC:L/VI:L/VA:H/CR:H/IR:H/AR:M"},
            {},
            {"VC:L/VI:L/VA:L/CR:H/IR:H/AR:H"}});
    private static final int[][][] EQ4_MAXIMA = levels(EQ4_METRICS, new String[][] {
            {"SC:H/SI:S/SA:S"},
            {"SC:H/SI:H/SA:H"},
            {"SC:L/SI:L/SA:L"}});

    // Depth of each EQ level: its largest severity distance plus one step.
    private static final int[] EQ1_DEPTH = {1, 4, 5};
    private static final int[] EQ2_DEPTH = {1, 2};
    private static final int[] EQ3_EQ6_DEPTH = {7, 6, 8, 8, 0, 10};
    private static final int[] EQ4_DEPTH = {6, 5, 4};

    private CvssV4Scoring() {
    }

    static String macroVector(int[] m) {
        return "" + eq1(m) + eq2(m) + eq3(m) + eq4(m) + m[E] + eq6(m);
    }

    /** The score, in tenths, of a vector given as effective severity levels. */
    static int scoreTenths(int[] m) {
        // Half up, lifted by 1e-6 so that a tie computed one ulp low (8.549999…) still rounds up, as
        // the reference calculator has done since its rounding fix of November 2024.
        return (int) Math.round((unroundedScore(m) + ROUNDING_LIFT) * 10);
    }

    /** The score before the final rounding. */
    static double unroundedScore(int[] m) {
        if (m[VC] == 2 && m[VI] == 2 && m[VA] == 2 && m[SC] == 3 && m[SI] == 3 && m[SA] == 3) {
            return 0;
        }
        int eq1 = eq1(m);
        int eq2 = eq2(m);
        int eq3 = eq3(m);
        int eq4 = eq4(m);
        int eq5 = m[E];
        int eq6 = eq6(m);
        double value = macroScore(eq1, eq2, eq3, eq4, eq5, eq6);

        double lowerEq1 = macroScore(eq1 + 1, eq2, eq3, eq4, eq5, eq6);
        double lowerEq2 = macroScore(eq1, eq2 + 1, eq3, eq4, eq5, eq6);
        double lowerEq3Eq6;
        if (eq3 == 1 && eq6 == 1 || eq3 == 0 && eq6 == 1) {
            lowerEq3Eq6 = macroScore(eq1, eq2, eq3 + 1, eq4, eq5, eq6);
        } else if (eq3 == 1 && eq6 == 0) {
            lowerEq3Eq6 = macroScore(eq1, eq2, eq3, eq4, eq5, eq6 + 1);
        } else if (eq3 == 0 && eq6 == 0) {
            // two ways down; the calculator takes the higher one
            lowerEq3Eq6 = Math.max(macroScore(eq1, eq2, eq3, eq4, eq5, eq6 + 1),
                    macroScore(eq1, eq2, eq3 + 1, eq4, eq5, eq6));
        } else {
            lowerEq3Eq6 = Double.NaN;
        }
        double lowerEq4 = macroScore(eq1, eq2, eq3, eq4 + 1, eq5, eq6);
        double lowerEq5 = macroScore(eq1, eq2, eq3, eq4, eq5 + 1, eq6);

        int[][] eq1Maxima = EQ1_MAXIMA[eq1];
        int[][] eq2Maxima = EQ2_MAXIMA[eq2];
        int[][] eq3Eq6Maxima = EQ3_EQ6_MAXIMA[eq3 * 2 + eq6];
        int[][] eq4Maxima = EQ4_MAXIMA[eq4];
        int[] eq1Max = firstDominating(eq1Maxima, m, EQ1_METRICS);
        int[] eq2Max = firstDominating(eq2Maxima, m, EQ2_METRICS);
        int[] eq3Eq6Max = firstDominating(eq3Eq6Maxima, m, EQ3_EQ6_METRICS);
        int[] eq4Max = firstDominating(eq4Maxima, m, EQ4_METRICS);
        if (eq1Max == null || eq2Max == null || eq3Eq6Max == null || eq4Max == null) {
            // No combination dominates: the calculator is left with its last combination.
            eq1Max = eq1Maxima[eq1Maxima.length - 1];
            eq2Max = eq2Maxima[eq2Maxima.length - 1];
            eq3Eq6Max = eq3Eq6Maxima[eq3Eq6Maxima.length - 1];
            eq4Max = eq4Maxima[eq4Maxima.length - 1];
        }

        double distanceEq1 = distance(m, eq1Max, AV) + distance(m, eq1Max, PR) + distance(m, eq1Max, UI);
        double distanceEq2 = distance(m, eq2Max, AC) + distance(m, eq2Max, AT);
        double distanceEq3Eq6 = distance(m, eq3Eq6Max, VC) + distance(m, eq3Eq6Max, VI)
                + distance(m, eq3Eq6Max, VA) + distance(m, eq3Eq6Max, CR)
                + distance(m, eq3Eq6Max, IR) + distance(m, eq3Eq6Max, AR);
        double distanceEq4 = distance(m, eq4Max, SC) + distance(m, eq4Max, SI) + distance(m, eq4Max, SA);

        int lowerCount = 0;
        double normalizedEq1 = 0;
        double normalizedEq2 = 0;
        double normalizedEq3Eq6 = 0;
        double normalizedEq4 = 0;
        double normalizedEq5 = 0;
        double available = value - lowerEq1;
        if (!Double.isNaN(available)) {
            lowerCount++;
            normalizedEq1 = available * (distanceEq1 / (EQ1_DEPTH[eq1] * STEP));
        }
        available = value - lowerEq2;
        if (!Double.isNaN(available)) {
            lowerCount++;
            normalizedEq2 = available * (distanceEq2 / (EQ2_DEPTH[eq2] * STEP));
        }
        available = value - lowerEq3Eq6;
        if (!Double.isNaN(available)) {
            lowerCount++;
            normalizedEq3Eq6 = available * (distanceEq3Eq6 / (EQ3_EQ6_DEPTH[eq3 * 2 + eq6] * STEP));
        }
        available = value - lowerEq4;
        if (!Double.isNaN(available)) {
            lowerCount++;
            normalizedEq4 = available * (distanceEq4 / (EQ4_DEPTH[eq4] * STEP));
        }
        available = value - lowerEq5;
        if (!Double.isNaN(available)) {
            // EQ5 has a single value per level: its proportion is always 0, but it counts
            lowerCount++;
            normalizedEq5 = available * 0;
        }
        double mean = lowerCount == 0 ? 0
                : (normalizedEq1 + normalizedEq2 + normalizedEq3Eq6 + normalizedEq4 + normalizedEq5) / lowerCount;
        return Math.max(0, Math.min(10, value - mean));
    }

    private static int eq1(int[] m) {
        if (m[AV] == 0 && m[PR] == 0 && m[UI] == 0) {
            return 0;
        }
        if ((m[AV] == 0 || m[PR] == 0 || m[UI] == 0) && m[AV] != 3) {
            return 1;
        }
        return 2;
    }

    private static int eq2(int[] m) {
        return m[AC] == 0 && m[AT] == 0 ? 0 : 1;
    }

    private static int eq3(int[] m) {
        if (m[VC] == 0 && m[VI] == 0) {
            return 0;
        }
        return m[VC] == 0 || m[VI] == 0 || m[VA] == 0 ? 1 : 2;
    }

    private static int eq4(int[] m) {
        if (m[SI] == 0 || m[SA] == 0) {
            return 0;
        }
        return m[SC] == 1 || m[SI] == 1 || m[SA] == 1 ? 1 : 2;
    }

    private static int eq6(int[] m) {
        return m[CR] == 0 && m[VC] == 0 || m[IR] == 0 && m[VI] == 0 || m[AR] == 0 && m[VA] == 0 ? 0 : 1;
    }

    private static double distance(int[] m, int[] maximum, int metric) {
        return LEVEL[m[metric]] - LEVEL[maximum[metric]];
    }

    /** The first highest-severity vector no metric of which is less severe than the scored vector's. */
    private static int[] firstDominating(int[][] maxima, int[] m, int[] metrics) {
        for (int[] maximum : maxima) {
            boolean dominates = true;
            for (int metric : metrics) {
                if (m[metric] < maximum[metric]) {
                    dominates = false;
                    break;
                }
            }
            if (dominates) {
                return maximum;
            }
        }
        return null;
    }

    private static double macroScore(int eq1, int eq2, int eq3, int eq4, int eq5, int eq6) {
        if (eq1 > 2 || eq2 > 1 || eq3 > 2 || eq4 > 2 || eq5 > 2 || eq6 > 1) {
            return Double.NaN;
        }
        return MACRO_SCORES[macroIndex(eq1, eq2, eq3, eq4, eq5, eq6)];
    }

    private static int macroIndex(int eq1, int eq2, int eq3, int eq4, int eq5, int eq6) {
        return ((((eq1 * 2 + eq2) * 3 + eq3) * 3 + eq4) * 3 + eq5) * 2 + eq6;
    }

    private static double[] loadMacroScores() {
        double[] scores = new double[3 * 2 * 3 * 3 * 3 * 2];
        Arrays.fill(scores, Double.NaN);
        String resource = "cvss-v4-macro-vector-scores.txt";
        try (InputStream in = CvssV4Scoring.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            int count = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.trim().split(" ");
                int[] eq = fields[0].chars().map(c -> c - '0').toArray();
                scores[macroIndex(eq[0], eq[1], eq[2], eq[3], eq[4], eq[5])] = Double.parseDouble(fields[1]);
                count++;
            }
            if (count != 270) {
                throw new IllegalStateException(resource + " has " + count + " macro vectors, expected 270");
            }
            return scores;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Turns "AV:N/PR:N/UI:N"-style vectors into level arrays indexed like the scored vector. */
    private static int[][][] levels(int[] metrics, String[][] vectorsPerLevel) {
        int[][][] result = new int[vectorsPerLevel.length][][];
        for (int level = 0; level < vectorsPerLevel.length; level++) {
            result[level] = new int[vectorsPerLevel[level].length][];
            for (int index = 0; index < vectorsPerLevel[level].length; index++) {
                int[] maximum = new int[LEVELS];
                String[] fields = vectorsPerLevel[level][index].split("/");
                for (int field = 0; field < fields.length; field++) {
                    maximum[metrics[field]] = levelOf(metrics[field], fields[field].substring(fields[field].indexOf(':') + 1));
                }
                result[level][index] = maximum;
            }
        }
        return result;
    }

    private static int levelOf(int metric, String value) {
        String order = switch (metric) {
            case AV -> "NALP";
            case PR -> "NLH";
            case UI -> "NPA";
            case AC -> "LH";
            case AT -> "NP";
            case VC, VI, VA -> "HLN";
            case SC, SI, SA -> "SHLN";
            case CR, IR, AR -> "HML";
            default -> throw new IllegalArgumentException("metric " + metric);
        };
        int level = order.indexOf(value);
        if (level < 0 || value.length() != 1) {
            throw new IllegalArgumentException("value " + value);
        }
        return level;
    }
}
