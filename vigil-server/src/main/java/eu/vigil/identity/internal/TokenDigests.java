package eu.vigil.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random one-time secrets (activation links, API tokens, recovery codes) and their stored form.
 * They carry at least 128 bits of randomness, so a plain SHA-256 is a safe stored form; passwords,
 * which people choose, get Argon2id instead.
 */
final class TokenDigests {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenDigests() {
    }

    static String newToken(int bytes) {
        byte[] raw = new byte[bytes];
        RANDOM.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A recovery code: 16 base32 characters (80 bits) in groups of four. */
    static String newRecoveryCode() {
        byte[] raw = new byte[10];
        RANDOM.nextBytes(raw);
        String code = Base32.encode(raw);
        return code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8, 12) + "-" + code.substring(12, 16);
    }

    static String normalizeRecoveryCode(String code) {
        return code == null ? "" : code.replace("-", "").replace(" ", "").toUpperCase(java.util.Locale.ROOT);
    }
}
