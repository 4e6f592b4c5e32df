package eu.vigil.core.nis2;

import static eu.vigil.core.nis2.ProfileFixture.sized;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnterpriseSizingTests {

    private static final String ANNEX_II = "manufacturing.computer_electronic_optical.undertaking";

    private final ScopeClassifier classifier = new ScopeClassifier();

    @ParameterizedTest(name = "{0} staff, turnover {1}, balance {2} -> {3}")
    @CsvSource({
            // staff ceilings: fewer than 10, 50, 250
            "9, 2000000, 2000000, micro",
            "10, 2000000, 2000000, small",
            "49, 10000000, 10000000, small",
            "50, 10000000, 10000000, medium",
            "249, 50000000, 43000000, medium",
            "250, 50000000, 43000000, large",
            // EUR 2 m: at most, and one of the two financial figures is enough
            "5, 2000000, 9000000, micro",
            "5, 9000000, 2000000, micro",
            "5, 2000001, 2000001, small",
            // EUR 10 m turnover and balance sheet, both sides
            "40, 10000000, 30000000, small",
            "40, 30000000, 10000000, small",
            "40, 10000001, 10000001, medium",
            // EUR 50 m turnover and EUR 43 m balance sheet, both sides
            "100, 50000000, 90000000, medium",
            "100, 90000000, 43000000, medium",
            "100, 50000001, 43000000, medium",
            "100, 50000000, 43000001, medium",
            "100, 50000001, 43000001, large"
    })
    void sizeClassFollowsRecommendationCeilingsAtTheirBoundaries(long staff, long turnover, long balance,
            String expected) {
        ScopeResult result = classifier.classify(sized(staff, turnover, balance, ANNEX_II));

        assertThat(result.sizeClass().code()).isEqualTo(expected);
    }

    @Test
    void partnerFiguresCountProRataAndLinkedFiguresInFull() {
        EntityProfile profile = ProfileFixture.profile(ANNEX_II).figures(30, 6_000_000, 5_000_000)
                .partner("Holding AG", 40, 30, 10_000_000, 10_000_000) // adds 12 staff, EUR 4 m, EUR 4 m
                .linked("Subsidiary SRL", 10, 1_000_000, 1_000_000)
                .build();

        EnterpriseSizing.Figures figures = EnterpriseSizing.consolidated(profile);

        assertThat(figures.headcount().value()).isEqualByComparingTo("52");
        assertThat(figures.turnover().value()).isEqualByComparingTo("11000000");
        assertThat(figures.balance().value()).isEqualByComparingTo("10000000");
        ScopeResult result = classifier.classify(profile);
        assertThat(result.sizeClass()).isEqualTo(SizeClass.MEDIUM);
        assertThat(result.standAloneSizeClass()).isEqualTo(SizeClass.SMALL);
        assertThat(result.classification()).isEqualTo(Classification.IMPORTANT);
        assertThat(result.ruleIds()).contains("size.partner_linked", "important.size_cap");
    }

    @Test
    void recognisedIndependenceFromTheGroupUsesTheEntitysOwnFigures() {
        EntityProfile profile = ProfileFixture.profile(ANNEX_II).figures(30, 6_000_000, 5_000_000)
                .linked("Parent SE", 5000, 900_000_000, 700_000_000)
                .groupIndependenceRecognised()
                .build();

        ScopeResult result = classifier.classify(profile);

        assertThat(result.sizeClass()).isEqualTo(SizeClass.SMALL);
        assertThat(result.classification()).isEqualTo(Classification.OUT_OF_SCOPE);
        assertThat(result.ruleIds()).contains("size.group_independence");
        assertThat(result.rules()).filteredOn(rule -> rule.id().equals("size.group_independence"))
                .singleElement().satisfies(rule -> assertThat(rule.explanation()).contains("large"));
    }

    @Test
    void fractionalAnnualWorkUnitsStayBelowTheCeiling() {
        EntityProfile profile = ProfileFixture.profile(ANNEX_II).headcount(new BigDecimal("49.5"))
                .turnover(BigDecimal.valueOf(9_000_000)).build();

        assertThat(classifier.classify(profile).sizeClass()).isEqualTo(SizeClass.SMALL);
    }

    @Test
    void oneFinancialFigureIsEnoughWhenItIsWithinTheCeiling() {
        EntityProfile profile = ProfileFixture.profile(ANNEX_II).headcount(BigDecimal.valueOf(120))
                .balance(BigDecimal.valueOf(20_000_000)).build();

        ScopeResult result = classifier.classify(profile);

        assertThat(result.sizeClass()).isEqualTo(SizeClass.MEDIUM);
        assertThat(result.classification()).isEqualTo(Classification.IMPORTANT);
    }

    @Test
    void explanationNamesTheFiguresAndTheCeilingThatWasCrossed() {
        ScopeResult result = classifier.classify(sized(250, 1_000_000, 1_000_000, ANNEX_II));

        assertThat(result.rules()).filteredOn(rule -> rule.id().equals("size.class")).singleElement()
                .satisfies(rule -> assertThat(rule.explanation()).contains("250 staff").contains("ceiling of 250"));
    }
}
