package eu.vigil.identity.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import org.springframework.stereotype.Component;

/** RFC 6238 time-based one-time passwords: 30-second steps, six digits, HMAC-SHA1 as apps expect. */
@Component
public class Totp {

    static final Duration STEP = Duration.ofSeconds(30);
    private static final int DIGITS = 6;
    /** Codes of the step before and after are accepted too, for clocks that drift. */
    private static final int TOLERANCE_STEPS = 1;

    private final TimeBasedOneTimePasswordGenerator generator = new TimeBasedOneTimePasswordGenerator(STEP, DIGITS);
    private final SecureRandom random = new SecureRandom();

    /** A new 160-bit secret, base32 as authenticator apps take it. */
    public String newSecret() {
        byte[] secret = new byte[20];
        random.nextBytes(secret);
        return Base32.encode(secret);
    }

    /** The {@code otpauth://} URI that the enrolment QR code carries. */
    public String provisioningUri(String secret, String account) {
        String issuer = "Vigil";
        return "otpauth://totp/" + encode(issuer) + ":" + encode(account) + "?secret=" + secret
                + "&issuer=" + encode(issuer) + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP.toSeconds();
    }

    /** The code for the given time: used by tests and by nothing else. */
    public String codeAt(String secret, Instant time) {
        try {
            return String.format("%0" + DIGITS + "d", generator.generateOneTimePassword(key(secret), time));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The time step the code belongs to, when it is valid now (within the tolerance). */
    public OptionalLong matchingStep(String secret, String code, Instant now) {
        if (code == null) {
            return OptionalLong.empty();
        }
        String digits = code.replace(" ", "").strip();
        if (digits.length() != DIGITS || !digits.chars().allMatch(Character::isDigit)) {
            return OptionalLong.empty();
        }
        long currentStep = now.getEpochSecond() / STEP.toSeconds();
        for (int offset = -TOLERANCE_STEPS; offset <= TOLERANCE_STEPS; offset++) {
            long step = currentStep + offset;
            if (java.security.MessageDigest.isEqual(
                    codeAt(secret, Instant.ofEpochSecond(step * STEP.toSeconds())).getBytes(StandardCharsets.US_ASCII),
                    digits.getBytes(StandardCharsets.US_ASCII))) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    private static SecretKeySpec key(String secret) {
        return new SecretKeySpec(Base32.decode(secret), "HmacSHA1");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
