package eu.vigil.core.cvss;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A CVSS 3.0 or 3.1 vector. Scores follow the specification of its version: 3.1 (§7) with its
 * float-safe Roundup (Appendix A) and the 0.9731 / 13 modified-impact term for a changed scope;
 * 3.0 with Roundup as the exact smallest one-decimal number not below the value and the
 * base-style 15th-power term.
 */
public final class CvssV3 implements CvssVector {

    static final int AV = 0;
    static final int AC = 1;
    static final int PR = 2;
    static final int UI = 3;
    static final int S = 4;
    static final int C = 5;
    static final int I = 6;
    static final int A = 7;
    static final int E = 8;
    static final int RL = 9;
    static final int RC = 10;
    static final int CR = 11;
    static final int IR = 12;
    static final int AR = 13;
    static final int MAV = 14;
    static final int MAC = 15;
    static final int MPR = 16;
    static final int MUI = 17;
    static final int MS = 18;
    static final int MC = 19;
    static final int MI = 20;
    static final int MA = 21;

    // Values in the order of the specification's tables; an optional metric's X comes first.
    private static final String[] NAMES = {
            "AV", "AC", "PR", "UI", "S", "C", "I", "A",
            "E", "RL", "RC",
            "CR", "IR", "AR", "MAV", "MAC", "MPR", "MUI", "MS", "MC", "MI", "MA"};
    private static final String[][] VALUES = {
            {"N", "A", "L", "P"}, {"L", "H"}, {"N", "L", "H"}, {"N", "R"}, {"U", "C"},
            {"H", "L", "N"}, {"H", "L", "N"}, {"H", "L", "N"},
            {"X", "H", "F", "P", "U"}, {"X", "U", "W", "T", "O"}, {"X", "C", "R", "U"},
            {"X", "H", "M", "L"}, {"X", "H", "M", "L"}, {"X", "H", "M", "L"},
            {"X", "N", "A", "L", "P"}, {"X", "L", "H"}, {"X", "N", "L", "H"}, {"X", "N", "R"}, {"X", "U", "C"},
            {"X", "H", "L", "N"}, {"X", "H", "L", "N"}, {"X", "H", "L", "N"}};
    private static final MetricSet METRICS_3_0 = new MetricSet("3.0", NAMES, VALUES, 8, false);
    private static final MetricSet METRICS_3_1 = new MetricSet("3.1", NAMES, VALUES, 8, false);

    static final double[] AV_WEIGHT = {0.85, 0.62, 0.55, 0.2};
    static final double[] AC_WEIGHT = {0.77, 0.44};
    static final double[] PR_WEIGHT_SCOPE_UNCHANGED = {0.85, 0.62, 0.27};
    static final double[] PR_WEIGHT_SCOPE_CHANGED = {0.85, 0.68, 0.5};
    static final double[] UI_WEIGHT = {0.85, 0.62};
    static final double[] CIA_WEIGHT = {0.56, 0.22, 0};
    static final double[] REQUIREMENT_WEIGHT = {1, 1.5, 1, 0.5};
    // Temporal weights in hundredths, exact, and as doubles for 3.1's float-defined Roundup.
    static final int[] E_HUNDREDTHS = {100, 100, 97, 94, 91};
    static final int[] RL_HUNDREDTHS = {100, 100, 97, 96, 95};
    static final int[] RC_HUNDREDTHS = {100, 100, 96, 92};
    private static final double[] E_WEIGHT = {1, 1, 0.97, 0.94, 0.91};
    private static final double[] RL_WEIGHT = {1, 1, 0.97, 0.96, 0.95};
    private static final double[] RC_WEIGHT = {1, 1, 0.96, 0.92};

    private static final int SCOPE_CHANGED = 1;

    private final String vector;
    private final CvssVersion version;
    private final byte[] values;
    private final int baseTenths;
    private final int scoreTenths;

    private CvssV3(String vector, CvssVersion version, byte[] values) {
        this.vector = vector;
        this.version = version;
        this.values = values;
        this.baseTenths = baseTenths(version, values);
        if (hasAny(values, CR, MA)) {
            this.scoreTenths = environmentalTenths(version, values);
        } else if (hasAny(values, E, RC)) {
            this.scoreTenths = temporalTenths(version, values);
        } else {
            this.scoreTenths = baseTenths;
        }
    }

    static CvssV3 parse(String vector, CvssVersion version) {
        byte[] values = new byte[NAMES.length];
        (version == CvssVersion.V3_1 ? METRICS_3_1 : METRICS_3_0).scan(vector, "CVSS:3.x/".length(), vector.length(), values);
        return new CvssV3(vector, version, values);
    }

    @Override
    public String vector() {
        return vector;
    }

    @Override
    public CvssVersion version() {
        return version;
    }

    @Override
    public double baseScore() {
        return baseTenths / 10.0;
    }

    /** The temporal score (equal to the base score when no temporal metric is defined). */
    public double temporalScore() {
        return temporalTenths(version, values) / 10.0;
    }

    /**
     * The environmental score. Defined for every vector: with no environmental metric it still
     * differs from the base score in 3.1 for some scope-changed vectors (the modified-impact
     * formula is not the base one).
     */
    public double environmentalScore() {
        return environmentalTenths(version, values) / 10.0;
    }

    @Override
    public double score() {
        return scoreTenths / 10.0;
    }

    @Override
    public CvssSeverity severity() {
        return CvssSeverity.ofTenths(scoreTenths);
    }

    @Override
    public String normalized() {
        StringBuilder out = new StringBuilder(80).append("CVSS:").append(version.label());
        METRICS_3_1.appendDefined(out, values);
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
        return other instanceof CvssV3 that && version == that.version && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return 31 * version.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return vector;
    }

    private static boolean hasAny(byte[] values, int first, int last) {
        for (int metric = first; metric <= last; metric++) {
            if (values[metric] != 0) {
                return true;
            }
        }
        return false;
    }

    static int baseTenths(CvssVersion version, byte[] v) {
        boolean changed = v[S] == SCOPE_CHANGED;
        double iss = 1 - (1 - CIA_WEIGHT[v[C]]) * (1 - CIA_WEIGHT[v[I]]) * (1 - CIA_WEIGHT[v[A]]);
        double impact = changed
                ? 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15)
                : 6.42 * iss;
        if (impact <= 0) {
            return 0;
        }
        double exploitability = 8.22 * AV_WEIGHT[v[AV]] * AC_WEIGHT[v[AC]]
                * (changed ? PR_WEIGHT_SCOPE_CHANGED : PR_WEIGHT_SCOPE_UNCHANGED)[v[PR]] * UI_WEIGHT[v[UI]];
        double sum = changed ? 1.08 * (impact + exploitability) : impact + exploitability;
        return roundUp(version, Math.min(sum, 10));
    }

    static int temporalTenths(CvssVersion version, byte[] v) {
        return adjust(version, baseTenths(version, v), v);
    }

    static int environmentalTenths(CvssVersion version, byte[] v) {
        return adjust(version, modifiedTenths(version, v), v);
    }

    /** The environmental score before the temporal weights: Roundup(Minimum(…, 10)) of 3.x §7.3. */
    static int modifiedTenths(CvssVersion version, byte[] v) {
        int scope = v[MS] == 0 ? v[S] : v[MS] - 1;
        boolean changed = scope == SCOPE_CHANGED;
        double miss = Math.min(1
                - (1 - CIA_WEIGHT[modified(v, C, MC)] * REQUIREMENT_WEIGHT[v[CR]])
                * (1 - CIA_WEIGHT[modified(v, I, MI)] * REQUIREMENT_WEIGHT[v[IR]])
                * (1 - CIA_WEIGHT[modified(v, A, MA)] * REQUIREMENT_WEIGHT[v[AR]]), 0.915);
        double impact;
        if (!changed) {
            impact = 6.42 * miss;
        } else if (version == CvssVersion.V3_1) {
            impact = 7.52 * (miss - 0.029) - 3.25 * Math.pow(miss * 0.9731 - 0.02, 13);
        } else {
            impact = 7.52 * (miss - 0.029) - 3.25 * Math.pow(miss - 0.02, 15);
        }
        if (impact <= 0) {
            return 0;
        }
        double exploitability = 8.22 * AV_WEIGHT[modified(v, AV, MAV)] * AC_WEIGHT[modified(v, AC, MAC)]
                * (changed ? PR_WEIGHT_SCOPE_CHANGED : PR_WEIGHT_SCOPE_UNCHANGED)[modified(v, PR, MPR)]
                * UI_WEIGHT[modified(v, UI, MUI)];
        double sum = changed ? 1.08 * (impact + exploitability) : impact + exploitability;
        return roundUp(version, Math.min(sum, 10));
    }

    /** The value index of a base metric after its modified metric (whose value list adds X in front). */
    private static int modified(byte[] v, int base, int modifiedMetric) {
        int value = v[modifiedMetric];
        return value == 0 ? v[base] : value - 1;
    }

    /** Roundup(tenths × E × RL × RC). */
    private static int adjust(CvssVersion version, int tenths, byte[] v) {
        if (version == CvssVersion.V3_1) {
            return roundUp31(tenths / 10.0 * E_WEIGHT[v[E]] * RL_WEIGHT[v[RL]] * RC_WEIGHT[v[RC]]);
        }
        // 3.0 Roundup is exact; the product has at most 7 decimals, so integers do it exactly.
        long product = (long) tenths * E_HUNDREDTHS[v[E]] * RL_HUNDREDTHS[v[RL]] * RC_HUNDREDTHS[v[RC]];
        return (int) ((product + 999_999) / 1_000_000);
    }

    private static int roundUp(CvssVersion version, double value) {
        return version == CvssVersion.V3_1 ? roundUp31(value) : roundUp30(value);
    }

    /** CVSS 3.1 Appendix A Roundup, in tenths. */
    static int roundUp31(double value) {
        long scaled = Math.round(value * 100_000);
        return (int) (scaled % 10_000 == 0 ? scaled / 10_000 : scaled / 10_000 + 1);
    }

    /**
     * CVSS 3.0 Roundup (the smallest one-decimal number not below the value), in tenths. Values
     * within 1e-9 above a tenth are taken as that tenth: they are float noise of an exact tenth,
     * which {@code ExactScoringTests} checks for every reachable input.
     */
    static int roundUp30(double value) {
        return (int) Math.ceil(value * 10 - 1e-9);
    }
}
