package eu.vigil.notifications;

import eu.vigil.identity.Role;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Something people should be told, published as an application event by the module it concerns.
 *
 * @param topic    what kind of notice this is, dotted and stable, such as {@code "incidents.deadline"},
 *                 {@code "sbom.finding"} or {@code "psirt.advisory.published"}; subscriptions select on it
 * @param urgency  how urgent it is
 * @param key      a key unique to this notice, such as {@code "incident:42:early-warning:due-in-4h"}:
 *                 a notice whose key was delivered before is not delivered again
 * @param subject  one line for humans
 * @param body     plain text for humans, a few lines at most
 * @param link     the path in Vigil where it can be acted on, such as {@code "/incidents/42"}, or null
 * @param audience the roles whose users see it in their in-app inbox (may be empty when the notice
 *                 is only for outside subscribers)
 * @param tags     attributes subscriptions may filter on, such as {@code product=cam-x}; never secrets
 */
public record Notice(String topic, Urgency urgency, String key, String subject, String body, String link,
                     Set<Role> audience, Map<String, String> tags) {

    public Notice {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(urgency, "urgency");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(subject, "subject");
        body = body == null ? "" : body;
        audience = audience == null ? Set.of() : Set.copyOf(audience);
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    /** How urgent a notice is; e-mail and webhook subscriptions can ask for a minimum. */
    public enum Urgency { INFO, WARNING, CRITICAL }
}
