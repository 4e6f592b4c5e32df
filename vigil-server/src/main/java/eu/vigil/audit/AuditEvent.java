package eu.vigil.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One thing that happened, as a module reports it. The trail adds the time, and the actor and
 * client address of the current request when the event does not name them (a failed login
 * names the account it tried; a scheduled job names itself).
 *
 * @param action     what happened, {@code module.verb} in lower case: {@code identity.login}
 * @param objectType the kind of object acted on: {@code user}, {@code api-token}
 * @param objectId   its id, or {@code null}
 * @param outcome    success, failure or denied
 * @param actor      who acted, or {@code null} for the current user
 * @param clientAddress the client's address, or {@code null} for the current request's
 * @param details    further facts, in insertion order; never secrets
 */
public record AuditEvent(String action, String objectType, String objectId, AuditOutcome outcome,
                         String actor, String clientAddress, Map<String, String> details) {

    public AuditEvent {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public static Builder of(String action) {
        return new Builder(action);
    }

    public static final class Builder {
        private final String action;
        private String objectType;
        private String objectId;
        private AuditOutcome outcome = AuditOutcome.SUCCESS;
        private String actor;
        private String clientAddress;
        private final Map<String, String> details = new LinkedHashMap<>();

        private Builder(String action) {
            this.action = action;
        }

        public Builder object(String type, Object id) {
            this.objectType = type;
            this.objectId = id == null ? null : id.toString();
            return this;
        }

        public Builder outcome(AuditOutcome outcome) {
            this.outcome = outcome;
            return this;
        }

        public Builder failed() {
            return outcome(AuditOutcome.FAILURE);
        }

        public Builder denied() {
            return outcome(AuditOutcome.DENIED);
        }

        public Builder actor(String actor) {
            this.actor = actor;
            return this;
        }

        public Builder clientAddress(String clientAddress) {
            this.clientAddress = clientAddress;
            return this;
        }

        public Builder detail(String key, Object value) {
            details.put(key, String.valueOf(value));
            return this;
        }

        public AuditEvent build() {
            return new AuditEvent(action, objectType, objectId, outcome, actor, clientAddress, details);
        }
    }
}
