package eu.vigil.notifications.web;

/**
 * Who may do what with notifications: every signed-in user reads their own inbox and sets their
 * own e-mail preference; administrators manage shared subscriptions (e-mail addresses and
 * webhooks, outside customers included), the SMTP server and the outbox.
 */
final class NotificationAccess {

    static final String SIGNED_IN = "isAuthenticated()";
    static final String ADMIN = "hasRole('ADMIN')";

    private NotificationAccess() {
    }
}
