package eu.vigil.notifications.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import eu.vigil.notifications.Notice;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * POSTs notices as JSON, signed with the webhook's secret (see {@link WebhookSignature}). HTTPS
 * with the JDK's certificate and host-name checks; redirects are not followed (a signed body
 * goes only where it was configured to go); any 2xx answer counts as delivered.
 */
@Component
class WebhookChannel {

    private final NotificationSettings settings;
    private final JsonMapper json;
    private final Clock clock;
    private final HttpClient http;

    WebhookChannel(NotificationSettings settings, JsonMapper json, Clock clock) {
        this.settings = settings;
        this.json = json;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.sendTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    void send(String url, String secret, long deliveryId, Notice notice) {
        URI uri = URI.create(url);
        if (!"https".equals(uri.getScheme()) && !("http".equals(uri.getScheme()) && settings.allowPlainTransport())) {
            throw new DeliveryFailed("Only https:// webhooks are allowed (vigil.notifications.allow-plain-transport is off).");
        }
        Instant now = clock.instant();
        byte[] body = body(deliveryId, notice, now);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(settings.sendTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "Vigil-Webhook/1")
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret, body))
                .header(WebhookSignature.TIMESTAMP_HEADER, String.valueOf(now.getEpochSecond()))
                .header(WebhookSignature.DELIVERY_HEADER, String.valueOf(deliveryId))
                .header(WebhookSignature.TOPIC_HEADER, notice.topic())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new DeliveryFailed("POST " + uri.getHost() + ": " + MailChannel.rootMessage(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailed("interrupted", e);
        }
        if (response.statusCode() / 100 != 2) {
            String answer = response.body() == null ? "" : response.body();
            throw new DeliveryFailed("POST " + uri.getHost() + " answered " + response.statusCode()
                    + (answer.isBlank() ? "" : ": " + (answer.length() > 200 ? answer.substring(0, 200) : answer)));
        }
    }

    byte[] body(long deliveryId, Notice notice, Instant now) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("delivery", deliveryId);
        payload.put("timestamp", now.getEpochSecond());
        payload.put("topic", notice.topic());
        payload.put("urgency", notice.urgency().name());
        payload.put("key", notice.key());
        payload.put("subject", notice.subject());
        payload.put("body", notice.body());
        payload.put("link", settings.absolute(notice.link()));
        payload.put("tags", new java.util.TreeMap<>(notice.tags()));
        return json.writeValueAsString(payload).getBytes(StandardCharsets.UTF_8);
    }
}
