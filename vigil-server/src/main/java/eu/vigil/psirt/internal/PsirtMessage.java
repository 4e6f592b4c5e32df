package eu.vigil.psirt.internal;

import java.time.Instant;

/**
 * A note or message of a case. kind: INTERNAL (team only), TO_REPORTER (the team's message the
 * reporter sees), FROM_REPORTER (the reporter's message).
 */
public record PsirtMessage(long id, long caseId, String kind, String body, Instant createdAt, String createdBy) {

    public boolean visibleToReporter() {
        return !kind.equals("INTERNAL");
    }
}
