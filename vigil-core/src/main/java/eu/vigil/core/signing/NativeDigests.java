package eu.vigil.core.signing;

import java.security.MessageDigest;

/**
 * SHA-256 and SHA-512 from the system's libcrypto (OpenSSL 3), where this Java can call it.
 * This is the Java 21 version: it has no foreign-function interface, so it offers nothing and
 * callers use the JDK's digests. The multi-release jar carries a Java 22+ version
 * ({@code META-INF/versions/22}) that calls {@code EVP_Digest*} through {@code java.lang.foreign}:
 * openssl's SHA-NI code is faster than the JDK's intrinsic over large files, and a memory-mapped
 * file is hashed in place.
 */
final class NativeDigests {

    private NativeDigests() {
    }

    /** A native digest ({@code "SHA-256"} or {@code "SHA-512"}), or {@code null} when there is none. */
    static MessageDigest create(String algorithm) {
        return null;
    }

    /** Where digests come from: {@code "jdk"} here. */
    static String source() {
        return "jdk";
    }
}
