package eu.vigil.core.cvss;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import us.springett.cvss.Score;

/**
 * Our scores against an independent implementation, Steve Springett's cvss-calculator (lenient
 * parser, correct scoring), over random vectors with every metric group.
 */
class CvssDifferentialTests {

    private static final int VECTORS = 20_000;

    @Test
    void version31MatchesCvssCalculatorWithTemporalAndEnvironmentalMetrics() {
        RandomVectors random = new RandomVectors(31);
        List<String> mismatches = new ArrayList<>();
        for (int n = 0; n < VECTORS; n++) {
            String vector = random.version3("3.1", true);
            CvssV3 ours = (CvssV3) Cvss.parse(vector);
            Score theirs = us.springett.cvss.Cvss.fromVector(vector).calculateScore();
            compare(vector, mismatches, ours.baseScore(), theirs.getBaseScore(), ours.temporalScore(),
                    theirs.getTemporalScore(), ours.environmentalScore(), theirs.getEnvironmentalScore());
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void version30MatchesCvssCalculatorOnBaseAndTemporalMetrics() {
        // cvss-calculator has no 3.0 environmental scoring (the suites and ExactScoringTests cover it)
        RandomVectors random = new RandomVectors(30);
        List<String> mismatches = new ArrayList<>();
        for (int n = 0; n < VECTORS; n++) {
            String vector = random.version3("3.0", true);
            CvssV3 ours = (CvssV3) Cvss.parse(vector);
            Score theirs = us.springett.cvss.Cvss.fromVector(vector).calculateScore();
            double theirTemporal = isExactTenth(ours) ? ours.temporalScore() : theirs.getTemporalScore();
            compare(vector, mismatches, ours.baseScore(), theirs.getBaseScore(), ours.temporalScore(),
                    theirTemporal, 0, 0);
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void version2MatchesCvssCalculatorOnBaseAndTemporalMetrics() {
        RandomVectors random = new RandomVectors(2);
        List<String> mismatches = new ArrayList<>();
        for (int n = 0; n < VECTORS; n++) {
            String vector = random.version2();
            if (vector.contains("CDP:")) {
                continue; // cvss-calculator has no 2.0 environmental metrics
            }
            CvssV2 ours = (CvssV2) Cvss.parse(vector);
            Score theirs = us.springett.cvss.Cvss.fromVector(vector).calculateScore();
            double theirTemporal = isTemporalTie(ours) ? ours.temporalScore() : theirs.getTemporalScore();
            compare(vector, mismatches, ours.baseScore(), theirs.getBaseScore(), ours.temporalScore(),
                    theirTemporal, 0, 0);
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void version4MatchesCvssCalculatorWithEveryMetricGroup() {
        RandomVectors random = new RandomVectors(4);
        List<String> mismatches = new ArrayList<>();
        for (int n = 0; n < VECTORS; n++) {
            String vector = random.version4(n % 4 != 0);
            CvssV4 ours = (CvssV4) Cvss.parse(vector);
            double theirs = us.springett.cvss.Cvss.fromVector(vector).calculateScore().getBaseScore();
            if (ours.score() != theirs && !isTieRoundedDown(ours, theirs)) {
                mismatches.add(vector + " ours " + ours.score() + " theirs " + theirs);
            }
        }
        assertThat(mismatches).isEmpty();
    }

    /**
     * cvss-calculator 1.5.1 rounds like the reference calculator before its November 2024 fix:
     * an exact x.x5 computed one ulp low rounds down. Only such ties may differ, by one tenth.
     */
    private static boolean isTieRoundedDown(CvssV4 ours, double theirs) {
        double unrounded = CvssV4Scoring.unroundedScore(CvssV4.effective(ours.metricValues(), true)) * 10;
        boolean tie = Math.abs(unrounded - Math.floor(unrounded) - 0.5) < 1e-6
                || Math.abs(unrounded - Math.ceil(unrounded) + 0.5) < 1e-6;
        return tie && Math.round(ours.score() * 10) - Math.round(theirs * 10) == 1;
    }

    /**
     * base × E × RL × RC landing exactly on a tenth (5.0 × 0.92 = 4.6): 3.0's Roundup keeps it,
     * while cvss-calculator, like the FIRST 3.0 calculator, computes 4.6000000000000005 and rounds
     * that up to 4.7 — the float trap that made 3.1 redefine Roundup.
     */
    private static boolean isExactTenth(CvssV3 vector) {
        byte[] v = vector.metricValues();
        long product = Math.round(vector.baseScore() * 10) * CvssV3.E_HUNDREDTHS[v[CvssV3.E]]
                * CvssV3.RL_HUNDREDTHS[v[CvssV3.RL]] * CvssV3.RC_HUNDREDTHS[v[CvssV3.RC]];
        return product % 1_000_000 == 0;
    }

    /**
     * base × E × RL × RC landing exactly on x.x5: the guide rounds it up (as NVD does), while
     * cvss-calculator's floating point often lands one ulp low and rounds down.
     */
    private static boolean isTemporalTie(CvssV2 vector) {
        byte[] v = vector.metricValues();
        long product = Math.round(vector.baseScore() * 10) * CvssV2.E_HUNDREDTHS[v[CvssV2.E]]
                * CvssV2.RL_HUNDREDTHS[v[CvssV2.RL]] * CvssV2.RC_HUNDREDTHS[v[CvssV2.RC]];
        return product % 1_000_000 == 500_000;
    }

    private static void compare(String vector, List<String> mismatches, double... pairs) {
        for (int index = 0; index < pairs.length; index += 2) {
            if (pairs[index] != pairs[index + 1]) {
                mismatches.add(vector + " score " + index / 2 + " ours " + pairs[index] + " theirs " + pairs[index + 1]);
                return;
            }
        }
    }
}
