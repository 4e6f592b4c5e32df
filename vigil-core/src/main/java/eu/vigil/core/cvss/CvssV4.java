package eu.vigil.core.cvss;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A CVSS 4.0 vector, scored as the FIRST 4.0 specification §8 and its reference calculator do:
 * the macro vector's score from the lookup table, lowered by the mean proportional severity
 * distance to the next lower macro vectors. Supplemental metrics are kept but never change the
 * score.
 */
public final class CvssV4 implements CvssVector {

    static final int AV = 0;
    static final int AC = 1;
    static final int AT = 2;
    static final int PR = 3;
    static final int UI = 4;
    static final int VC = 5;
    static final int VI = 6;
    static final int VA = 7;
    static final int SC = 8;
    static final int SI = 9;
    static final int SA = 10;
    static final int E = 11;
    static final int CR = 12;
    static final int IR = 13;
    static final int AR = 14;
    static final int MAV = 15;
    static final int MAC = 16;
    static final int MAT = 17;
    static final int MPR = 18;
    static final int MUI = 19;
    static final int MVC = 20;
    static final int MVI = 21;
    static final int MVA = 22;
    static final int MSC = 23;
    static final int MSI = 24;
    static final int MSA = 25;
    static final int SAFETY = 26;
    static final int U = 31;

    // Specification order (Table 23). Base values are ordered from most to least severe, which is
    // also the order of the severity levels the scoring uses; optional metrics start with X.
    private static final String[] NAMES = {
            "AV", "AC", "AT", "PR", "UI", "VC", "VI", "VA", "SC", "SI", "SA",
            "E",
            "CR", "IR", "AR", "MAV", "MAC", "MAT", "MPR", "MUI", "MVC", "MVI", "MVA", "MSC", "MSI", "MSA",
            "S", "AU", "R", "V", "RE", "U"};
    private static final String[][] VALUES = {
            {"N", "A", "L", "P"}, {"L", "H"}, {"N", "P"}, {"N", "L", "H"}, {"N", "P", "A"},
            {"H", "L", "N"}, {"H", "L", "N"}, {"H", "L", "N"}, {"H", "L", "N"}, {"H", "L", "N"}, {"H", "L", "N"},
            {"X", "A", "P", "U"},
            {"X", "H", "M", "L"}, {"X", "H", "M", "L"}, {"X", "H", "M", "L"},
            {"X", "N", "A", "L", "P"}, {"X", "L", "H"}, {"X", "N", "P"}, {"X", "N", "L", "H"}, {"X", "N", "P", "A"},
            {"X", "H", "L", "N"}, {"X", "H", "L", "N"}, {"X", "H", "L", "N"},
            {"X", "H", "L", "N"}, {"X", "S", "H", "L", "N"}, {"X", "S", "H", "L", "N"},
            {"X", "N", "P"}, {"X", "N", "Y"}, {"X", "A", "U", "I"}, {"X", "D", "C"}, {"X", "L", "M", "H"},
            {"X", "Clear", "Green", "Amber", "Red"}};
    private static final MetricSet METRICS = new MetricSet("4.0", NAMES, VALUES, 11, true);

    private static final int NOT_COMPUTED = -1;

    private final String vector;
    private final byte[] values;
    private final int scoreTenths;
    private int baseTenths = NOT_COMPUTED;

    private CvssV4(String vector, byte[] values) {
        this.vector = vector;
        this.values = values;
        this.scoreTenths = scoreTenths(values, true);
        if (!hasAny(E, MSA)) {
            this.baseTenths = scoreTenths;
        }
    }

    static CvssV4 parse(String vector) {
        byte[] values = new byte[NAMES.length];
        METRICS.scan(vector, "CVSS:4.0/".length(), vector.length(), values);
        return new CvssV4(vector, values);
    }

    @Override
    public String vector() {
        return vector;
    }

    @Override
    public CvssVersion version() {
        return CvssVersion.V4_0;
    }

    /** The CVSS-B score: base metrics alone, threat and environmental metrics ignored. */
    @Override
    public double baseScore() {
        int tenths = baseTenths;
        if (tenths == NOT_COMPUTED) {
            // Racing threads compute the same value; no lock needed.
            tenths = scoreTenths(values, false);
            baseTenths = tenths;
        }
        return tenths / 10.0;
    }

    /** The score of all metrics given: CVSS-B, CVSS-BT, CVSS-BE or CVSS-BTE, as {@link #nomenclature()} says. */
    @Override
    public double score() {
        return scoreTenths / 10.0;
    }

    @Override
    public CvssSeverity severity() {
        return CvssSeverity.ofTenths(scoreTenths);
    }

    /** Which metric groups the score includes: {@code CVSS-B}, {@code CVSS-BT}, {@code CVSS-BE} or {@code CVSS-BTE}. */
    public String nomenclature() {
        return "CVSS-B" + (values[E] != 0 ? "T" : "") + (hasAny(CR, MSA) ? "E" : "");
    }

    /** The six-digit macro vector (EQ1 to EQ6) of all metrics given, e.g. {@code "000200"}. */
    public String macroVector() {
        return CvssV4Scoring.macroVector(effective(values, true));
    }

    @Override
    public String normalized() {
        StringBuilder out = new StringBuilder(120).append("CVSS:4.0");
        METRICS.appendDefined(out, values);
        return out.toString();
    }

    @Override
    public Map<String, String> metrics() {
        Map<String, String> metrics = new LinkedHashMap<>();
        for (int metric = 0; metric < NAMES.length; metric++) {
            if (metric < E || values[metric] != 0) {
                metrics.put(NAMES[metric], VALUES[metric][values[metric]]);
            }
        }
        return Collections.unmodifiableMap(metrics);
    }

    /** The value index of every metric, in specification order (0 = Not Defined for optional metrics). */
    byte[] metricValues() {
        return values.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CvssV4 that && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return vector;
    }

    private boolean hasAny(int first, int last) {
        for (int metric = first; metric <= last; metric++) {
            if (values[metric] != 0) {
                return true;
            }
        }
        return false;
    }

    private static int scoreTenths(byte[] v, boolean allMetrics) {
        return CvssV4Scoring.scoreTenths(effective(v, allMetrics));
    }

    /**
     * The severity level (0 = most severe) of each metric the score depends on, in the order of
     * {@link CvssV4Scoring}: a defined modified metric replaces its base metric; E, CR, IR and AR
     * default to their worst value (A, H).
     */
    static int[] effective(byte[] v, boolean allMetrics) {
        int[] levels = new int[CvssV4Scoring.LEVELS];
        levels[CvssV4Scoring.AV] = pick(v, AV, MAV, allMetrics);
        levels[CvssV4Scoring.PR] = pick(v, PR, MPR, allMetrics);
        levels[CvssV4Scoring.UI] = pick(v, UI, MUI, allMetrics);
        levels[CvssV4Scoring.AC] = pick(v, AC, MAC, allMetrics);
        levels[CvssV4Scoring.AT] = pick(v, AT, MAT, allMetrics);
        levels[CvssV4Scoring.VC] = pick(v, VC, MVC, allMetrics);
        levels[CvssV4Scoring.VI] = pick(v, VI, MVI, allMetrics);
        levels[CvssV4Scoring.VA] = pick(v, VA, MVA, allMetrics);
        // Subsequent-system levels start at 1: level 0 is Safety, which only MSI and MSA can state.
        levels[CvssV4Scoring.SC] = pick(v, SC, MSC, allMetrics) + 1;
        levels[CvssV4Scoring.SI] = allMetrics && v[MSI] != 0 ? v[MSI] - 1 : v[SI] + 1;
        levels[CvssV4Scoring.SA] = allMetrics && v[MSA] != 0 ? v[MSA] - 1 : v[SA] + 1;
        levels[CvssV4Scoring.CR] = allMetrics ? worstWhenUndefined(v[CR]) : 0;
        levels[CvssV4Scoring.IR] = allMetrics ? worstWhenUndefined(v[IR]) : 0;
        levels[CvssV4Scoring.AR] = allMetrics ? worstWhenUndefined(v[AR]) : 0;
        levels[CvssV4Scoring.E] = allMetrics ? worstWhenUndefined(v[E]) : 0;
        return levels;
    }

    private static int pick(byte[] v, int base, int modified, boolean allMetrics) {
        return allMetrics && v[modified] != 0 ? v[modified] - 1 : v[base];
    }

    private static int worstWhenUndefined(int value) {
        return value == 0 ? 0 : value - 1;
    }
}
