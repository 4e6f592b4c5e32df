package eu.vigil.core.cvss;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * CVSS 2.0 and 3.0 define their rounding on exact numbers; we compute in doubles and treat values
 * within 1e-9 of a rounding boundary as on it. These tests prove that choice exact by recomputing
 * every reachable input of each rounded equation in exact decimal arithmetic. (3.1 defines its
 * Roundup on floating point itself, so it needs no such proof.)
 */
class ExactScoringTests {

    private static final BigDecimal ONE = BigDecimal.ONE;

    @Test
    void version2BaseAndAdjustedBaseEquationsRoundExactlyForEveryInput() {
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        byte[] v = new byte[14];
        for (int av = 0; av < 3; av++) {
            for (int ac = 0; ac < 3; ac++) {
                for (int au = 0; au < 3; au++) {
                    for (int cia = 0; cia < 27; cia++) {
                        for (int requirements = 0; requirements < 64; requirements++) {
                            v[CvssV2.AV] = (byte) av;
                            v[CvssV2.AC] = (byte) ac;
                            v[CvssV2.AU] = (byte) au;
                            v[CvssV2.C] = (byte) (cia % 3);
                            v[CvssV2.I] = (byte) (cia / 3 % 3);
                            v[CvssV2.A] = (byte) (cia / 9);
                            v[CvssV2.CR] = (byte) (requirements % 4);
                            v[CvssV2.IR] = (byte) (requirements / 4 % 4);
                            v[CvssV2.AR] = (byte) (requirements / 16);
                            BigDecimal exploitability = dec(20).multiply(dec(CvssV2.AV_WEIGHT[av]))
                                    .multiply(dec(CvssV2.AC_WEIGHT[ac])).multiply(dec(CvssV2.AU_WEIGHT[au]));
                            BigDecimal adjustedImpact = dec(10.41).multiply(ONE.subtract(
                                    requirementTerm(CvssV2.CIA_WEIGHT, CvssV2.REQUIREMENT_WEIGHT, v[CvssV2.C], v[CvssV2.CR])
                                            .multiply(requirementTerm(CvssV2.CIA_WEIGHT, CvssV2.REQUIREMENT_WEIGHT, v[CvssV2.I], v[CvssV2.IR]))
                                            .multiply(requirementTerm(CvssV2.CIA_WEIGHT, CvssV2.REQUIREMENT_WEIGHT, v[CvssV2.A], v[CvssV2.AR])))).min(dec(10));
                            int expected = version2Equation(adjustedImpact, exploitability);
                            if (CvssV2.adjustedBaseTenths(v) != expected) {
                                mismatches.add("adjusted " + java.util.Arrays.toString(v) + " expected " + expected);
                            }
                            checked++;
                            if (requirements == 0) {
                                BigDecimal impact = dec(10.41).multiply(ONE.subtract(
                                        ONE.subtract(dec(CvssV2.CIA_WEIGHT[v[CvssV2.C]]))
                                                .multiply(ONE.subtract(dec(CvssV2.CIA_WEIGHT[v[CvssV2.I]])))
                                                .multiply(ONE.subtract(dec(CvssV2.CIA_WEIGHT[v[CvssV2.A]])))));
                                int expectedBase = version2Equation(impact, exploitability);
                                if (CvssV2.baseTenths(v) != expectedBase) {
                                    mismatches.add("base " + java.util.Arrays.toString(v) + " expected " + expectedBase);
                                }
                                checked++;
                            }
                        }
                    }
                }
            }
        }
        assertThat(mismatches).isEmpty();
        assertThat(checked).isEqualTo(3 * 3 * 3 * 27 * 64 + 729);
    }

    @Test
    void version30BaseAndModifiedEquationsRoundUpExactlyForEveryInput() {
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        byte[] v = new byte[22];
        // Modified metrics take every non-X value; base metrics then do not matter. CR, IR and AR
        // range over X, H and L (M weighs as X).
        int[] sizes = {4, 2, 3, 2, 2, 3, 3, 3, 3, 3, 3};
        int[] metrics = {CvssV3.MAV, CvssV3.MAC, CvssV3.MPR, CvssV3.MUI, CvssV3.MS, CvssV3.MC, CvssV3.MI, CvssV3.MA,
                CvssV3.CR, CvssV3.IR, CvssV3.AR};
        int combinations = 1;
        for (int size : sizes) {
            combinations *= size;
        }
        for (int combination = 0; combination < combinations; combination++) {
            int rest = combination;
            for (int index = 0; index < metrics.length; index++) {
                int value = rest % sizes[index];
                rest /= sizes[index];
                v[metrics[index]] = (byte) (index < 8 ? value + 1 : value == 2 ? 3 : value);
            }
            int expected = version30Equation(v, true);
            if (CvssV3.modifiedTenths(CvssVersion.V3_0, v) != expected) {
                mismatches.add("modified " + java.util.Arrays.toString(v) + " expected " + expected);
            }
            checked++;
        }
        byte[] base = new byte[22];
        for (int combination = 0; combination < 2592; combination++) {
            int rest = combination;
            int[] baseSizes = {4, 2, 3, 2, 2, 3, 3, 3};
            for (int metric = 0; metric < 8; metric++) {
                base[metric] = (byte) (rest % baseSizes[metric]);
                rest /= baseSizes[metric];
            }
            int expected = version30Equation(base, false);
            if (CvssV3.baseTenths(CvssVersion.V3_0, base) != expected) {
                mismatches.add("base " + java.util.Arrays.toString(base) + " expected " + expected);
            }
            checked++;
        }
        assertThat(mismatches).isEmpty();
        assertThat(checked).isEqualTo(69_984 + 2592);
    }

    private static int version2Equation(BigDecimal impact, BigDecimal exploitability) {
        BigDecimal f = impact.signum() == 0 ? BigDecimal.ZERO : dec(1.176);
        BigDecimal value = dec(0.6).multiply(impact).add(dec(0.4).multiply(exploitability)).subtract(dec(1.5))
                .multiply(f);
        return value.setScale(1, RoundingMode.HALF_UP).unscaledValue().intValueExact();
    }

    /** The 3.0 base (modified = false) or modified (true) equation in exact arithmetic, rounded up. */
    private static int version30Equation(byte[] v, boolean modified) {
        int scopeValue = modified ? v[CvssV3.MS] - 1 : v[CvssV3.S];
        boolean changed = scopeValue == 1;
        BigDecimal iss;
        if (modified) {
            iss = ONE.subtract(requirementTerm(CvssV3.CIA_WEIGHT, CvssV3.REQUIREMENT_WEIGHT, v[CvssV3.MC] - 1, v[CvssV3.CR])
                    .multiply(requirementTerm(CvssV3.CIA_WEIGHT, CvssV3.REQUIREMENT_WEIGHT, v[CvssV3.MI] - 1, v[CvssV3.IR]))
                    .multiply(requirementTerm(CvssV3.CIA_WEIGHT, CvssV3.REQUIREMENT_WEIGHT, v[CvssV3.MA] - 1, v[CvssV3.AR])))
                    .min(dec(0.915));
        } else {
            iss = ONE.subtract(ONE.subtract(dec(CvssV3.CIA_WEIGHT[v[CvssV3.C]]))
                    .multiply(ONE.subtract(dec(CvssV3.CIA_WEIGHT[v[CvssV3.I]])))
                    .multiply(ONE.subtract(dec(CvssV3.CIA_WEIGHT[v[CvssV3.A]]))));
        }
        BigDecimal impact = changed
                ? dec(7.52).multiply(iss.subtract(dec(0.029))).subtract(dec(3.25).multiply(iss.subtract(dec(0.02)).pow(15)))
                : dec(6.42).multiply(iss);
        if (impact.signum() <= 0) {
            return 0;
        }
        int av = modified ? v[CvssV3.MAV] - 1 : v[CvssV3.AV];
        int ac = modified ? v[CvssV3.MAC] - 1 : v[CvssV3.AC];
        int pr = modified ? v[CvssV3.MPR] - 1 : v[CvssV3.PR];
        int ui = modified ? v[CvssV3.MUI] - 1 : v[CvssV3.UI];
        BigDecimal exploitability = dec(8.22).multiply(dec(CvssV3.AV_WEIGHT[av])).multiply(dec(CvssV3.AC_WEIGHT[ac]))
                .multiply(dec((changed ? CvssV3.PR_WEIGHT_SCOPE_CHANGED : CvssV3.PR_WEIGHT_SCOPE_UNCHANGED)[pr]))
                .multiply(dec(CvssV3.UI_WEIGHT[ui]));
        BigDecimal sum = impact.add(exploitability);
        if (changed) {
            sum = sum.multiply(dec(1.08));
        }
        return sum.min(dec(10)).setScale(1, RoundingMode.CEILING).unscaledValue().intValueExact();
    }

    private static BigDecimal requirementTerm(double[] impactWeights, double[] requirementWeights, int impact, int requirement) {
        return ONE.subtract(dec(impactWeights[impact]).multiply(dec(requirementWeights[requirement])));
    }

    private static BigDecimal dec(double value) {
        return new BigDecimal(Double.toString(value));
    }
}
