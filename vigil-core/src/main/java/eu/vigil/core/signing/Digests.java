package eu.vigil.core.signing;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The digests signatures use: libcrypto's where this Java can call it (see {@link NativeDigests}), else the JDK's. */
final class Digests {

    private Digests() {
    }

    static MessageDigest sha256() {
        return of("SHA-256");
    }

    static MessageDigest sha512() {
        return of("SHA-512");
    }

    private static MessageDigest of(String algorithm) {
        MessageDigest digest = NativeDigests.create(algorithm);
        if (digest != null) {
            return digest;
        }
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }
}
