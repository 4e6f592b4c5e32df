package eu.vigil.compliance.internal;

import java.util.Optional;

/**
 * Seam for signing management approvals. Today no signing key exists in Vigil, so approvals carry
 * the SHA-256 digest of the approved content and no signature. When the {@code keys} module lands,
 * an implementation of this interface signs {@code content} with the installation's signing key
 * (replacing {@link Unsigned}); nothing else changes.
 */
public interface ApprovalSignatures {

    /** A signature over the canonical approved content, or empty when approvals are not signed. */
    Optional<String> sign(byte[] content);

    /** No signing key yet: approvals are recorded with their digest only. */
    @org.springframework.stereotype.Component
    final class Unsigned implements ApprovalSignatures {
        @Override
        public Optional<String> sign(byte[] content) {
            return Optional.empty();
        }
    }
}
