package eu.vigil.compliance.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import eu.vigil.compliance.Approval;
import eu.vigil.keys.SigningKeys;
import org.springframework.stereotype.Component;

/**
 * Signs management approvals with the installation's {@value #PURPOSE} key (Ed25519, held by the
 * {@code keys} module) and checks them when they are shown or exported. What is signed is the
 * approval record itself in one canonical form (see {@link #canonical(Approval)}), so changing any
 * of its stored fields — the version, the digest of the approved content, the approver, the time or
 * the comment — makes the signature INVALID.
 */
@Component
public class ApprovalSignatures {

    public static final String PURPOSE = "compliance.approval";

    private final SigningKeys keys;

    ApprovalSignatures(SigningKeys keys) {
        this.keys = keys;
    }

    /** A signature and the id of the key that made it. */
    public record Signature(String keyId, String value) {
    }

    public Signature sign(Approval approval) {
        SigningKeys.Signed signed = keys.sign(PURPOSE, SigningKeys.Algorithm.ED25519, canonical(approval));
        return new Signature(signed.keyId(), Base64.getEncoder().encodeToString(signed.signature()));
    }

    /** The approval with its {@link Approval#signatureStatus()} set from checking the stored signature. */
    public Approval checked(Approval approval) {
        if (approval.signature() == null || approval.signatureKeyId() == null) {
            return approval.withSignatureStatus(Approval.UNSIGNED);
        }
        boolean valid;
        try {
            valid = keys.verify(approval.signatureKeyId(), canonical(approval),
                    Base64.getDecoder().decode(approval.signature()));
        } catch (IllegalArgumentException e) {
            valid = false; // not base64: altered
        }
        return approval.withSignatureStatus(valid ? Approval.VALID : Approval.INVALID);
    }

    /**
     * The signed bytes: a versioned header and one {@code name<TAB>value} line per field, with TAB,
     * line breaks and backslash escaped, the time as ISO-8601 UTC.
     */
    public static byte[] canonical(Approval approval) {
        StringBuilder out = new StringBuilder("vigil-approval/1\n");
        field(out, "assessment", Long.toString(approval.assessmentId()));
        field(out, "version", Integer.toString(approval.assessmentVersion()));
        field(out, "sha256", approval.digest());
        field(out, "approvedBy", approval.approvedBy());
        field(out, "approvedAt", approval.approvedAt().toString());
        field(out, "comment", approval.comment() == null ? "" : approval.comment());
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void field(StringBuilder out, String name, String value) {
        out.append(name).append('\t').append(value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
                .replace("\r", "\\r")).append('\n');
    }
}
