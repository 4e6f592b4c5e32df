package eu.vigil.notifications.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import eu.vigil.identity.Role;
import eu.vigil.notifications.Notice;

/**
 * Someone outside the inbox who wants certain notices: an e-mail address or a webhook URL, the
 * topics, the least urgency, and an optional tag filter. A subscription with an owner is that
 * user's own e-mail preference and only receives notices addressed to one of the owner's roles.
 */
public record Subscription(long id, Channel channel, String target, String label, List<String> topics,
                           Notice.Urgency minUrgency, Map<String, String> tagFilter, boolean hasSecret,
                           Long ownerUserId, Set<Role> ownerRoles, boolean enabled, Instant createdAt, String createdBy,
                           Instant updatedAt, String updatedBy) {

    public boolean wants(Notice notice) {
        return enabled && Topics.matches(topics, notice.topic())
                && notice.urgency().compareTo(minUrgency) >= 0
                && TagFilter.matches(tagFilter, notice.tags())
                && (ownerUserId == null || notice.audience().stream().anyMatch(ownerRoles::contains));
    }

    public String topicsText() {
        return String.join(", ", topics);
    }

    public String tagFilterText() {
        return TagFilter.format(tagFilter);
    }
}
