package eu.vigil.core.incident;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Decides whether an incident is significant and names every criterion that fired.
 *
 * <p>For the eleven entity types of Implementing Regulation (EU) 2024/2690 the Regulation's
 * criteria apply: the general ones of Art. 3(1), the recurring-incident rule of Art. 4 and the
 * type's own thresholds of Arts. 5 to 14; Art. 3(2) takes scheduled interruptions and planned
 * consequences of scheduled maintenance out. For every other entity, NIS2 Art. 23(3) applies,
 * which needs a person's judgement on each point. Thresholds are "more than" unless the law says
 * otherwise: a value exactly at a threshold does not fire. Where the law says "whichever number is
 * smaller" for a share of users or an absolute count, exceeding either one fires.
 */
public final class SignificanceAssessor {

    /** IR Art. 3(1)(a): direct financial loss above EUR 500 000 ... */
    public static final long LOSS_THRESHOLD_EUR = 500_000;
    /** ... or above 5 % of the preceding year's total annual turnover, whichever is lower. */
    public static final int LOSS_TURNOVER_PERCENT = 5;
    /** IR Art. 4(a): recurring incidents count together when they occurred within six months. */
    public static final Period RECURRENCE_WINDOW = Period.ofMonths(6);

    private static final String IR = "Implementing Regulation (EU) 2024/2690, ";
    private static final Duration MIN_20 = Duration.ofMinutes(20);
    private static final Duration MIN_30 = Duration.ofMinutes(30);
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration SECONDS_10 = Duration.ofSeconds(10);

    private SignificanceAssessor() {
    }

    public static SignificanceAssessment assess(SignificanceFacts facts) {
        List<Criterion> fired = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        EntityType type = facts.entityType();
        if (!type.coveredByImplementingRegulation()) {
            nis2(facts, fired);
            notes.add("NIS2 Art. 23(3) applies: the thresholds of Implementing Regulation 2024/2690 are for its eleven "
                    + "entity types only and serve here as guidance at most.");
            return new SignificanceAssessment(!fired.isEmpty(), fired, false, notes);
        }
        general(facts, fired, notes);
        specific(facts, fired, notes);
        if (fired.isEmpty()) {
            recurring(facts, fired, notes);
        }
        fired.sort(Comparator.comparing(c -> order(c.code())));
        if (facts.scheduledMaintenance()) {
            notes.add("Art. 3(2): a scheduled interruption or planned consequence of scheduled maintenance is not a "
                    + "significant incident, whatever criteria it meets.");
            return new SignificanceAssessment(false, fired, true, notes);
        }
        return new SignificanceAssessment(!fired.isEmpty(), fired, false, notes);
    }

    /** Whether a direct financial loss passes the Art. 3(1)(a) threshold for the given turnover. */
    public static boolean lossExceedsThreshold(long lossEur, Long annualTurnoverEur) {
        return lossEur > LOSS_THRESHOLD_EUR
                || (annualTurnoverEur != null
                && BigInteger.valueOf(lossEur).multiply(BigInteger.valueOf(100))
                .compareTo(BigInteger.valueOf(annualTurnoverEur).multiply(BigInteger.valueOf(LOSS_TURNOVER_PERCENT))) > 0);
    }

    private static void nis2(SignificanceFacts f, List<Criterion> fired) {
        if (f.severeOperationalDisruption() || f.financialLossForEntity()) {
            String what = f.severeOperationalDisruption() && f.financialLossForEntity()
                    ? "severe operational disruption and financial loss"
                    : f.severeOperationalDisruption() ? "severe operational disruption" : "financial loss";
            fired.add(new Criterion("NIS2-23.3.a", "Directive (EU) 2022/2555, Art. 23(3)(a)",
                    "Has caused or can cause severe operational disruption of the services or financial loss for the entity.",
                    "Judged to cause or be able to cause " + what + "."));
        }
        if (f.considerableDamageToOthers()) {
            fired.add(new Criterion("NIS2-23.3.b", "Directive (EU) 2022/2555, Art. 23(3)(b)",
                    "Has affected or can affect other natural or legal persons by causing considerable material or non-material damage.",
                    "Judged to cause or be able to cause considerable damage to others."));
        }
    }

    private static void general(SignificanceFacts f, List<Criterion> fired, List<String> notes) {
        Long loss = f.directFinancialLossEur();
        if (loss == null) {
            notes.add("Direct financial loss unknown: Art. 3(1)(a) could not be checked.");
        } else if (lossExceedsThreshold(loss, f.annualTurnoverEur())) {
            fired.add(ir("3.1.a", "Art. 3(1)(a)",
                    "Direct financial loss above EUR 500 000 or above 5 % of the preceding year's total annual turnover, whichever is lower.",
                    "Direct loss of EUR " + loss + " exceeds EUR " + lossThreshold(f.annualTurnoverEur()) + "."));
        }
        if (loss != null && f.annualTurnoverEur() == null && loss <= LOSS_THRESHOLD_EUR) {
            notes.add("Annual turnover unknown: only the EUR 500 000 threshold of Art. 3(1)(a) was applied.");
        }
        if (f.tradeSecretsExfiltrated()) {
            fired.add(ir("3.1.b", "Art. 3(1)(b)", "Exfiltration of the entity's trade secrets (Directive (EU) 2016/943, Art. 2(1)).",
                    "Trade secrets were or can be exfiltrated."));
        }
        if (f.deathOfPerson()) {
            fired.add(ir("3.1.c", "Art. 3(1)(c)", "Death of a natural person.", "The incident caused or can cause a death."));
        }
        if (f.considerableHealthDamage()) {
            fired.add(ir("3.1.d", "Art. 3(1)(d)", "Considerable damage to a natural person's health.",
                    "The incident caused or can cause considerable damage to health."));
        }
        if (f.maliciousUnauthorisedAccess()) {
            fired.add(ir("3.1.e", "Art. 3(1)(e)",
                    "Successful, suspectedly malicious and unauthorised access to network and information systems, able to cause severe operational disruption.",
                    "Such access occurred."));
        }
    }

    private static void specific(SignificanceFacts f, List<Criterion> fired, List<String> notes) {
        switch (f.entityType()) {
            case DNS_SERVICE_PROVIDER -> {
                completeLonger(f, "5.a", "Art. 5(a)", MIN_30, "A recursive or authoritative DNS resolution service", fired);
                slowDns(f, "5.b", "Art. 5(b)", fired);
                dnsData(f, fired, notes);
            }
            case TLD_NAME_REGISTRY -> {
                completeAtAll(f, "6.a", "Art. 6(a)", "The authoritative domain name resolution service", fired);
                slowDns(f, "6.b", "Art. 6(b)", fired);
                if (f.dataCompromised()) {
                    fired.add(ir("6.c", "Art. 6(c)",
                            "Integrity, confidentiality or authenticity of data for the technical operation of the TLD compromised.",
                            "Such data was compromised."));
                }
            }
            case CLOUD_COMPUTING_SERVICE_PROVIDER -> serviceProvider(f, "7", fired, notes);
            case CONTENT_DELIVERY_NETWORK_PROVIDER -> serviceProvider(f, "9", fired, notes);
            case MANAGED_SERVICE_PROVIDER, MANAGED_SECURITY_SERVICE_PROVIDER -> serviceProvider(f, "10", fired, notes);
            case DATA_CENTRE_SERVICE_PROVIDER -> {
                completeAtAll(f, "8.a", "Art. 8(a)", "A data centre service of a data centre the provider operates", fired);
                if (longer(f.limitedAvailability(), HOUR)) {
                    fired.add(ir("8.b", "Art. 8(b)", "Availability of a data centre service limited for more than one hour.",
                            "Availability was limited for " + minutes(f.limitedAvailability()) + "."));
                }
                maliciousData(f, "8.c", "Art. 8(c)", fired);
                physical(f, "8.d", "Art. 8(d)", "Physical access to a data centre the provider operates compromised.", fired);
            }
            case ONLINE_MARKETPLACE -> platform(f, "11", fired, notes);
            case ONLINE_SEARCH_ENGINE -> platform(f, "12", fired, notes);
            case SOCIAL_NETWORKING_PLATFORM -> platform(f, "13", fired, notes);
            case TRUST_SERVICE_PROVIDER -> trustService(f, fired, notes);
            case OTHER -> {
                // judged by NIS2 Art. 23(3) in assess()
            }
        }
    }

    /** Arts. 7, 9 and 10: the same four criteria for cloud, CDN and managed (security) service providers. */
    private static void serviceProvider(SignificanceFacts f, String art, List<Criterion> fired, List<String> notes) {
        completeLonger(f, art + ".a", "Art. " + art + "(a)", MIN_30, "The service", fired);
        if (longer(f.limitedAvailability(), HOUR) && share(f.usersAffectedByLimitedAvailability(), f.usersInUnion(), 5, 100, 1_000_000, notes)) {
            fired.add(ir(art + ".b", "Art. " + art + "(b)",
                    "Availability limited for more than 5 % or more than 1 million of the service's users in the Union (whichever is smaller) for more than one hour.",
                    users(f.usersAffectedByLimitedAvailability(), f.usersInUnion()) + " affected for " + minutes(f.limitedAvailability()) + "."));
        }
        maliciousData(f, art + ".c", "Art. " + art + "(c)", fired);
        dataForUsers(f, art + ".d", "Art. " + art + "(d)", 5, 100, 1_000_000, "5 % or 1 million", fired, notes);
    }

    /** Arts. 11 to 13: online marketplaces, search engines and social networking platforms. */
    private static void platform(SignificanceFacts f, String art, List<Criterion> fired, List<String> notes) {
        if (share(f.usersAffectedByCompleteUnavailability(), f.usersInUnion(), 5, 100, 1_000_000, notes)) {
            fired.add(ir(art + ".a", "Art. " + art + "(a)",
                    "Completely unavailable for more than 5 % or more than 1 million of its users in the Union (whichever is smaller).",
                    users(f.usersAffectedByCompleteUnavailability(), f.usersInUnion()) + " had no service."));
        }
        if (share(f.usersAffectedByLimitedAvailability(), f.usersInUnion(), 5, 100, 1_000_000, notes)) {
            fired.add(ir(art + ".b", "Art. " + art + "(b)",
                    "More than 5 % or more than 1 million of its users in the Union (whichever is smaller) impacted by limited availability.",
                    users(f.usersAffectedByLimitedAvailability(), f.usersInUnion()) + " impacted."));
        }
        maliciousData(f, art + ".c", "Art. " + art + "(c)", fired);
        dataForUsers(f, art + ".d", "Art. " + art + "(d)", 5, 100, 1_000_000, "5 % or 1 million", fired, notes);
    }

    private static void trustService(SignificanceFacts f, List<Criterion> fired, List<String> notes) {
        completeLonger(f, "14.a", "Art. 14(a)", MIN_20, "The trust service", fired);
        if (longer(f.unavailabilityInCalendarWeek(), HOUR)) {
            fired.add(ir("14.b", "Art. 14(b)",
                    "Trust service unavailable to users or relying parties for more than one hour, counted per calendar week.",
                    "Unavailable for " + minutes(f.unavailabilityInCalendarWeek()) + " in the calendar week."));
        }
        if (share(f.usersAffectedByLimitedAvailability(), f.usersInUnion(), 1, 100, 200_000, notes)) {
            fired.add(ir("14.c", "Art. 14(c)",
                    "Availability limited for more than 1 % or more than 200 000 users or relying parties in the Union (whichever is smaller).",
                    users(f.usersAffectedByLimitedAvailability(), f.usersInUnion()) + " affected."));
        }
        physical(f, "14.d", "Art. 14(d)",
                "Physical access to restricted areas holding the systems (trusted personnel only), or the protection of that access, compromised.", fired);
        dataForUsers(f, "14.e", "Art. 14(e)", 1, 1000, 100, "0.1 % or 100", fired, notes);
    }

    private static void dnsData(SignificanceFacts f, List<Criterion> fired, List<String> notes) {
        if (!f.dataCompromised()) {
            return;
        }
        String summary = "Integrity, confidentiality or authenticity of data for authoritative DNS resolution compromised "
                + "(not where a misconfiguration makes the data of fewer than 1 000 domain names, at most 1 % of those managed, incorrect).";
        if (f.dataCompromiseByMisconfiguration()) {
            Long wrong = f.domainNamesWithIncorrectData();
            Long managed = f.domainNamesManaged();
            if (wrong != null && managed != null) {
                boolean excepted = wrong < 1000
                        && BigInteger.valueOf(wrong).multiply(BigInteger.valueOf(100)).compareTo(BigInteger.valueOf(managed)) <= 0;
                if (excepted) {
                    notes.add("Art. 5(c) exception: misconfiguration affecting " + wrong + " of " + managed
                            + " domain names (fewer than 1 000 and at most 1 %).");
                    return;
                }
                fired.add(ir("5.c", "Art. 5(c)", summary, "Misconfiguration made the data of " + wrong + " of " + managed
                        + " domain names incorrect, outside the exception."));
                return;
            }
            notes.add("Art. 5(c): the misconfiguration exception needs the numbers of affected and managed domain names; "
                    + "without them the criterion is treated as met.");
        }
        fired.add(ir("5.c", "Art. 5(c)", summary, "Such data was compromised."));
    }

    private static void completeLonger(SignificanceFacts f, String code, String ref, Duration limit, String what, List<Criterion> fired) {
        if (longer(f.completeUnavailability(), limit)) {
            fired.add(ir(code, ref, what + " completely unavailable for more than " + limit.toMinutes() + " minutes.",
                    "Completely unavailable for " + minutes(f.completeUnavailability()) + "."));
        }
    }

    private static void completeAtAll(SignificanceFacts f, String code, String ref, String what, List<Criterion> fired) {
        Duration d = f.completeUnavailability();
        if (d != null && d.isPositive()) {
            fired.add(ir(code, ref, what + " completely unavailable (any duration).",
                    "Completely unavailable for " + minutes(d) + "."));
        }
    }

    private static void slowDns(SignificanceFacts f, String code, String ref, List<Criterion> fired) {
        if (longer(f.slowResponsePeriod(), HOUR) && longer(f.averageResponseTime(), SECONDS_10)) {
            fired.add(ir(code, ref, "For more than one hour, average response time to DNS requests above 10 seconds.",
                    "Average response of " + f.averageResponseTime().toMillis() / 1000.0 + " s for "
                            + minutes(f.slowResponsePeriod()) + "."));
        }
    }

    private static void maliciousData(SignificanceFacts f, String code, String ref, List<Criterion> fired) {
        if (f.dataCompromised() && f.dataCompromiseSuspectedMalicious()) {
            fired.add(ir(code, ref, "Integrity, confidentiality or authenticity of data compromised by a suspectedly malicious action.",
                    "Data was compromised, suspectedly maliciously."));
        }
    }

    private static void dataForUsers(SignificanceFacts f, String code, String ref, int num, int den, long absolute,
                                     String wording, List<Criterion> fired, List<String> notes) {
        if (f.dataCompromised() && share(f.usersAffectedByDataCompromise(), f.usersInUnion(), num, den, absolute, notes)) {
            fired.add(ir(code, ref, "Data compromise impacting more than " + wording
                            + " of the users in the Union (whichever is smaller).",
                    users(f.usersAffectedByDataCompromise(), f.usersInUnion()) + " impacted."));
        }
    }

    private static void physical(SignificanceFacts f, String code, String ref, String summary, List<Criterion> fired) {
        if (f.physicalAccessCompromised()) {
            fired.add(ir(code, ref, summary, "Physical access was compromised."));
        }
    }

    /** Art. 4: incidents not significant alone, at least twice in six months, same apparent root cause, together over the loss threshold. */
    private static void recurring(SignificanceFacts f, List<Criterion> fired, List<String> notes) {
        if (f.priorIncidents().isEmpty()) {
            return;
        }
        if (f.occurredAt() == null || f.rootCause() == null || f.rootCause().isBlank()) {
            notes.add("Art. 4 (recurring incidents) needs this incident's time and apparent root cause.");
            return;
        }
        String cause = key(f.rootCause());
        record Occurrence(String id, Instant at, long loss, boolean current) {
        }
        List<Occurrence> all = new ArrayList<>();
        all.add(new Occurrence("this incident", f.occurredAt(), nz(f.directFinancialLossEur()), true));
        for (PriorIncident p : f.priorIncidents()) {
            if (!p.individuallySignificant() && p.rootCause() != null && key(p.rootCause()).equals(cause)) {
                all.add(new Occurrence(p.id(), p.occurredAt(), nz(p.directFinancialLossEur()), false));
            }
        }
        all.sort(Comparator.comparing(Occurrence::at));
        for (int i = 0; i < all.size(); i++) {
            Instant start = all.get(i).at();
            Instant end = start.atOffset(ZoneOffset.UTC).plus(RECURRENCE_WINDOW).toInstant();
            List<Occurrence> window = all.stream().filter(o -> !o.at().isBefore(start) && !o.at().isAfter(end)).toList();
            long total = window.stream().mapToLong(Occurrence::loss).sum();
            if (window.size() >= 2 && window.stream().anyMatch(Occurrence::current)
                    && lossExceedsThreshold(total, f.annualTurnoverEur())) {
                fired.add(ir("3.1.f", "Art. 3(1)(f) with Art. 4",
                        "Recurring incidents: not significant alone, at least twice within six months, same apparent root cause, "
                                + "together above the Art. 3(1)(a) loss threshold.",
                        window.size() + " incidents with root cause '" + f.rootCause().strip() + "' ("
                                + String.join(", ", window.stream().map(Occurrence::id).toList())
                                + ") lost EUR " + total + " together, above EUR " + lossThreshold(f.annualTurnoverEur()) + "."));
                return;
            }
        }
    }

    private static boolean share(Long affected, Long total, int num, int den, long absolute, List<String> notes) {
        if (affected == null) {
            return false;
        }
        if (affected > absolute) {
            return true;
        }
        if (total == null) {
            String note = "Users of the service in the Union unknown: only absolute user thresholds were applied.";
            if (!notes.contains(note)) {
                notes.add(note);
            }
            return false;
        }
        return BigInteger.valueOf(affected).multiply(BigInteger.valueOf(den))
                .compareTo(BigInteger.valueOf(total).multiply(BigInteger.valueOf(num))) > 0;
    }

    private static long lossThreshold(Long turnover) {
        if (turnover == null) {
            return LOSS_THRESHOLD_EUR;
        }
        return Math.min(LOSS_THRESHOLD_EUR, turnover / 100 * LOSS_TURNOVER_PERCENT + (turnover % 100) * LOSS_TURNOVER_PERCENT / 100);
    }

    private static boolean longer(Duration value, Duration limit) {
        return value != null && value.compareTo(limit) > 0;
    }

    private static String users(Long affected, Long total) {
        return total == null ? affected + " users" : affected + " of " + total + " users";
    }

    private static String minutes(Duration d) {
        long s = d.toSeconds();
        return s % 60 == 0 ? (s / 60) + " min" : (s / 60) + " min " + (s % 60) + " s";
    }

    private static long nz(Long value) {
        return value == null ? 0 : value;
    }

    private static String key(String cause) {
        return cause.strip().toLowerCase(Locale.ROOT);
    }

    private static Criterion ir(String code, String article, String summary, String finding) {
        String reference = IR + article + (code.startsWith("3.") ? "" : " (with Art. 3(1)(g))");
        return new Criterion("IR2690-" + code, reference, summary, finding);
    }

    private static String order(String code) {
        // IR2690-3.1.a < IR2690-5.a < IR2690-10.a: pad the article number
        String rest = code.substring(code.indexOf('-') + 1);
        int dot = rest.indexOf('.');
        return String.format("%s%03d%s", code.substring(0, code.indexOf('-')), Integer.parseInt(rest.substring(0, dot)), rest.substring(dot));
    }
}
