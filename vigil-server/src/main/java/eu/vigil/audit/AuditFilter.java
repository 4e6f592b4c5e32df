package eu.vigil.audit;

import java.time.Instant;

/**
 * What an auditor looks for; every part is optional ({@code null} matches everything). Text
 * parts match exactly, except {@code action}, where a trailing {@code *} matches a prefix
 * ({@code identity.*}).
 */
public record AuditFilter(Instant from, Instant to, String actor, String action, String objectType,
                          String objectId, AuditOutcome outcome, String clientAddress) {

    public static AuditFilter everything() {
        return new AuditFilter(null, null, null, null, null, null, null, null);
    }
}
