package eu.vigil.notifications.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the notifications module, under {@code vigil.notifications}. The SMTP server is set
 * on the administration page (its password sealed in the database); these are the operator's.
 *
 * @param pollInterval        how often each node looks for due deliveries
 * @param batchSize           how many deliveries a node claims at once
 * @param lease               how long a claimed delivery stays with the node that claimed it; a node
 *                            killed mid-delivery leaves it to others after this (longer than any send)
 * @param sendTimeout         connect and read timeout of one SMTP or webhook call
 * @param retryBase           the wait after the first failure; doubled after each further one
 * @param retryMax            the longest wait between two attempts
 * @param maxAttempts         attempts before a delivery is given up as failed
 * @param allowPlainTransport allow {@code http://} webhooks and SMTP without TLS: for tests and
 *                            closed networks only, never by default
 * @param publicUrl           Vigil's address as users reach it ({@code https://vigil.example.com}), to
 *                            turn a notice's path into a link in e-mails and webhooks; empty: paths stay paths
 */
@ConfigurationProperties("vigil.notifications")
public record NotificationSettings(@DefaultValue("5s") Duration pollInterval,
                                   @DefaultValue("20") int batchSize,
                                   @DefaultValue("5m") Duration lease,
                                   @DefaultValue("15s") Duration sendTimeout,
                                   @DefaultValue("30s") Duration retryBase,
                                   @DefaultValue("1h") Duration retryMax,
                                   @DefaultValue("10") int maxAttempts,
                                   @DefaultValue("false") boolean allowPlainTransport,
                                   @DefaultValue("") String publicUrl) {

    /** The wait before attempt {@code attempts + 1}, after {@code attempts} failed ones. */
    public Duration backoff(int attempts) {
        Duration wait = retryBase;
        for (int i = 1; i < attempts && wait.compareTo(retryMax) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(retryMax) > 0 ? retryMax : wait;
    }

    /** The link of a notice as a reader outside Vigil needs it. */
    public String absolute(String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        if (publicUrl.isBlank() || !link.startsWith("/")) {
            return link;
        }
        return publicUrl.replaceAll("/+$", "") + link;
    }
}
