package eu.vigil.core.nis2;

import static eu.vigil.core.nis2.Classification.ESSENTIAL;
import static eu.vigil.core.nis2.Classification.IMPORTANT;
import static eu.vigil.core.nis2.Classification.OUT_OF_SCOPE;
import static eu.vigil.core.nis2.ProfileFixture.profile;
import static eu.vigil.core.nis2.ProfileFixture.sized;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import eu.vigil.core.InvalidInputException;

class ScopeClassifierTests {

    private static final String ANNEX_I = "energy.electricity.supplier";
    private static final String ANNEX_II = "manufacturing.computer_electronic_optical.undertaking";
    private static final String TSP = "digital_infra.trust_service_provider";
    private static final String ECN = "digital_infra.public_ecn";
    private static final String ECS = "digital_infra.public_ecs";

    private final ScopeClassifier classifier = new ScopeClassifier();

    private ScopeResult classify(EntityProfile profile) {
        return classifier.classify(profile);
    }

    @Nested
    class SizeCapOfArticle2 {

        @Test
        void largeAnnexIEntityIsEssential() {
            ScopeResult result = classify(sized(250, 60_000_000, 50_000_000, ANNEX_I));

            assertThat(result.classification()).isEqualTo(ESSENTIAL);
            assertThat(result.ruleIds()).contains("annex.listed", "size.class", "essential.large_annex_i");
            assertThat(rule(result, "essential.large_annex_i").article()).isEqualTo("NIS2 Art. 3(1)(a)");
        }

        @Test
        void mediumAnnexIEntityIsImportant() {
            ScopeResult result = classify(sized(50, 10_000_001, 10_000_001, ANNEX_I));

            assertThat(result.classification()).isEqualTo(IMPORTANT);
            assertThat(result.ruleIds()).contains("important.size_cap").doesNotContain("essential.large_annex_i");
        }

        @Test
        void largeAnnexIIEntityIsImportant() {
            ScopeResult result = classify(sized(5000, 900_000_000, 800_000_000, ANNEX_II));

            assertThat(result.classification()).isEqualTo(IMPORTANT);
            assertThat(result.sizeClass()).isEqualTo(SizeClass.LARGE);
        }

        @ParameterizedTest
        @ValueSource(strings = {ANNEX_I, ANNEX_II})
        void smallEntityOfASizedTypeIsOutOfScope(String type) {
            ScopeResult result = classify(sized(49, 10_000_000, 10_000_000, type));

            assertThat(result.classification()).isEqualTo(OUT_OF_SCOPE);
            assertThat(result.ruleIds()).contains("out_of_scope.below_size_cap");
            assertThat(result.jurisdiction().memberStates()).isEmpty();
        }

        @Test
        void exactlyFiftyStaffMeetTheSizeCap() {
            assertThat(classify(sized(49, 1, 1, ANNEX_II)).classification()).isEqualTo(OUT_OF_SCOPE);
            assertThat(classify(sized(50, 1, 1, ANNEX_II)).classification()).isEqualTo(IMPORTANT);
        }

        @Test
        void exactlyTwoHundredFiftyStaffExceedTheMediumCeilings() {
            assertThat(classify(sized(249, 1, 1, ANNEX_I)).classification()).isEqualTo(IMPORTANT);
            assertThat(classify(sized(250, 1, 1, ANNEX_I)).classification()).isEqualTo(ESSENTIAL);
        }

        @Test
        void turnoverAndBalanceSheetCeilingsDecideAtTheirBoundaries() {
            assertThat(classify(sized(10, 10_000_000, 99_000_000, ANNEX_II)).classification()).isEqualTo(OUT_OF_SCOPE);
            assertThat(classify(sized(10, 10_000_001, 10_000_001, ANNEX_II)).classification()).isEqualTo(IMPORTANT);
            assertThat(classify(sized(60, 50_000_001, 43_000_000, ANNEX_I)).classification()).isEqualTo(IMPORTANT);
            assertThat(classify(sized(60, 50_000_001, 43_000_001, ANNEX_I)).classification()).isEqualTo(ESSENTIAL);
        }

        @Test
        void entityWithoutAnAnnexTypeIsOutOfScope() {
            ScopeResult result = classify(sized(5000, 900_000_000, 900_000_000));

            assertThat(result.classification()).isEqualTo(OUT_OF_SCOPE);
            assertThat(result.ruleIds()).containsExactly("size.class", "out_of_scope.no_annex_type");
        }

        @Test
        void strongestTypeDecidesForAnEntityWithSeveralTypes() {
            ScopeResult result = classify(sized(300, 60_000_000, 50_000_000, ANNEX_II, ANNEX_I));

            assertThat(result.classification()).isEqualTo(ESSENTIAL);
            assertThat(result.ruleIds()).contains("important.size_cap", "essential.large_annex_i");
        }
    }

    @Nested
    class SizeIndependentTypes {

        @Test
        void qualifiedTrustServiceProviderIsEssentialAtAnySize() {
            EntityProfile profile = profile(TSP).qualifiedTrustServiceProvider().figures(3, 100_000, 100_000).build();

            ScopeResult result = classify(profile);

            assertThat(result.classification()).isEqualTo(ESSENTIAL);
            assertThat(result.sizeClass()).isEqualTo(SizeClass.MICRO);
            assertThat(result.ruleIds()).contains("size_indep.tsp", "essential.qtsp_tld_dns");
        }

        @Test
        void qualifiedTrustServiceProviderNeedsNoSizeFigures() {
            ScopeResult result = classify(profile(TSP).qualifiedTrustServiceProvider().build());

            assertThat(result.classification()).isEqualTo(ESSENTIAL);
            assertThat(result.sizeClass()).isNull();
        }

        @Test
        void smallNonQualifiedTrustServiceProviderIsImportant() {
            ScopeResult result = classify(sized(3, 100_000, 100_000, TSP));

            assertThat(result.classification()).isEqualTo(IMPORTANT);
            assertThat(result.ruleIds()).contains("size_indep.tsp", "important.small_ecn_ecs_tsp");
        }

        @Test
        void largeNonQualifiedTrustServiceProviderIsEssentialAsAnAnnexIEntity() {
            ScopeResult result = classify(sized(400, 1, 1, TSP));

            assertThat(result.classification()).isEqualTo(ESSENTIAL);
            assertThat(result.ruleIds()).contains("essential.large_annex_i");
        }

        @ParameterizedTest
        @CsvSource({"digital_infra.tld_registry, size_indep.tld_registry",
                "digital_infra.dns_service_provider, size_indep.dns_provider"})
        void registriesAndDnsProvidersAreEssentialAtAnySize(String type, String sizeRule) {
            ScopeResult result = classify(sized(2, 50_000, 50_000, type));

            assertThat(result.classification()).isEqualTo(ESSENTIAL);
            assertThat(result.ruleIds()).contains(sizeRule, "essential.qtsp_tld_dns");
            assertThat(rule(result, "essential.qtsp_tld_dns").article()).isEqualTo("NIS2 Art. 3(1)(b)");
        }

        @ParameterizedTest
        @CsvSource({ECN + ", size_indep.public_ecn", ECS + ", size_indep.public_ecs"})
        void smallCommunicationsProvidersAreImportant(String type, String sizeRule) {
            ScopeResult result = classify(sized(12, 3_000_000, 3_000_000, type));

            assertThat(result.classification()).isEqualTo(IMPORTANT);
            assertThat(result.ruleIds()).contains(sizeRule, "important.small_ecn_ecs_tsp");
        }

        @ParameterizedTest
        @ValueSource(strings = {ECN, ECS})
        void mediumCommunicationsProvidersAreEssential(String type) {
            ScopeResult result = classify(sized(60, 12_000_000, 12_000_000, type));

            assertThat(result.classification()).isEqualTo(ESSENTIAL);
            assertThat(rule(result, "essential.medium_ecn_ecs").article()).isEqualTo("NIS2 Art. 3(1)(c)");
        }

        @Test
        void largeCommunicationsProviderIsEssentialUnderPointA() {
            ScopeResult result = classify(sized(600, 1, 1, ECN));

            assertThat(result.classification()).isEqualTo(ESSENTIAL);
            assertThat(result.ruleIds()).contains("essential.large_annex_i").doesNotContain("essential.medium_ecn_ecs");
        }

        @Test
        void cerCriticalEntityIsEssentialAtAnySize() {
            ScopeResult result = classify(profile("non_annex.cer_critical_entity").build());

            assertThat(result.classification()).isEqualTo(ESSENTIAL);
            assertThat(result.ruleIds()).containsExactly("size_indep.cer_critical_entity",
                    "essential.cer_critical_entity");
        }

        @Test
        void domainRegistrationServiceHasRegistrationDutiesButNoClass() {
            ScopeResult result = classify(sized(4, 300_000, 200_000, "non_annex.domain_registration_service"));

            assertThat(result.classification()).isEqualTo(OUT_OF_SCOPE);
            assertThat(rule(result, "size_indep.domain_registration").explanation()).contains("Art. 27", "Art. 28");
            assertThat(result.jurisdiction().memberStates()).containsExactly("DE");
            assertThat(result.jurisdiction().rules()).extracting(AppliedRule::id)
                    .containsExactly("jurisdiction.main_establishment");
        }

        @Test
        void everySizeIndependentTypeIsInScopeWhenMicro() {
            for (EntityType type : EntityTypes.all()) {
                if (!type.sizeIndependent() || type.code().equals("non_annex.domain_registration_service")) {
                    continue;
                }
                ProfileFixture fixture = profile(type.code()).figures(1, 10_000, 10_000);
                if (type.code().startsWith("public_admin.")) {
                    fixture.publicAdministration(type.code().endsWith("central_government")
                            ? PublicAdministrationLevel.CENTRAL : PublicAdministrationLevel.REGIONAL);
                }
                assertThat(classify(fixture.build()).classification()).as(type.code()).isNotEqualTo(OUT_OF_SCOPE);
            }
        }
    }

    @Nested
    class PublicAdministration {

        @Test
        void centralGovernmentIsEssentialWithoutSizeFigures() {
            ScopeResult result = classify(profile().publicAdministration(PublicAdministrationLevel.CENTRAL).build());

            assertThat(result.classification()).isEqualTo(ESSENTIAL);
            assertThat(result.ruleIds()).contains("size_indep.pa_central", "essential.central_public_administration");
            assertThat(result.jurisdiction().rules()).extracting(AppliedRule::id)
                    .containsExactly("jurisdiction.establishing_state");
        }

        @Test
        void centralGovernmentMayBeGivenAsEntityTypeAndLevel() {
            EntityProfile profile = profile("public_admin.central_government")
                    .publicAdministration(PublicAdministrationLevel.CENTRAL).build();

            assertThat(classify(profile).classification()).isEqualTo(ESSENTIAL);
        }

        @Test
        void regionalAdministrationIsImportant() {
            ScopeResult result = classify(profile().publicAdministration(PublicAdministrationLevel.REGIONAL).build());

            assertThat(result.classification()).isEqualTo(IMPORTANT);
            assertThat(rule(result, "size_indep.pa_regional").explanation()).contains("risk-based assessment");
        }

        @Test
        void localAdministrationIsOutOfScopeUnlessTheMemberStateExtendsTheDirective() {
            ScopeResult without = classify(profile().publicAdministration(PublicAdministrationLevel.LOCAL).build());
            ScopeResult with = classify(profile().publicAdministration(PublicAdministrationLevel.LOCAL)
                    .designation(MemberStateDesignation.IMPORTANT).build());

            assertThat(without.classification()).isEqualTo(OUT_OF_SCOPE);
            assertThat(without.ruleIds()).containsExactly("ms_option.public_admin_local");
            assertThat(with.classification()).isEqualTo(IMPORTANT);
        }

        @Test
        void educationInstitutionFollowsTheMemberStateOption() {
            ScopeResult without = classify(profile("ms_option.education_institution").build());
            ScopeResult with = classify(profile("ms_option.education_institution")
                    .designation(MemberStateDesignation.ESSENTIAL).build());

            assertThat(without.classification()).isEqualTo(OUT_OF_SCOPE);
            assertThat(with.classification()).isEqualTo(ESSENTIAL);
        }
    }

    @Nested
    class MemberStateDecisions {

        @Test
        void designationAsEssentialOverridesTheSizeCap() {
            EntityProfile profile = profile(ANNEX_II).figures(5, 500_000, 500_000)
                    .designation(MemberStateDesignation.ESSENTIAL).build();

            ScopeResult result = classify(profile);

            assertThat(result.classification()).isEqualTo(ESSENTIAL);
            assertThat(result.ruleIds()).contains("size_indep.member_state_identification",
                    "essential.member_state_identified");
        }

        @Test
        void designationAsImportantBringsAMicroEntityIntoScope() {
            EntityProfile profile = profile(ANNEX_I).figures(5, 500_000, 500_000)
                    .designation(MemberStateDesignation.IMPORTANT).build();

            ScopeResult result = classify(profile);

            assertThat(result.classification()).isEqualTo(IMPORTANT);
            assertThat(rule(result, "important.member_state_identified").article()).isEqualTo("NIS2 Art. 3(2)");
        }

        @Test
        void designationAsEssentialNeedsNoSizeFigures() {
            EntityProfile profile = profile(ANNEX_II).designation(MemberStateDesignation.ESSENTIAL).build();

            assertThat(classify(profile).classification()).isEqualTo(ESSENTIAL);
        }

        @Test
        void formerOperatorOfEssentialServicesStaysEssential() {
            EntityProfile profile = profile(ANNEX_I).figures(20, 3_000_000, 3_000_000)
                    .formerOperatorOfEssentialServices().build();

            ScopeResult result = classify(profile);

            assertThat(result.classification()).isEqualTo(ESSENTIAL);
            assertThat(rule(result, "essential.former_oes").article()).isEqualTo("NIS2 Art. 3(1)(g)");
        }
    }

    @Nested
    class Suppliers {

        @Test
        void smallSupplierIsOutOfScopeButIndirectlyAffected() {
            EntityProfile profile = profile(ANNEX_II).figures(20, 4_000_000, 3_000_000).supplier().build();

            ScopeResult result = classify(profile);

            assertThat(result.classification()).isEqualTo(OUT_OF_SCOPE);
            assertThat(result.indirectlyAffected()).isTrue();
            assertThat(rule(result, "supplier.indirect").article()).isEqualTo("NIS2 Art. 21(2)(d), 21(3)");
        }

        @Test
        void inScopeSupplierIsIndirectlyAffectedOnTopOfItsOwnDuties() {
            EntityProfile profile = profile(ANNEX_II).figures(80, 14_000_000, 9_000_000).supplier().build();

            ScopeResult result = classify(profile);

            assertThat(result.classification()).isEqualTo(IMPORTANT);
            assertThat(result.indirectlyAffected()).isTrue();
            assertThat(rule(result, "supplier.indirect").explanation()).contains("on top of the entity's own duties");
        }

        @Test
        void entityThatSuppliesNoInScopeEntityIsNotIndirectlyAffected() {
            ScopeResult result = classify(sized(20, 4_000_000, 3_000_000, ANNEX_II));

            assertThat(result.indirectlyAffected()).isFalse();
            assertThat(result.ruleIds()).doesNotContain("supplier.indirect");
        }
    }

    @Nested
    class JurisdictionUnderArticle26 {

        @Test
        void communicationsProviderFallsUnderEveryMemberStateItServes() {
            EntityProfile profile = profile(ECN).figures(60, 12_000_000, 12_000_000).otherMemberStates("AT", "NL")
                    .build();

            Jurisdiction jurisdiction = classify(profile).jurisdiction();

            assertThat(jurisdiction.memberStates()).containsExactly("DE", "AT", "NL");
            assertThat(jurisdiction.rules()).extracting(AppliedRule::article).containsExactly("NIS2 Art. 26(1)(a)");
        }

        @Test
        void cloudProviderFallsUnderItsMainEstablishmentOnly() {
            EntityProfile profile = profile("digital_infra.cloud_computing").figures(300, 1, 1)
                    .mainEstablishment("IE").otherMemberStates("DE", "FR").build();

            Jurisdiction jurisdiction = classify(profile).jurisdiction();

            assertThat(jurisdiction.memberStates()).containsExactly("IE");
            assertThat(jurisdiction.rules()).singleElement().satisfies(rule -> {
                assertThat(rule.id()).isEqualTo("jurisdiction.main_establishment");
                assertThat(rule.explanation()).contains("most employees");
            });
        }

        @Test
        void otherEntitiesFallUnderTheMemberStateOfEstablishment() {
            EntityProfile profile = profile(ANNEX_I).figures(300, 1, 1).mainEstablishment("FR")
                    .otherMemberStates("BE").build();

            Jurisdiction jurisdiction = classify(profile).jurisdiction();

            assertThat(jurisdiction.memberStates()).containsExactly("FR");
            assertThat(jurisdiction.rules()).extracting(AppliedRule::id).containsExactly("jurisdiction.establishment");
        }
    }

    @Nested
    class ContradictoryOrIncompleteProfiles {

        @Test
        void missingSizeFiguresAreNamedWhenTheOutcomeDependsOnThem() {
            assertThatThrownBy(() -> classify(profile(ANNEX_II).build()))
                    .isInstanceOfSatisfying(InvalidProfileException.class, e -> assertThat(e.problems())
                            .extracting(FieldProblem::field)
                            .containsExactly("headcount", "annualTurnoverEur", "balanceSheetTotalEur"));
        }

        @Test
        void missingFinancialFiguresDoNotMatterAtTwoHundredFiftyStaffForAnAnnexIIType() {
            ScopeResult result = classify(profile(ANNEX_II).headcount(BigDecimal.valueOf(250)).build());

            assertThat(result.classification()).isEqualTo(IMPORTANT);
            assertThat(result.sizeClass()).isEqualTo(SizeClass.LARGE);
        }

        @Test
        void mediumAnnexIEntityMustSaySizeFiguresThatSettleWhetherItIsLarge() {
            EntityProfile profile = profile(ANNEX_I).headcount(BigDecimal.valueOf(100))
                    .turnover(BigDecimal.valueOf(70_000_000)).build();

            assertThatThrownBy(() -> classify(profile))
                    .isInstanceOfSatisfying(InvalidProfileException.class, e -> assertThat(e.problems())
                            .singleElement().satisfies(problem -> {
                                assertThat(problem.field()).isEqualTo("balanceSheetTotalEur");
                                assertThat(problem.problem()).contains("exceeds the medium-sized ceilings");
                            }));
        }

        @Test
        void missingPartnerFigureIsNamedByItsPath() {
            EntityProfile profile = profile(ANNEX_II).figures(40, 8_000_000, 8_000_000).build();
            EntityProfile withPartner = new EntityProfile(profile.legalName(), "DE", null, profile.headcount(),
                    profile.annualTurnoverEur(), profile.balanceSheetTotalEur(),
                    java.util.List.of(new PartnerEnterprise("Partner AG", BigDecimal.valueOf(30), null,
                            BigDecimal.ONE, BigDecimal.ONE)),
                    null, false, profile.entityTypes(), false, null, null, false, false);

            assertThat(classifier.problems(withPartner)).extracting(FieldProblem::field)
                    .containsExactly("partnerEnterprises[0].headcount");
        }

        @Test
        void everyContradictionIsReportedAtOnce() {
            EntityProfile profile = profile("energy.electricity.suplier", TSP, "public_admin.regional")
                    .legalName(" ")
                    .mainEstablishment("US")
                    .otherMemberStates("DE", "de", "EL")
                    .headcount(BigDecimal.valueOf(-1))
                    .qualifiedTrustServiceProvider()
                    .publicAdministration(PublicAdministrationLevel.CENTRAL)
                    .partner("Holding", 60, 1, 1, 1)
                    .build();

            assertThatThrownBy(() -> classify(profile))
                    .isInstanceOf(InvalidInputException.class)
                    .isInstanceOfSatisfying(InvalidProfileException.class, e -> assertThat(e.problems())
                            .extracting(FieldProblem::field)
                            .contains("legalName", "mainEstablishment", "otherMemberStates[1]",
                                    "otherMemberStates[2]", "headcount", "partnerEnterprises[0].sharePercent",
                                    "entityTypes[0]", "publicAdministrationLevel"));
        }

        @Test
        void unknownEntityTypeGetsASuggestion() {
            assertThat(classifier.problems(profile("energy.electricity.suplier").figures(1, 1, 1).build()))
                    .singleElement().satisfies(problem -> {
                        assertThat(problem.field()).isEqualTo("entityTypes[0]");
                        assertThat(problem.problem()).contains("did you mean 'energy.electricity.supplier'");
                    });
        }

        @Test
        void contradictoryQualifiedFlagDoesNotHideMissingFigures() {
            EntityProfile profile = profile(ANNEX_I).headcount(BigDecimal.valueOf(120)).qualifiedTrustServiceProvider()
                    .build();

            assertThat(classifier.problems(profile)).extracting(FieldProblem::field)
                    .containsExactly("qualifiedTrustServiceProvider", "annualTurnoverEur", "balanceSheetTotalEur");
        }

        @Test
        void truncatedEntityTypeIsCompleted() {
            assertThat(classifier.problems(profile("digital_infra.cloud").build())).singleElement()
                    .satisfies(problem -> assertThat(problem.problem())
                            .contains("did you mean 'digital_infra.cloud_computing'"));
        }

        @Test
        void qualifiedFlagWithoutTrustServicesIsAContradiction() {
            assertThat(classifier.problems(profile(ANNEX_II).figures(1, 1, 1).qualifiedTrustServiceProvider().build()))
                    .extracting(FieldProblem::field).containsExactly("qualifiedTrustServiceProvider");
        }

        @Test
        void designationWithoutAnyTypeIsAContradiction() {
            assertThat(classifier.problems(profile().designation(MemberStateDesignation.ESSENTIAL).build()))
                    .extracting(FieldProblem::field).containsExactly("memberStateDesignation");
        }

        @Test
        void nonMemberStatesAreRefusedWithTheReason() {
            assertThat(classifier.problems(profile().mainEstablishment("CH").build()))
                    .singleElement().satisfies(problem -> assertThat(problem.problem())
                            .contains("not an EU Member State", "Art. 26(3)"));
            assertThat(classifier.problems(profile().mainEstablishment("EL").build()))
                    .singleElement().satisfies(problem -> assertThat(problem.problem()).contains("GR"));
        }

        @Test
        void absurdFiguresAreRefusedBeforeAnyArithmetic() {
            EntityProfile profile = profile(ANNEX_II).headcount(new BigDecimal("1E+999999999"))
                    .turnover(new BigDecimal("1E-999999999")).balance(BigDecimal.ONE).build();

            assertThat(classifier.problems(profile)).extracting(FieldProblem::field)
                    .containsExactly("headcount", "annualTurnoverEur");
        }
    }

    private static AppliedRule rule(ScopeResult result, String id) {
        return result.rules().stream().filter(rule -> rule.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("rule " + id + " did not fire: " + result.ruleIds()));
    }
}
