package eu.vigil.incidents.internal;

import java.time.Duration;

import eu.vigil.core.incident.SignificanceFacts;

/**
 * The significance facts as people enter them: durations in minutes (seconds for response time),
 * counts and euros as whole numbers, {@code null} for unknown. Stored with the incident as JSON.
 * The entity type, the time and the root cause come from the incident itself. Flags left out (null) are false.
 */
public record SignificanceInput(
        Boolean severeOperationalDisruption,
        Boolean financialLossForEntity,
        Boolean considerableDamageToOthers,
        Boolean scheduledMaintenance,
        Long directFinancialLossEur,
        Long annualTurnoverEur,
        Boolean tradeSecretsExfiltrated,
        Boolean deathOfPerson,
        Boolean considerableHealthDamage,
        Boolean maliciousUnauthorisedAccess,
        Long completeUnavailabilityMinutes,
        Long usersAffectedByCompleteUnavailability,
        Long slowResponseMinutes,
        Long averageResponseSeconds,
        Long limitedAvailabilityMinutes,
        Long usersAffectedByLimitedAvailability,
        Long unavailabilityInCalendarWeekMinutes,
        Boolean dataCompromised,
        Boolean dataCompromiseSuspectedMalicious,
        Long usersAffectedByDataCompromise,
        Boolean dataCompromiseByMisconfiguration,
        Long domainNamesWithIncorrectData,
        Long domainNamesManaged,
        Boolean physicalAccessCompromised,
        Long usersInUnion) {

    /** A first set of facts taken from the register fields. */
    public static SignificanceInput from(Incident incident) {
        boolean malicious = "yes".equals(incident.suspectedMalicious());
        return new SignificanceInput(false, false, false, false, incident.financialLossEur(), null, false, false, false,
                false, null, null, null, null, incident.durationMinutes(), incident.affectedUsers(), null, false,
                malicious && incident.category() == IncidentCategory.DATA_BREACH, null, false, null, null, false, null);
    }

    public SignificanceFacts.Builder toFacts(Incident incident) {
        return SignificanceFacts.builder(incident.entityType())
                .severeOperationalDisruption(Boolean.TRUE.equals(severeOperationalDisruption))
                .financialLossForEntity(Boolean.TRUE.equals(financialLossForEntity))
                .considerableDamageToOthers(Boolean.TRUE.equals(considerableDamageToOthers))
                .scheduledMaintenance(Boolean.TRUE.equals(scheduledMaintenance))
                .directFinancialLossEur(directFinancialLossEur)
                .annualTurnoverEur(annualTurnoverEur)
                .tradeSecretsExfiltrated(Boolean.TRUE.equals(tradeSecretsExfiltrated))
                .deathOfPerson(Boolean.TRUE.equals(deathOfPerson))
                .considerableHealthDamage(Boolean.TRUE.equals(considerableHealthDamage))
                .maliciousUnauthorisedAccess(Boolean.TRUE.equals(maliciousUnauthorisedAccess))
                .completeUnavailability(minutes(completeUnavailabilityMinutes))
                .usersAffectedByCompleteUnavailability(usersAffectedByCompleteUnavailability)
                .slowResponse(minutes(slowResponseMinutes),
                        averageResponseSeconds == null ? null : Duration.ofSeconds(averageResponseSeconds))
                .limitedAvailability(minutes(limitedAvailabilityMinutes))
                .usersAffectedByLimitedAvailability(usersAffectedByLimitedAvailability)
                .unavailabilityInCalendarWeek(minutes(unavailabilityInCalendarWeekMinutes))
                .dataCompromised(Boolean.TRUE.equals(dataCompromised))
                .dataCompromiseSuspectedMalicious(Boolean.TRUE.equals(dataCompromiseSuspectedMalicious))
                .usersAffectedByDataCompromise(usersAffectedByDataCompromise)
                .dataCompromiseByMisconfiguration(Boolean.TRUE.equals(dataCompromiseByMisconfiguration))
                .domainNamesWithIncorrectData(domainNamesWithIncorrectData)
                .domainNamesManaged(domainNamesManaged)
                .physicalAccessCompromised(Boolean.TRUE.equals(physicalAccessCompromised))
                .usersInUnion(usersInUnion)
                .occurredAt(incident.detectedAt())
                .rootCause(incident.rootCause());
    }

    /** The first negative number, named, or {@code null} when all are fine. */
    String negativeField() {
        Object[][] numbers = {
                {"directFinancialLossEur", directFinancialLossEur}, {"annualTurnoverEur", annualTurnoverEur},
                {"completeUnavailabilityMinutes", completeUnavailabilityMinutes},
                {"usersAffectedByCompleteUnavailability", usersAffectedByCompleteUnavailability},
                {"slowResponseMinutes", slowResponseMinutes}, {"averageResponseSeconds", averageResponseSeconds},
                {"limitedAvailabilityMinutes", limitedAvailabilityMinutes},
                {"usersAffectedByLimitedAvailability", usersAffectedByLimitedAvailability},
                {"unavailabilityInCalendarWeekMinutes", unavailabilityInCalendarWeekMinutes},
                {"usersAffectedByDataCompromise", usersAffectedByDataCompromise},
                {"domainNamesWithIncorrectData", domainNamesWithIncorrectData},
                {"domainNamesManaged", domainNamesManaged}, {"usersInUnion", usersInUnion}};
        for (Object[] number : numbers) {
            if (number[1] instanceof Long value && value < 0) {
                return (String) number[0];
            }
        }
        return null;
    }

    private static Duration minutes(Long value) {
        return value == null ? null : Duration.ofMinutes(value);
    }
}
