/**
 * Notifications: tells people what other modules ask to be told, in the application (an inbox
 * per user), by e-mail over SMTP and by webhook (an HMAC-signed JSON POST), to whoever subscribed
 * to the notice's topic. Other modules never call it: they publish a {@link eu.vigil.notifications.Notice}
 * event, and delivery happens after their transaction commits, retried until it succeeds.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package eu.vigil.notifications;
