package eu.vigil.compliance;

import java.time.Instant;

/**
 * A management approval of one assessment version (NIS2 Art. 20(1)).
 *
 * @param digest    SHA-256 (hex) of the approved content: the assessment, every result and the open actions
 * @param signature a signature over the approved content, or {@code null} until the keys module signs approvals
 */
public record Approval(long id, long assessmentId, int assessmentVersion, String digest, String signature,
                       String approvedBy, Instant approvedAt, String comment) {
}
