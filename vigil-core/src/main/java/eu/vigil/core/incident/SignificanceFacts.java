package eu.vigil.core.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What is known about an incident's impact, as the significance rules ask for it. Booleans mean
 * "has caused or is capable of causing" where the law says so; {@code null} numbers and durations
 * mean unknown. Build with {@link #builder(EntityType)}.
 *
 * @param entityType                        whose service is hit; decides which rules apply
 * @param severeOperationalDisruption       NIS2 Art. 23(3)(a): severe operational disruption of the services
 * @param financialLossForEntity            NIS2 Art. 23(3)(a): financial loss for the entity
 * @param considerableDamageToOthers        NIS2 Art. 23(3)(b): considerable material or non-material damage to other persons
 * @param scheduledMaintenance              IR Art. 3(2): a scheduled interruption or planned consequence of scheduled maintenance
 * @param directFinancialLossEur            IR Art. 3(1)(a): direct financial loss in euros
 * @param annualTurnoverEur                 total annual turnover of the preceding financial year, in euros
 * @param tradeSecretsExfiltrated           IR Art. 3(1)(b)
 * @param deathOfPerson                     IR Art. 3(1)(c)
 * @param considerableHealthDamage          IR Art. 3(1)(d)
 * @param maliciousUnauthorisedAccess       IR Art. 3(1)(e): successful, suspectedly malicious, unauthorised access able to cause severe disruption
 * @param completeUnavailability            how long the service was completely unavailable
 * @param usersAffectedByCompleteUnavailability users in the Union for whom it was completely unavailable (Arts. 11 to 13)
 * @param slowResponsePeriod                how long the average DNS response time was degraded (Arts. 5, 6)
 * @param averageResponseTime               the average DNS response time during that period
 * @param limitedAvailability               how long availability was limited
 * @param usersAffectedByLimitedAvailability users in the Union affected by limited availability
 * @param unavailabilityInCalendarWeek      total unavailability to users or relying parties in one calendar week (Art. 14(b))
 * @param dataCompromised                   integrity, confidentiality or authenticity of stored, transmitted or processed data compromised
 * @param dataCompromiseSuspectedMalicious  that compromise results from a suspectedly malicious action
 * @param usersAffectedByDataCompromise     users in the Union impacted by the compromise
 * @param dataCompromiseByMisconfiguration  the compromise is incorrect DNS data caused by misconfiguration (Art. 5(c) exception)
 * @param domainNamesWithIncorrectData      domain names whose data is incorrect (Art. 5(c) exception)
 * @param domainNamesManaged                domain names the DNS service provider manages (Art. 5(c) exception)
 * @param physicalAccessCompromised         physical access to a data centre (Art. 8(d)) or to restricted trust-service areas, or its protection (Art. 14(d)), compromised
 * @param usersInUnion                      all users (or relying parties) of the service in the Union, counted per IR Art. 3(3)
 * @param occurredAt                        when this incident occurred, for the recurring-incident rule
 * @param rootCause                         its apparent root cause, a short key
 * @param priorIncidents                    earlier incidents of the entity, for the recurring-incident rule
 */
public record SignificanceFacts(
        EntityType entityType,
        boolean severeOperationalDisruption,
        boolean financialLossForEntity,
        boolean considerableDamageToOthers,
        boolean scheduledMaintenance,
        Long directFinancialLossEur,
        Long annualTurnoverEur,
        boolean tradeSecretsExfiltrated,
        boolean deathOfPerson,
        boolean considerableHealthDamage,
        boolean maliciousUnauthorisedAccess,
        Duration completeUnavailability,
        Long usersAffectedByCompleteUnavailability,
        Duration slowResponsePeriod,
        Duration averageResponseTime,
        Duration limitedAvailability,
        Long usersAffectedByLimitedAvailability,
        Duration unavailabilityInCalendarWeek,
        boolean dataCompromised,
        boolean dataCompromiseSuspectedMalicious,
        Long usersAffectedByDataCompromise,
        boolean dataCompromiseByMisconfiguration,
        Long domainNamesWithIncorrectData,
        Long domainNamesManaged,
        boolean physicalAccessCompromised,
        Long usersInUnion,
        Instant occurredAt,
        String rootCause,
        List<PriorIncident> priorIncidents) {

    public SignificanceFacts {
        Objects.requireNonNull(entityType, "entityType");
        priorIncidents = priorIncidents == null ? List.of() : List.copyOf(priorIncidents);
    }

    public static Builder builder(EntityType entityType) {
        return new Builder(entityType);
    }

    public Builder toBuilder() {
        Builder b = new Builder(entityType);
        b.severeOperationalDisruption = severeOperationalDisruption;
        b.financialLossForEntity = financialLossForEntity;
        b.considerableDamageToOthers = considerableDamageToOthers;
        b.scheduledMaintenance = scheduledMaintenance;
        b.directFinancialLossEur = directFinancialLossEur;
        b.annualTurnoverEur = annualTurnoverEur;
        b.tradeSecretsExfiltrated = tradeSecretsExfiltrated;
        b.deathOfPerson = deathOfPerson;
        b.considerableHealthDamage = considerableHealthDamage;
        b.maliciousUnauthorisedAccess = maliciousUnauthorisedAccess;
        b.completeUnavailability = completeUnavailability;
        b.usersAffectedByCompleteUnavailability = usersAffectedByCompleteUnavailability;
        b.slowResponsePeriod = slowResponsePeriod;
        b.averageResponseTime = averageResponseTime;
        b.limitedAvailability = limitedAvailability;
        b.usersAffectedByLimitedAvailability = usersAffectedByLimitedAvailability;
        b.unavailabilityInCalendarWeek = unavailabilityInCalendarWeek;
        b.dataCompromised = dataCompromised;
        b.dataCompromiseSuspectedMalicious = dataCompromiseSuspectedMalicious;
        b.usersAffectedByDataCompromise = usersAffectedByDataCompromise;
        b.dataCompromiseByMisconfiguration = dataCompromiseByMisconfiguration;
        b.domainNamesWithIncorrectData = domainNamesWithIncorrectData;
        b.domainNamesManaged = domainNamesManaged;
        b.physicalAccessCompromised = physicalAccessCompromised;
        b.usersInUnion = usersInUnion;
        b.occurredAt = occurredAt;
        b.rootCause = rootCause;
        b.priorIncidents = priorIncidents;
        return b;
    }

    /** Collects facts one by one; everything not set is false or unknown. */
    public static final class Builder {
        private final EntityType entityType;
        private boolean severeOperationalDisruption;
        private boolean financialLossForEntity;
        private boolean considerableDamageToOthers;
        private boolean scheduledMaintenance;
        private Long directFinancialLossEur;
        private Long annualTurnoverEur;
        private boolean tradeSecretsExfiltrated;
        private boolean deathOfPerson;
        private boolean considerableHealthDamage;
        private boolean maliciousUnauthorisedAccess;
        private Duration completeUnavailability;
        private Long usersAffectedByCompleteUnavailability;
        private Duration slowResponsePeriod;
        private Duration averageResponseTime;
        private Duration limitedAvailability;
        private Long usersAffectedByLimitedAvailability;
        private Duration unavailabilityInCalendarWeek;
        private boolean dataCompromised;
        private boolean dataCompromiseSuspectedMalicious;
        private Long usersAffectedByDataCompromise;
        private boolean dataCompromiseByMisconfiguration;
        private Long domainNamesWithIncorrectData;
        private Long domainNamesManaged;
        private boolean physicalAccessCompromised;
        private Long usersInUnion;
        private Instant occurredAt;
        private String rootCause;
        private List<PriorIncident> priorIncidents = List.of();

        private Builder(EntityType entityType) {
            this.entityType = entityType;
        }

        public Builder severeOperationalDisruption(boolean v) { severeOperationalDisruption = v; return this; }
        public Builder financialLossForEntity(boolean v) { financialLossForEntity = v; return this; }
        public Builder considerableDamageToOthers(boolean v) { considerableDamageToOthers = v; return this; }
        public Builder scheduledMaintenance(boolean v) { scheduledMaintenance = v; return this; }
        public Builder directFinancialLossEur(Long v) { directFinancialLossEur = v; return this; }
        public Builder annualTurnoverEur(Long v) { annualTurnoverEur = v; return this; }
        public Builder tradeSecretsExfiltrated(boolean v) { tradeSecretsExfiltrated = v; return this; }
        public Builder deathOfPerson(boolean v) { deathOfPerson = v; return this; }
        public Builder considerableHealthDamage(boolean v) { considerableHealthDamage = v; return this; }
        public Builder maliciousUnauthorisedAccess(boolean v) { maliciousUnauthorisedAccess = v; return this; }
        public Builder completeUnavailability(Duration v) { completeUnavailability = v; return this; }
        public Builder usersAffectedByCompleteUnavailability(Long v) { usersAffectedByCompleteUnavailability = v; return this; }
        public Builder slowResponse(Duration period, Duration average) { slowResponsePeriod = period; averageResponseTime = average; return this; }
        public Builder limitedAvailability(Duration v) { limitedAvailability = v; return this; }
        public Builder usersAffectedByLimitedAvailability(Long v) { usersAffectedByLimitedAvailability = v; return this; }
        public Builder unavailabilityInCalendarWeek(Duration v) { unavailabilityInCalendarWeek = v; return this; }
        public Builder dataCompromised(boolean v) { dataCompromised = v; return this; }
        public Builder dataCompromiseSuspectedMalicious(boolean v) { dataCompromiseSuspectedMalicious = v; return this; }
        public Builder usersAffectedByDataCompromise(Long v) { usersAffectedByDataCompromise = v; return this; }
        public Builder dataCompromiseByMisconfiguration(boolean v) { dataCompromiseByMisconfiguration = v; return this; }
        public Builder domainNamesWithIncorrectData(Long v) { domainNamesWithIncorrectData = v; return this; }
        public Builder domainNamesManaged(Long v) { domainNamesManaged = v; return this; }
        public Builder physicalAccessCompromised(boolean v) { physicalAccessCompromised = v; return this; }
        public Builder usersInUnion(Long v) { usersInUnion = v; return this; }
        public Builder occurredAt(Instant v) { occurredAt = v; return this; }
        public Builder rootCause(String v) { rootCause = v; return this; }
        public Builder priorIncidents(List<PriorIncident> v) { priorIncidents = v; return this; }

        public SignificanceFacts build() {
            return new SignificanceFacts(entityType, severeOperationalDisruption, financialLossForEntity,
                    considerableDamageToOthers, scheduledMaintenance, directFinancialLossEur, annualTurnoverEur,
                    tradeSecretsExfiltrated, deathOfPerson, considerableHealthDamage, maliciousUnauthorisedAccess,
                    completeUnavailability, usersAffectedByCompleteUnavailability, slowResponsePeriod,
                    averageResponseTime, limitedAvailability, usersAffectedByLimitedAvailability,
                    unavailabilityInCalendarWeek, dataCompromised, dataCompromiseSuspectedMalicious,
                    usersAffectedByDataCompromise, dataCompromiseByMisconfiguration, domainNamesWithIncorrectData,
                    domainNamesManaged, physicalAccessCompromised, usersInUnion, occurredAt, rootCause, priorIncidents);
        }
    }
}
