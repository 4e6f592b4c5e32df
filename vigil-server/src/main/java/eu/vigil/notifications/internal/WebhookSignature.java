package eu.vigil.notifications.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook signature: {@code X-Vigil-Signature: sha256=<hex HMAC-SHA256 of the raw body, keyed
 * with the webhook's secret>}, as GitHub signs its webhooks. The body carries the sending time
 * ({@code "timestamp"}, Unix seconds, repeated in the {@code X-Vigil-Timestamp} header), so the
 * signature covers it and a receiver can refuse replays older than a few minutes.
 */
public final class WebhookSignature {

    public static final String SIGNATURE_HEADER = "X-Vigil-Signature";
    public static final String TIMESTAMP_HEADER = "X-Vigil-Timestamp";
    public static final String DELIVERY_HEADER = "X-Vigil-Delivery";
    public static final String TOPIC_HEADER = "X-Vigil-Topic";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    /** A new secret: 32 random bytes, base64url, with a prefix that says what it is. */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "vwhsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    /** Checks a signature header in constant time. */
    public static boolean verify(String secret, byte[] body, String header) {
        return header != null && MessageDigest.isEqual(sign(secret, body).getBytes(StandardCharsets.US_ASCII),
                header.strip().getBytes(StandardCharsets.US_ASCII));
    }
}
