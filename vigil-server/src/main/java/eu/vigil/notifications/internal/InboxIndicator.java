package eu.vigil.notifications.internal;

import eu.vigil.identity.CurrentUser;
import eu.vigil.platform.HeaderIndicator;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** The bell in the page header: the signed-in user's unread notices. */
@Component
class InboxIndicator implements HeaderIndicator {

    private final NotificationCenter center;

    InboxIndicator(NotificationCenter center) {
        this.center = center;
    }

    @Override
    public String label() {
        return "unread notifications";
    }

    @Override
    public String path() {
        return "/notifications";
    }

    @Override
    public long count(Authentication authentication) {
        return authentication.getPrincipal() instanceof CurrentUser user ? center.inboxSize(user, true) : 0;
    }
}
