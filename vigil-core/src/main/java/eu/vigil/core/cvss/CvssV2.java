package eu.vigil.core.cvss;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A CVSS 2.0 vector as NVD writes it ({@code AV:N/AC:L/Au:N/C:P/I:P/A:P}, optionally in
 * parentheses), scored by the equations of the CVSS v2 guide §3.2 with round_to_1_decimal
 * rounding half up, and rated as NVD rates 2.0 scores.
 */
public final class CvssV2 implements CvssVector {

    static final int AV = 0;
    static final int AC = 1;
    static final int AU = 2;
    static final int C = 3;
    static final int I = 4;
    static final int A = 5;
    static final int E = 6;
    static final int RL = 7;
    static final int RC = 8;
    static final int CDP = 9;
    static final int TD = 10;
    static final int CR = 11;
    static final int IR = 12;
    static final int AR = 13;

    private static final String[] NAMES = {
            "AV", "AC", "Au", "C", "I", "A", "E", "RL", "RC", "CDP", "TD", "CR", "IR", "AR"};
    // ND first, so that an absent optional metric (index 0) reads as Not Defined.
    private static final String[][] VALUES = {
            {"L", "A", "N"}, {"H", "M", "L"}, {"M", "S", "N"}, {"N", "P", "C"}, {"N", "P", "C"}, {"N", "P", "C"},
            {"ND", "U", "POC", "F", "H"}, {"ND", "OF", "TF", "W", "U"}, {"ND", "UC", "UR", "C"},
            {"ND", "N", "L", "LM", "MH", "H"}, {"ND", "N", "L", "M", "H"},
            {"ND", "L", "M", "H"}, {"ND", "L", "M", "H"}, {"ND", "L", "M", "H"}};
    private static final MetricSet METRICS = new MetricSet("2.0", NAMES, VALUES, 6, true);

    static final double[] AV_WEIGHT = {0.395, 0.646, 1.0};
    static final double[] AC_WEIGHT = {0.35, 0.61, 0.71};
    static final double[] AU_WEIGHT = {0.45, 0.56, 0.704};
    static final double[] CIA_WEIGHT = {0, 0.275, 0.660};
    static final double[] REQUIREMENT_WEIGHT = {1, 0.5, 1, 1.51};
    // Weights applied to already rounded scores, in exact integer units.
    static final int[] E_HUNDREDTHS = {100, 85, 90, 95, 100};
    static final int[] RL_HUNDREDTHS = {100, 87, 90, 95, 100};
    static final int[] RC_HUNDREDTHS = {100, 90, 95, 100};
    private static final int[] CDP_TENTHS = {0, 0, 1, 3, 4, 5};
    private static final int[] TD_HUNDREDTHS = {100, 0, 25, 75, 100};

    private static final long TEMPORAL_GROUP = 0b111L << E;
    private static final long ENVIRONMENTAL_GROUP = 0b11111L << CDP;

    private final String vector;
    private final byte[] values;
    private final int baseTenths;
    private final int scoreTenths;

    private CvssV2(String vector, byte[] values) {
        this.vector = vector;
        this.values = values;
        this.baseTenths = baseTenths(values);
        if (hasAny(values, CDP, AR)) {
            this.scoreTenths = environmentalTenths(values);
        } else if (hasAny(values, E, RC)) {
            this.scoreTenths = adjust(baseTenths, values);
        } else {
            this.scoreTenths = baseTenths;
        }
    }

    static CvssV2 parse(String vector) {
        int from = 0;
        int to = vector.length();
        boolean opened = vector.startsWith("(");
        boolean closed = vector.endsWith(")");
        if (opened != closed) {
            throw MetricSet.invalid("2.0", vector, opened ? "opens a parenthesis it does not close"
                    : "closes a parenthesis it did not open", opened ? 0 : to - 1);
        }
        if (opened) {
            from = 1;
            to--;
        }
        byte[] values = new byte[NAMES.length];
        long present = METRICS.scan(vector, from, to, values);
        requireWholeGroup(vector, present, TEMPORAL_GROUP, "temporal", "E, RL and RC");
        requireWholeGroup(vector, present, ENVIRONMENTAL_GROUP, "environmental", "CDP, TD, CR, IR and AR");
        return new CvssV2(vector, values);
    }

    /** The 2.0 vector format lists every metric of a group, using ND for those not used. */
    private static void requireWholeGroup(String vector, long present, long group, String name, String members) {
        long given = present & group;
        if (given != 0 && given != group) {
            throw MetricSet.invalid("2.0", vector, "has an incomplete " + name + " group (CVSS 2.0 requires "
                    + members + " together; use ND for a metric not used)", -1);
        }
    }

    @Override
    public String vector() {
        return vector;
    }

    @Override
    public CvssVersion version() {
        return CvssVersion.V2_0;
    }

    @Override
    public double baseScore() {
        return baseTenths / 10.0;
    }

    /** The temporal score (equal to the base score when no temporal metric is defined). */
    public double temporalScore() {
        return adjust(baseTenths, values) / 10.0;
    }

    /** The environmental score (CDP and TD default to ND, so it is the temporal score when none is defined). */
    public double environmentalScore() {
        return environmentalTenths(values) / 10.0;
    }

    @Override
    public double score() {
        return scoreTenths / 10.0;
    }

    @Override
    public CvssSeverity severity() {
        return CvssSeverity.ofVersion2Tenths(scoreTenths);
    }

    @Override
    public String normalized() {
        StringBuilder out = new StringBuilder(80);
        for (int metric = 0; metric < NAMES.length; metric++) {
            if (included(metric)) {
                out.append(out.isEmpty() ? "" : "/").append(NAMES[metric]).append(':')
                        .append(VALUES[metric][values[metric]]);
            }
        }
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

    private boolean included(int metric) {
        if (metric < E) {
            return true;
        }
        return metric < CDP ? hasAny(values, E, RC) : hasAny(values, CDP, AR);
    }

    /** The value index of every metric, in specification order (0 = Not Defined for optional metrics). */
    byte[] metricValues() {
        return values.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CvssV2 that && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
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

    static int baseTenths(byte[] v) {
        double impact = 10.41 * (1 - (1 - CIA_WEIGHT[v[C]]) * (1 - CIA_WEIGHT[v[I]]) * (1 - CIA_WEIGHT[v[A]]));
        return equationTenths(impact, v);
    }

    /** BaseScore with Impact replaced by AdjustedImpact (CVSS v2 guide §3.2.3). */
    static int adjustedBaseTenths(byte[] v) {
        double adjustedImpact = Math.min(10, 10.41 * (1
                - (1 - CIA_WEIGHT[v[C]] * REQUIREMENT_WEIGHT[v[CR]])
                * (1 - CIA_WEIGHT[v[I]] * REQUIREMENT_WEIGHT[v[IR]])
                * (1 - CIA_WEIGHT[v[A]] * REQUIREMENT_WEIGHT[v[AR]])));
        return equationTenths(adjustedImpact, v);
    }

    /**
     * The base equation, in tenths. With a low security requirement the adjusted equation can go
     * below zero; the guide applies no floor inside the environmental equation, so neither do we:
     * only published scores are floored at zero.
     */
    private static int equationTenths(double impact, byte[] v) {
        double exploitability = 20 * AV_WEIGHT[v[AV]] * AC_WEIGHT[v[AC]] * AU_WEIGHT[v[AU]];
        double f = impact == 0 ? 0 : 1.176;
        return roundHalfUp(((0.6 * impact) + (0.4 * exploitability) - 1.5) * f);
    }

    static int environmentalTenths(byte[] v) {
        int adjustedTemporal = adjust(adjustedBaseTenths(v), v);
        long tenThousandths = ((long) adjustedTemporal * 10 + (100L - adjustedTemporal) * CDP_TENTHS[v[CDP]])
                * TD_HUNDREDTHS[v[TD]];
        return Math.max(0, (int) divideHalfUp(tenThousandths, 1000));
    }

    /** round_to_1_decimal(tenths × E × RL × RC), exactly. */
    private static int adjust(int tenths, byte[] v) {
        long product = (long) tenths * E_HUNDREDTHS[v[E]] * RL_HUNDREDTHS[v[RL]] * RC_HUNDREDTHS[v[RC]];
        return (int) divideHalfUp(product, 1_000_000);
    }

    /** Division rounding half away from zero, as the guide's round_to_1_decimal does. */
    private static long divideHalfUp(long dividend, long divisor) {
        return dividend >= 0 ? (dividend + divisor / 2) / divisor : -((-dividend + divisor / 2) / divisor);
    }

    /**
     * round_to_1_decimal, half away from zero, in tenths. A value within 1e-9 short of a half is
     * taken as the half: it is float noise of an exact decimal tie, which {@code ExactScoringTests} checks for
     * every reachable input.
     */
    static int roundHalfUp(double value) {
        return value >= 0 ? (int) Math.floor(value * 10 + 0.5 + 1e-9) : -(int) Math.floor(-value * 10 + 0.5 + 1e-9);
    }
}
