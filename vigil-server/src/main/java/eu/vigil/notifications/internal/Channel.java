package eu.vigil.notifications.internal;

/** How a subscription is reached. The in-app inbox needs no subscription: the audience's roles decide. */
public enum Channel {
    EMAIL, WEBHOOK
}
