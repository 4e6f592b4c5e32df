package eu.vigil.audit;

import java.util.Optional;

/** Checks and anchors the chain. */
public interface AuditIntegrity {

    /** Verifies the whole chain, the head and all checkpoints; reports the first broken entry. */
    ChainVerification verify();

    /** Chains what is pending now (normally a background thread does it within moments). */
    long chainPending();

    /**
     * Signs the newest entry's hash (Ed25519, key purpose {@code audit.checkpoint}) when the chain
     * has grown since the last checkpoint.
     */
    Optional<Checkpoint> checkpoint();

    record Checkpoint(long seq, String entryHash, java.time.Instant signedAt, String keyId) {
    }
}
