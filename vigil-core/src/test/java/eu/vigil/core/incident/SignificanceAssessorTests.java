package eu.vigil.core.incident;

import static eu.vigil.core.incident.EntityType.CLOUD_COMPUTING_SERVICE_PROVIDER;
import static eu.vigil.core.incident.EntityType.CONTENT_DELIVERY_NETWORK_PROVIDER;
import static eu.vigil.core.incident.EntityType.DATA_CENTRE_SERVICE_PROVIDER;
import static eu.vigil.core.incident.EntityType.DNS_SERVICE_PROVIDER;
import static eu.vigil.core.incident.EntityType.MANAGED_SECURITY_SERVICE_PROVIDER;
import static eu.vigil.core.incident.EntityType.MANAGED_SERVICE_PROVIDER;
import static eu.vigil.core.incident.EntityType.ONLINE_MARKETPLACE;
import static eu.vigil.core.incident.EntityType.ONLINE_SEARCH_ENGINE;
import static eu.vigil.core.incident.EntityType.OTHER;
import static eu.vigil.core.incident.EntityType.SOCIAL_NETWORKING_PLATFORM;
import static eu.vigil.core.incident.EntityType.TLD_NAME_REGISTRY;
import static eu.vigil.core.incident.EntityType.TRUST_SERVICE_PROVIDER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every criterion at its threshold: exactly at it does not fire, just past it does. */
class SignificanceAssessorTests {

    private static final Duration SECOND = Duration.ofSeconds(1);

    private static SignificanceAssessment assess(EntityType type, UnaryOperator<SignificanceFacts.Builder> facts) {
        return SignificanceAssessor.assess(facts.apply(SignificanceFacts.builder(type)).build());
    }

    private static void firesOnly(EntityType type, String code, UnaryOperator<SignificanceFacts.Builder> facts) {
        SignificanceAssessment result = assess(type, facts);
        assertThat(result.codes()).as(type + " " + code).containsExactly(code);
        assertThat(result.significant()).isTrue();
        assertThat(result.fired().getFirst().reference()).isNotBlank();
    }

    private static void firesNothing(EntityType type, UnaryOperator<SignificanceFacts.Builder> facts) {
        SignificanceAssessment result = assess(type, facts);
        assertThat(result.codes()).as(type.name()).isEmpty();
        assertThat(result.significant()).isFalse();
    }

    @Test
    void nothingKnownIsNotSignificant() {
        firesNothing(CLOUD_COMPUTING_SERVICE_PROVIDER, b -> b);
        firesNothing(OTHER, b -> b);
    }

    @Nested
    class Nis2Article23Paragraph3 {

        @Test
        void severeDisruptionOrFinancialLossFiresPointA() {
            firesOnly(OTHER, "NIS2-23.3.a", b -> b.severeOperationalDisruption(true));
            firesOnly(OTHER, "NIS2-23.3.a", b -> b.financialLossForEntity(true));
        }

        @Test
        void considerableDamageToOthersFiresPointB() {
            firesOnly(OTHER, "NIS2-23.3.b", b -> b.considerableDamageToOthers(true));
        }

        @Test
        void implementingRegulationThresholdsDoNotApplyToOtherEntities() {
            firesNothing(OTHER, b -> b.directFinancialLossEur(10_000_000L).completeUnavailability(Duration.ofDays(1)));
        }

        @Test
        void theJudgementsOfArticle23DoNotReplaceTheRegulationsCriteria() {
            firesNothing(CLOUD_COMPUTING_SERVICE_PROVIDER, b -> b.severeOperationalDisruption(true));
        }
    }

    @Nested
    class GeneralCriteria {

        @Test
        void directLossAbove500000EurosFires() {
            firesNothing(CLOUD_COMPUTING_SERVICE_PROVIDER, b -> b.directFinancialLossEur(500_000L));
            firesOnly(CLOUD_COMPUTING_SERVICE_PROVIDER, "IR2690-3.1.a", b -> b.directFinancialLossEur(500_001L));
        }

        @Test
        void directLossAboveFivePercentOfTurnoverFiresWhenThatIsLower() {
            // turnover 4 000 000: 5 % is 200 000, lower than 500 000
            firesNothing(DNS_SERVICE_PROVIDER, b -> b.directFinancialLossEur(200_000L).annualTurnoverEur(4_000_000L));
            firesOnly(DNS_SERVICE_PROVIDER, "IR2690-3.1.a", b -> b.directFinancialLossEur(200_001L).annualTurnoverEur(4_000_000L));
        }

        @Test
        void the500000ThresholdStillAppliesWhenFivePercentIsHigher() {
            // turnover 100 000 000: 5 % is 5 000 000, so 500 000 is the lower threshold
            firesNothing(DNS_SERVICE_PROVIDER, b -> b.directFinancialLossEur(500_000L).annualTurnoverEur(100_000_000L));
            firesOnly(DNS_SERVICE_PROVIDER, "IR2690-3.1.a", b -> b.directFinancialLossEur(500_001L).annualTurnoverEur(100_000_000L));
        }

        @Test
        void unknownLossIsNotedNotGuessed() {
            assertThat(assess(CLOUD_COMPUTING_SERVICE_PROVIDER, b -> b).notes())
                    .anyMatch(n -> n.contains("Art. 3(1)(a) could not be checked"));
        }

        @Test
        void tradeSecretsDeathHealthAndMaliciousAccessFireEach() {
            firesOnly(MANAGED_SERVICE_PROVIDER, "IR2690-3.1.b", b -> b.tradeSecretsExfiltrated(true));
            firesOnly(MANAGED_SERVICE_PROVIDER, "IR2690-3.1.c", b -> b.deathOfPerson(true));
            firesOnly(MANAGED_SERVICE_PROVIDER, "IR2690-3.1.d", b -> b.considerableHealthDamage(true));
            firesOnly(MANAGED_SERVICE_PROVIDER, "IR2690-3.1.e", b -> b.maliciousUnauthorisedAccess(true));
        }

        @Test
        void everyCriterionThatFiresIsNamedInLegalOrder() {
            SignificanceAssessment result = assess(CLOUD_COMPUTING_SERVICE_PROVIDER, b -> b
                    .dataCompromised(true).dataCompromiseSuspectedMalicious(true)
                    .completeUnavailability(Duration.ofHours(2)).directFinancialLossEur(900_000L).deathOfPerson(true));
            assertThat(result.codes()).containsExactly("IR2690-3.1.a", "IR2690-3.1.c", "IR2690-7.a", "IR2690-7.c");
        }

        @Test
        void scheduledMaintenanceIsNeverSignificant() {
            SignificanceAssessment result = assess(CLOUD_COMPUTING_SERVICE_PROVIDER, b -> b
                    .scheduledMaintenance(true).completeUnavailability(Duration.ofHours(5)));
            assertThat(result.significant()).isFalse();
            assertThat(result.excluded()).isTrue();
            assertThat(result.codes()).containsExactly("IR2690-7.a");
        }
    }

    @Nested
    class RecurringIncidents {

        private final Instant now = Instant.parse("2026-07-01T12:00:00Z");

        private SignificanceFacts.Builder current(SignificanceFacts.Builder b, long loss) {
            return b.occurredAt(now).rootCause("Expired certificate").directFinancialLossEur(loss);
        }

        @Test
        void twoIncidentsWithTheSameCauseOverTheLossThresholdTogetherFire() {
            firesOnly(CLOUD_COMPUTING_SERVICE_PROVIDER, "IR2690-3.1.f", b -> current(b, 300_000L).priorIncidents(List.of(
                    new PriorIncident("INC-1", Instant.parse("2026-03-01T00:00:00Z"), "expired certificate ", 200_001L, false))));
        }

        @Test
        void togetherExactlyAtTheThresholdDoesNotFire() {
            firesNothing(CLOUD_COMPUTING_SERVICE_PROVIDER, b -> current(b, 300_000L).priorIncidents(List.of(
                    new PriorIncident("INC-1", Instant.parse("2026-03-01T00:00:00Z"), "Expired certificate", 200_000L, false))));
        }

        @Test
        void exactlySixMonthsApartStillCountsOneSecondMoreDoesNot() {
            firesOnly(CLOUD_COMPUTING_SERVICE_PROVIDER, "IR2690-3.1.f", b -> current(b, 300_000L).priorIncidents(List.of(
                    new PriorIncident("INC-1", Instant.parse("2026-01-01T12:00:00Z"), "Expired certificate", 300_000L, false))));
            firesNothing(CLOUD_COMPUTING_SERVICE_PROVIDER, b -> current(b, 300_000L).priorIncidents(List.of(
                    new PriorIncident("INC-1", Instant.parse("2026-01-01T11:59:59Z"), "Expired certificate", 300_000L, false))));
        }

        @Test
        void differentCausesAndSignificantIncidentsAreNotCounted() {
            firesNothing(CLOUD_COMPUTING_SERVICE_PROVIDER, b -> current(b, 300_000L).priorIncidents(List.of(
                    new PriorIncident("INC-1", Instant.parse("2026-03-01T00:00:00Z"), "Phishing", 300_000L, false),
                    new PriorIncident("INC-2", Instant.parse("2026-04-01T00:00:00Z"), "Expired certificate", 300_000L, true))));
        }

        @Test
        void theTurnoverThresholdAppliesToTheSum() {
            firesOnly(CLOUD_COMPUTING_SERVICE_PROVIDER, "IR2690-3.1.f", b -> current(b, 30_000L).annualTurnoverEur(1_000_000L)
                    .priorIncidents(List.of(new PriorIncident("INC-1", Instant.parse("2026-05-01T00:00:00Z"),
                            "Expired certificate", 20_001L, false))));
        }
    }

    @Nested
    class DnsServiceProviders {

        @Test
        void completeUnavailabilityOver30Minutes() {
            firesNothing(DNS_SERVICE_PROVIDER, b -> b.completeUnavailability(Duration.ofMinutes(30)));
            firesOnly(DNS_SERVICE_PROVIDER, "IR2690-5.a", b -> b.completeUnavailability(Duration.ofMinutes(30).plus(SECOND)));
        }

        @Test
        void averageResponseOver10SecondsForOverAnHour() {
            Duration hour = Duration.ofHours(1);
            Duration tenSeconds = Duration.ofSeconds(10);
            firesNothing(DNS_SERVICE_PROVIDER, b -> b.slowResponse(hour, tenSeconds.plusMillis(1)));
            firesNothing(DNS_SERVICE_PROVIDER, b -> b.slowResponse(hour.plus(SECOND), tenSeconds));
            firesOnly(DNS_SERVICE_PROVIDER, "IR2690-5.b", b -> b.slowResponse(hour.plus(SECOND), tenSeconds.plusMillis(1)));
        }

        @Test
        void compromisedDataFiresExceptSmallMisconfigurations() {
            firesOnly(DNS_SERVICE_PROVIDER, "IR2690-5.c", b -> b.dataCompromised(true));
            // fewer than 1 000 names and at most 1 %: excepted
            firesNothing(DNS_SERVICE_PROVIDER, b -> b.dataCompromised(true).dataCompromiseByMisconfiguration(true)
                    .domainNamesWithIncorrectData(999L).domainNamesManaged(99_900L));
            // 1 000 names: not fewer than 1 000
            firesOnly(DNS_SERVICE_PROVIDER, "IR2690-5.c", b -> b.dataCompromised(true).dataCompromiseByMisconfiguration(true)
                    .domainNamesWithIncorrectData(1_000L).domainNamesManaged(1_000_000L));
            // 999 names but above 1 %
            firesOnly(DNS_SERVICE_PROVIDER, "IR2690-5.c", b -> b.dataCompromised(true).dataCompromiseByMisconfiguration(true)
                    .domainNamesWithIncorrectData(999L).domainNamesManaged(99_899L));
            // counts unknown: cannot apply the exception
            firesOnly(DNS_SERVICE_PROVIDER, "IR2690-5.c", b -> b.dataCompromised(true).dataCompromiseByMisconfiguration(true));
        }
    }

    @Nested
    class TldNameRegistries {

        @Test
        void anyCompleteUnavailabilityFires() {
            firesNothing(TLD_NAME_REGISTRY, b -> b.completeUnavailability(Duration.ZERO));
            firesOnly(TLD_NAME_REGISTRY, "IR2690-6.a", b -> b.completeUnavailability(SECOND));
        }

        @Test
        void slowResolutionAndCompromisedDataFire() {
            firesNothing(TLD_NAME_REGISTRY, b -> b.slowResponse(Duration.ofHours(1), Duration.ofSeconds(11)));
            firesOnly(TLD_NAME_REGISTRY, "IR2690-6.b", b -> b.slowResponse(Duration.ofMinutes(61), Duration.ofSeconds(11)));
            firesOnly(TLD_NAME_REGISTRY, "IR2690-6.c", b -> b.dataCompromised(true));
        }
    }

    /** Arts. 7, 9 and 10 share their four criteria. */
    @Nested
    class CloudCdnAndManagedServiceProviders {

        @ParameterizedTest
        @EnumSource(value = EntityType.class, names = {"CLOUD_COMPUTING_SERVICE_PROVIDER",
                "CONTENT_DELIVERY_NETWORK_PROVIDER", "MANAGED_SERVICE_PROVIDER", "MANAGED_SECURITY_SERVICE_PROVIDER"})
        void completeUnavailabilityOver30Minutes(EntityType type) {
            firesNothing(type, b -> b.completeUnavailability(Duration.ofMinutes(30)));
            firesOnly(type, "IR2690-" + article(type) + ".a", b -> b.completeUnavailability(Duration.ofMinutes(30).plus(SECOND)));
        }

        @ParameterizedTest
        @EnumSource(value = EntityType.class, names = {"CLOUD_COMPUTING_SERVICE_PROVIDER",
                "CONTENT_DELIVERY_NETWORK_PROVIDER", "MANAGED_SERVICE_PROVIDER", "MANAGED_SECURITY_SERVICE_PROVIDER"})
        void limitedForOverFivePercentForOverAnHour(EntityType type) {
            String code = "IR2690-" + article(type) + ".b";
            Duration overAnHour = Duration.ofHours(1).plus(SECOND);
            // 5 % of 1 000 000 is 50 000 (smaller than 1 million)
            firesNothing(type, b -> b.limitedAvailability(overAnHour).usersAffectedByLimitedAvailability(50_000L).usersInUnion(1_000_000L));
            firesOnly(type, code, b -> b.limitedAvailability(overAnHour).usersAffectedByLimitedAvailability(50_001L).usersInUnion(1_000_000L));
            firesNothing(type, b -> b.limitedAvailability(Duration.ofHours(1)).usersAffectedByLimitedAvailability(50_001L).usersInUnion(1_000_000L));
        }

        @ParameterizedTest
        @EnumSource(value = EntityType.class, names = {"CLOUD_COMPUTING_SERVICE_PROVIDER",
                "CONTENT_DELIVERY_NETWORK_PROVIDER", "MANAGED_SERVICE_PROVIDER", "MANAGED_SECURITY_SERVICE_PROVIDER"})
        void limitedForOverOneMillionWhenThatIsSmaller(EntityType type) {
            String code = "IR2690-" + article(type) + ".b";
            Duration overAnHour = Duration.ofHours(1).plus(SECOND);
            // 5 % of 100 million is 5 million: 1 million is the smaller number
            firesNothing(type, b -> b.limitedAvailability(overAnHour).usersAffectedByLimitedAvailability(1_000_000L).usersInUnion(100_000_000L));
            firesOnly(type, code, b -> b.limitedAvailability(overAnHour).usersAffectedByLimitedAvailability(1_000_001L).usersInUnion(100_000_000L));
            // unknown total: the absolute count still applies
            firesOnly(type, code, b -> b.limitedAvailability(overAnHour).usersAffectedByLimitedAvailability(1_000_001L));
        }

        @ParameterizedTest
        @EnumSource(value = EntityType.class, names = {"CLOUD_COMPUTING_SERVICE_PROVIDER",
                "CONTENT_DELIVERY_NETWORK_PROVIDER", "MANAGED_SERVICE_PROVIDER", "MANAGED_SECURITY_SERVICE_PROVIDER"})
        void dataCompromiseByMaliciousActionOrForOverFivePercent(EntityType type) {
            String art = article(type);
            firesNothing(type, b -> b.dataCompromised(true));
            firesOnly(type, "IR2690-" + art + ".c", b -> b.dataCompromised(true).dataCompromiseSuspectedMalicious(true));
            firesNothing(type, b -> b.dataCompromised(true).usersAffectedByDataCompromise(500L).usersInUnion(10_000L));
            firesOnly(type, "IR2690-" + art + ".d", b -> b.dataCompromised(true).usersAffectedByDataCompromise(501L).usersInUnion(10_000L));
        }

        private static String article(EntityType type) {
            return type.article().substring("Art. ".length());
        }
    }

    @Nested
    class DataCentreServiceProviders {

        @Test
        void anyCompleteUnavailabilityFires() {
            firesNothing(DATA_CENTRE_SERVICE_PROVIDER, b -> b.completeUnavailability(Duration.ZERO));
            firesOnly(DATA_CENTRE_SERVICE_PROVIDER, "IR2690-8.a", b -> b.completeUnavailability(SECOND));
        }

        @Test
        void limitedAvailabilityOverAnHourFiresRegardlessOfUsers() {
            firesNothing(DATA_CENTRE_SERVICE_PROVIDER, b -> b.limitedAvailability(Duration.ofHours(1)));
            firesOnly(DATA_CENTRE_SERVICE_PROVIDER, "IR2690-8.b", b -> b.limitedAvailability(Duration.ofHours(1).plus(SECOND)));
        }

        @Test
        void maliciousDataCompromiseAndPhysicalAccessFire() {
            firesNothing(DATA_CENTRE_SERVICE_PROVIDER, b -> b.dataCompromised(true).usersAffectedByDataCompromise(10_000_000L));
            firesOnly(DATA_CENTRE_SERVICE_PROVIDER, "IR2690-8.c", b -> b.dataCompromised(true).dataCompromiseSuspectedMalicious(true));
            firesOnly(DATA_CENTRE_SERVICE_PROVIDER, "IR2690-8.d", b -> b.physicalAccessCompromised(true));
        }
    }

    /** Arts. 11 to 13 share their four criteria, without durations. */
    @Nested
    class MarketplacesSearchEnginesAndSocialNetworks {

        @ParameterizedTest
        @EnumSource(value = EntityType.class, names = {"ONLINE_MARKETPLACE", "ONLINE_SEARCH_ENGINE", "SOCIAL_NETWORKING_PLATFORM"})
        void completelyUnavailableForOverFivePercentOrOneMillion(EntityType type) {
            String code = "IR2690-" + type.article().substring(5) + ".a";
            firesNothing(type, b -> b.usersAffectedByCompleteUnavailability(5_000L).usersInUnion(100_000L));
            firesOnly(type, code, b -> b.usersAffectedByCompleteUnavailability(5_001L).usersInUnion(100_000L));
            firesNothing(type, b -> b.usersAffectedByCompleteUnavailability(1_000_000L).usersInUnion(300_000_000L));
            firesOnly(type, code, b -> b.usersAffectedByCompleteUnavailability(1_000_001L).usersInUnion(300_000_000L));
        }

        @ParameterizedTest
        @EnumSource(value = EntityType.class, names = {"ONLINE_MARKETPLACE", "ONLINE_SEARCH_ENGINE", "SOCIAL_NETWORKING_PLATFORM"})
        void limitedAvailabilityForOverFivePercentOrOneMillion(EntityType type) {
            String code = "IR2690-" + type.article().substring(5) + ".b";
            firesNothing(type, b -> b.usersAffectedByLimitedAvailability(5_000L).usersInUnion(100_000L));
            firesOnly(type, code, b -> b.usersAffectedByLimitedAvailability(5_001L).usersInUnion(100_000L));
            firesNothing(type, b -> b.usersAffectedByLimitedAvailability(1_000_000L).usersInUnion(300_000_000L));
            firesOnly(type, code, b -> b.usersAffectedByLimitedAvailability(1_000_001L).usersInUnion(300_000_000L));
        }

        @ParameterizedTest
        @EnumSource(value = EntityType.class, names = {"ONLINE_MARKETPLACE", "ONLINE_SEARCH_ENGINE", "SOCIAL_NETWORKING_PLATFORM"})
        void dataCompromise(EntityType type) {
            String art = type.article().substring(5);
            firesOnly(type, "IR2690-" + art + ".c", b -> b.dataCompromised(true).dataCompromiseSuspectedMalicious(true));
            firesNothing(type, b -> b.dataCompromised(true).usersAffectedByDataCompromise(5_000L).usersInUnion(100_000L));
            firesOnly(type, "IR2690-" + art + ".d", b -> b.dataCompromised(true).usersAffectedByDataCompromise(5_001L).usersInUnion(100_000L));
        }
    }

    @Nested
    class TrustServiceProviders {

        @Test
        void completeUnavailabilityOver20Minutes() {
            firesNothing(TRUST_SERVICE_PROVIDER, b -> b.completeUnavailability(Duration.ofMinutes(20)));
            firesOnly(TRUST_SERVICE_PROVIDER, "IR2690-14.a", b -> b.completeUnavailability(Duration.ofMinutes(20).plus(SECOND)));
        }

        @Test
        void unavailableOverAnHourInACalendarWeek() {
            firesNothing(TRUST_SERVICE_PROVIDER, b -> b.unavailabilityInCalendarWeek(Duration.ofHours(1)));
            firesOnly(TRUST_SERVICE_PROVIDER, "IR2690-14.b", b -> b.unavailabilityInCalendarWeek(Duration.ofHours(1).plus(SECOND)));
        }

        @Test
        void limitedForOverOnePercentOr200000() {
            firesNothing(TRUST_SERVICE_PROVIDER, b -> b.usersAffectedByLimitedAvailability(1_000L).usersInUnion(100_000L));
            firesOnly(TRUST_SERVICE_PROVIDER, "IR2690-14.c", b -> b.usersAffectedByLimitedAvailability(1_001L).usersInUnion(100_000L));
            firesNothing(TRUST_SERVICE_PROVIDER, b -> b.usersAffectedByLimitedAvailability(200_000L).usersInUnion(50_000_000L));
            firesOnly(TRUST_SERVICE_PROVIDER, "IR2690-14.c", b -> b.usersAffectedByLimitedAvailability(200_001L).usersInUnion(50_000_000L));
        }

        @Test
        void physicalAccessToRestrictedAreas() {
            firesOnly(TRUST_SERVICE_PROVIDER, "IR2690-14.d", b -> b.physicalAccessCompromised(true));
        }

        @Test
        void dataCompromiseForOverPointOnePercentOr100() {
            firesNothing(TRUST_SERVICE_PROVIDER, b -> b.dataCompromised(true).usersAffectedByDataCompromise(50L).usersInUnion(50_000L));
            firesOnly(TRUST_SERVICE_PROVIDER, "IR2690-14.e", b -> b.dataCompromised(true).usersAffectedByDataCompromise(51L).usersInUnion(50_000L));
            firesNothing(TRUST_SERVICE_PROVIDER, b -> b.dataCompromised(true).usersAffectedByDataCompromise(100L).usersInUnion(1_000_000L));
            firesOnly(TRUST_SERVICE_PROVIDER, "IR2690-14.e", b -> b.dataCompromised(true).usersAffectedByDataCompromise(101L).usersInUnion(1_000_000L));
        }

        @Test
        void maliciousCompromiseAloneIsNoTrustServiceCriterion() {
            firesNothing(TRUST_SERVICE_PROVIDER, b -> b.dataCompromised(true).dataCompromiseSuspectedMalicious(true));
        }
    }

    @Test
    void everyTypeOfTheRegulationHasItsArticle() {
        for (EntityType type : EntityType.values()) {
            assertThat(type.coveredByImplementingRegulation()).isEqualTo(type != OTHER);
        }
        assertThat(List.of(CONTENT_DELIVERY_NETWORK_PROVIDER, MANAGED_SECURITY_SERVICE_PROVIDER, ONLINE_SEARCH_ENGINE,
                SOCIAL_NETWORKING_PLATFORM, ONLINE_MARKETPLACE)).extracting(EntityType::article)
                .containsExactly("Art. 9", "Art. 10", "Art. 12", "Art. 13", "Art. 11");
    }
}
