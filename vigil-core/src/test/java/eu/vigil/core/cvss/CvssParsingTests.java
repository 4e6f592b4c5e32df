package eu.vigil.core.cvss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.vigil.core.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CvssParsingTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H                              | missing metric           | lacks mandatory metric(s) A
            CVSS:3.1/AV:N/PR:N/UI:N/S:U/C:H                                       | three missing metrics    | lacks mandatory metric(s) AC, I, A
            CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/AV:L                     | duplicate                | repeats metric AV
            CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:X/E:X                  | duplicate optional       | repeats metric E
            CVSS:3.1/AV:Z/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H                          | unknown value            | invalid value "Z" for AV
            CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/                         | trailing slash           | ends with '/'
            CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/XY:Z                     | unknown metric           | unknown metric "XY"
            CVSS:3.1/av:n/ac:l/pr:n/ui:n/s:u/c:h/i:h/a:h                          | lowercase                | unknown metric "av"
            CVSS:3.1/AV:n/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H                          | lowercase value          | invalid value "n" for AV
            CVSS:3.1/AV:N//AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H                         | empty field              | has an empty field
            CVSS:3.1/AV:N/AC/PR:N/UI:N/S:U/C:H/I:H/A:H                            | field without value      | field without ':'
            CVSS:3.1/AV:N:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H                        | two colons               | invalid value "N:N" for AV
            CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:                       | empty value              | invalid value "" for E
            CVSS:3.1/ AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H                         | blank                    | unknown metric " AV"
            CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/MSI:S                    | 4.0 metric in 3.1        | unknown metric "MSI"
            CVSS:3.1                                                              | prefix only              | unsupported version prefix
            CVSS:3.2/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H                          | unknown version          | unsupported version prefix "CVSS:3.2"
            CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N            | 4.0 missing SA           | lacks mandatory metric(s) SA
            CVSS:4.0/AC:L/AV:N/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N       | 4.0 wrong order          | has AV after AC (CVSS 4.0 fixes the order of metrics)
            CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/CR:H/E:A | 4.0 threat after env  | has E after CR
            CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/U:Red/S:N | 4.0 supplemental order | has S after U
            CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/SA:N  | 4.0 duplicate            | repeats metric SA
            CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:S/SA:N       | safety only modified     | invalid value "S" for SI
            CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/U:red | 4.0 case of U            | invalid value "red" for U
            CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/S:X/  | 4.0 trailing slash       | ends with '/'
            CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/RL:O  | 3.x metric in 4.0        | unknown metric "RL"
            AV:N/AC:L/Au:N/C:P/I:P                                                | 2.0 missing              | lacks mandatory metric(s) A
            AV:N/AC:L/Au:N/C:P/I:P/A:P/E:F                                        | 2.0 partial temporal     | incomplete temporal group
            AV:N/AC:L/Au:N/C:P/I:P/A:P/CDP:N/TD:N/CR:ND/IR:ND                     | 2.0 partial environment  | incomplete environmental group
            AC:L/AV:N/Au:N/C:P/I:P/A:P                                            | 2.0 order                | is not a CVSS vector
            AV:N/Au:N/AC:L/C:P/I:P/A:P                                            | 2.0 order                | has AC after Au
            AV:N/AC:L/AU:N/C:P/I:P/A:P                                            | 2.0 case of Au           | unknown metric "AU"
            (AV:N/AC:L/Au:N/C:P/I:P/A:P                                           | 2.0 open parenthesis     | opens a parenthesis
            AV:N/AC:L/Au:N/C:P/I:P/A:P)                                           | 2.0 close parenthesis    | closes a parenthesis
            CVSS:2.0/AV:N/AC:L/Au:N/C:P/I:P/A:P                                   | 2.0 has no prefix        | unsupported version prefix
            AV:N/AC:L/Au:N/C:P/I:P/A:P/E:X/RL:OF/RC:C                             | 3.x value in 2.0         | invalid value "X" for E
            cvss:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H                          | lowercase prefix         | is not a CVSS vector
            hello                                                                 | not a vector             | is not a CVSS vector
            """)
    void rejectsInvalidVectorsSayingWhy(String vector, String problem, String message) {
        assertThatThrownBy(() -> Cvss.parse(vector))
                .as(problem)
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(message);
    }

    @Test
    void rejectsEmptyAndOverlongInput() {
        assertThatThrownBy(() -> Cvss.parse("")).isInstanceOf(InvalidInputException.class).hasMessageContaining("empty");
        String longVector = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H" + "/E:X".repeat(200);
        assertThatThrownBy(() -> Cvss.parse(longVector))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("too long")
                .hasMessageNotContaining("/E:X/E:X/E:X/E:X/E:X/E:X/E:X/E:X/E:X/E:X/E:X/E:X/E:X/E:X/E:X/E:X/E:X");
    }

    @Test
    void version3AcceptsMetricsInAnyOrderAndNormalizesThem() {
        CvssVector vector = Cvss.parse("CVSS:3.1/E:F/A:H/I:H/C:H/S:U/UI:N/PR:N/AC:L/AV:N/MAV:X");
        assertThat(vector.version()).isEqualTo(CvssVersion.V3_1);
        assertThat(vector.normalized()).isEqualTo("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:F");
        assertThat(vector.baseScore()).isEqualTo(9.8);
        assertThat(vector.score()).isEqualTo(9.6);
        assertThat(vector.severity()).isEqualTo(CvssSeverity.CRITICAL);
        assertThat(vector.metrics()).containsExactly(
                java.util.Map.entry("AV", "N"), java.util.Map.entry("AC", "L"), java.util.Map.entry("PR", "N"),
                java.util.Map.entry("UI", "N"), java.util.Map.entry("S", "U"), java.util.Map.entry("C", "H"),
                java.util.Map.entry("I", "H"), java.util.Map.entry("A", "H"), java.util.Map.entry("E", "F"));
        assertThat(Cvss.parse(vector.normalized())).isEqualTo(vector);
    }

    @Test
    void scoreIsEnvironmentalWhenEnvironmentalMetricsAreDefined() {
        // Scope changed, no defined environmental metric: 3.1's modified-impact formula differs from the base one.
        CvssV3 baseOnly = (CvssV3) Cvss.parse("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:L/A:N/CR:X");
        assertThat(baseOnly.score()).isEqualTo(baseOnly.baseScore()).isEqualTo(6.4);
        CvssV3 environmental = (CvssV3) Cvss.parse("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:L/A:N/E:U/CR:H");
        assertThat(environmental.temporalScore()).isEqualTo(5.9);
        // Roundup(Roundup(1.08 × (3.3719 + 3.1096)) × 0.91) = Roundup(7.1 × 0.91)
        assertThat(environmental.score()).isEqualTo(environmental.environmentalScore()).isEqualTo(6.5);
    }

    @Test
    void version3Dot0And3Dot1DifferInTheChangedScopeModifiedImpact() {
        String metrics = "/AV:N/AC:L/PR:N/UI:R/S:C/C:H/I:H/A:H/CR:H";
        // MISS = 0.915; 3.0: 7.52 × 0.886 − 3.25 × 0.895^15 = 6.047…, 3.1: … − 3.25 × 0.87039^13 = 6.128…
        assertThat(Cvss.parse("CVSS:3.0" + metrics).score()).isEqualTo(9.6);
        assertThat(Cvss.parse("CVSS:3.1" + metrics).score()).isEqualTo(9.7);
        assertThat(Cvss.parse("CVSS:3.0" + metrics).baseScore()).isEqualTo(Cvss.parse("CVSS:3.1" + metrics).baseScore());
    }

    @Test
    void version2ScoresTheExamplesOfTheGuide() {
        // CVSS v2 guide §3.3: CVE-2002-0392, CVE-2003-0818, CVE-2003-0062
        assertVersion2("AV:N/AC:L/Au:N/C:N/I:N/A:C/E:F/RL:OF/RC:C/CDP:H/TD:H/CR:M/IR:M/AR:H", 7.8, 6.4, 9.2);
        assertVersion2("AV:N/AC:L/Au:N/C:C/I:C/A:C/E:F/RL:OF/RC:C/CDP:H/TD:H/CR:M/IR:M/AR:L", 10.0, 8.3, 9.0);
        assertVersion2("AV:L/AC:H/Au:N/C:C/I:C/A:C/E:POC/RL:OF/RC:C/CDP:H/TD:H/CR:M/IR:M/AR:M", 6.2, 4.9, 7.5);
    }

    @Test
    void version2RoundsExactTiesUpAsNvdDoes() {
        // 9.0 × 0.85 = 7.65 exactly; floating point makes it 7.6499999…, NVD publishes 7.7
        assertThat(Cvss.parse("AV:N/AC:L/Au:S/C:C/I:C/A:C/E:U/RL:U/RC:C").score()).isEqualTo(7.7);
        assertThat(Cvss.parse("AV:N/AC:L/Au:S/C:C/I:C/A:C/E:F/RL:U/RC:C").score()).isEqualTo(8.6);
    }

    @Test
    void version2AcceptsParenthesesAndRatesAsNvd() {
        CvssVector vector = Cvss.parse("(AV:N/AC:L/Au:N/C:P/I:P/A:P)");
        assertThat(vector.version()).isEqualTo(CvssVersion.V2_0);
        assertThat(vector.baseScore()).isEqualTo(7.5);
        assertThat(vector.severity()).isEqualTo(CvssSeverity.HIGH);
        assertThat(vector.normalized()).isEqualTo("AV:N/AC:L/Au:N/C:P/I:P/A:P");
        assertThat(Cvss.parse("AV:N/AC:L/Au:N/C:N/I:N/A:N").severity()).isEqualTo(CvssSeverity.LOW);
        assertThat(Cvss.parse("AV:N/AC:L/Au:N/C:P/I:N/A:N/E:ND/RL:ND/RC:ND").normalized())
                .isEqualTo("AV:N/AC:L/Au:N/C:P/I:N/A:N");
    }

    @Test
    void version2EnvironmentalScoreIsNeverNegative() {
        // Low requirements drive the adjusted base equation below zero
        CvssV2 vector = (CvssV2) Cvss.parse("AV:L/AC:H/Au:M/C:P/I:N/A:N/CDP:N/TD:H/CR:L/IR:L/AR:L");
        assertThat(vector.baseScore()).isEqualTo(0.8);
        assertThat(vector.environmentalScore()).isZero();
        assertThat(vector.severity()).isEqualTo(CvssSeverity.LOW);
    }

    @Test
    void version4KeepsSupplementalMetricsWithoutScoringThem() {
        CvssV4 plain = (CvssV4) Cvss.parse("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N");
        CvssV4 supplemented = (CvssV4) Cvss.parse(
                "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/S:P/AU:Y/R:I/V:C/RE:H/U:Red");
        assertThat(supplemented.score()).isEqualTo(plain.score()).isEqualTo(9.3);
        assertThat(supplemented.nomenclature()).isEqualTo("CVSS-B");
        assertThat(supplemented.metrics()).containsEntry("U", "Red").hasSize(17);
        assertThat(supplemented.normalized()).isEqualTo(supplemented.vector());
    }

    @Test
    void version4ScoresThreatAndEnvironmentAndKeepsTheBaseScore() {
        CvssV4 vector = (CvssV4) Cvss.parse(
                "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:L/SC:N/SI:N/SA:N/E:A/MAV:A");
        assertThat(vector.score()).isEqualTo(8.7);
        assertThat(vector.baseScore()).isEqualTo(9.3);
        assertThat(vector.nomenclature()).isEqualTo("CVSS-BTE");
        assertThat(vector.severity()).isEqualTo(CvssSeverity.HIGH);
        CvssV4 undefined = (CvssV4) Cvss.parse(
                "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:X/CR:X/MSI:X/U:X");
        assertThat(undefined.nomenclature()).isEqualTo("CVSS-B");
        assertThat(undefined.normalized()).isEqualTo("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N");
        assertThat(undefined.macroVector()).isEqualTo("000200");
    }

    @Test
    void version4SafetyRaisesTheSubsequentSystemImpact() {
        CvssV4 vector = (CvssV4) Cvss.parse(
                "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/MSI:S");
        assertThat(vector.macroVector()).isEqualTo("000000");
        assertThat(vector.score()).isEqualTo(10.0);
        assertThat(vector.baseScore()).isEqualTo(9.3);
    }

    @Test
    void noImpactScoresZero() {
        assertThat(Cvss.parse("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N").severity())
                .isEqualTo(CvssSeverity.NONE);
        assertThat(Cvss.parse("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N").score()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:P/RL:O/RC:C/CR:H/IR:H/AR:H/MAV:N/MAC:L/MPR:N/MUI:N/MS:U/MC:H/MI:H/MA:H",
            "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/E:A/CR:H/IR:H/AR:H/MAV:N/MAC:L/MAT:N/MPR:N/MUI:N/MVC:H/MVI:H/MVA:H/MSC:H/MSI:S/MSA:S/S:P/AU:Y/R:I/V:C/RE:H/U:Red",
            "AV:N/AC:L/Au:N/C:C/I:C/A:C/E:H/RL:U/RC:C/CDP:H/TD:H/CR:H/IR:H/AR:H"})
    void normalizedFormParsesToAnEqualVector(String text) {
        CvssVector vector = Cvss.parse(text);
        CvssVector again = Cvss.parse(vector.normalized());
        assertThat(again).isEqualTo(vector).hasSameHashCodeAs(vector);
        assertThat(again.score()).isEqualTo(vector.score());
        assertThat(vector.toString()).isEqualTo(text);
    }

    private static void assertVersion2(String text, double base, double temporal, double environmental) {
        CvssV2 vector = (CvssV2) Cvss.parse(text);
        assertThat(vector.baseScore()).isEqualTo(base);
        assertThat(vector.temporalScore()).isEqualTo(temporal);
        assertThat(vector.environmentalScore()).isEqualTo(environmental);
        assertThat(vector.score()).isEqualTo(environmental);
    }
}
