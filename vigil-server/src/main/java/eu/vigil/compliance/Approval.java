package eu.vigil.compliance;

import java.time.Instant;

/**
 * A management approval of one assessment version (NIS2 Art. 20(1)): an audited, signed record.
 *
 * @param digest          SHA-256 (hex) of the approved content: the assessment, every result and the open actions
 * @param signature       base64 signature over the approval record (assessment id, version, digest, approver, time,
 *                        comment) made with the installation's {@code compliance.approval} signing key, or {@code null}
 *                        for approvals recorded before approvals were signed
 * @param signatureKeyId  the id of the signing key (its public key is exportable from the keys page)
 * @param signatureStatus the signature checked against the stored record when read: {@code valid}, {@code INVALID}
 *                        (the record or signature was altered) or {@code unsigned}
 */
public record Approval(long id, long assessmentId, int assessmentVersion, String digest, String signature,
                       String signatureKeyId, String approvedBy, Instant approvedAt, String comment,
                       String signatureStatus) {

    public static final String VALID = "valid";
    public static final String INVALID = "INVALID";
    public static final String UNSIGNED = "unsigned";

    public boolean signatureValid() {
        return VALID.equals(signatureStatus);
    }

    public Approval withSignatureStatus(String status) {
        return new Approval(id, assessmentId, assessmentVersion, digest, signature, signatureKeyId, approvedBy,
                approvedAt, comment, status);
    }
}
