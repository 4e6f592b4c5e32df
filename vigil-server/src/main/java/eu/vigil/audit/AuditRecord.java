package eu.vigil.audit;

import java.time.Instant;
import java.util.Map;

/**
 * An entry of the chain as stored: its position, what happened, and the hashes that link it.
 *
 * @param seq       position in the chain, from 1 without gaps
 * @param prevHash  SHA-256 of the entry before (hex; 64 zeros for the first)
 * @param entryHash SHA-256 over the domain label, {@code prevHash} and this entry's fields
 */
public record AuditRecord(long seq, Instant recordedAt, String actor, String clientAddress, String action,
                          String objectType, String objectId, AuditOutcome outcome, Map<String, String> details,
                          String prevHash, String entryHash) {
}
