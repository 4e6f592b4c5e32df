package eu.vigil.compliance.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;

import eu.vigil.compliance.Assessment;
import eu.vigil.compliance.PlannedAction;
import eu.vigil.compliance.RequirementResult;

/**
 * The content a management approval covers, in one canonical text form (one line per fact, results
 * sorted by requirement id, fields separated by TAB with TAB and line breaks escaped), and its
 * SHA-256 digest. The same assessment version always gives the same bytes.
 */
public final class ApprovedContent {

    private ApprovedContent() {
    }

    public static byte[] canonical(Assessment assessment, Collection<RequirementResult> results,
                                   Collection<PlannedAction> openActions) {
        StringBuilder out = new StringBuilder("vigil-assessment-approval/1\n");
        line(out, "assessment", assessment.id(), assessment.version(), assessment.title(), assessment.scopeKind(),
                assessment.productName(), String.join(",", assessment.catalogues()), assessment.targetMaturity(),
                assessment.profileVersion(), assessment.classification());
        results.stream().sorted(Comparator.comparing(RequirementResult::requirementId)).forEach(r -> line(out,
                "result", r.requirementId(), r.applicable(), r.justification(), r.status(), r.maturity(), r.owner(),
                r.dueDate(), r.notes()));
        openActions.stream().sorted(Comparator.comparing(PlannedAction::requirementId)).forEach(a -> line(out,
                "action", a.requirementId(), a.priority(), a.owner(), a.dueDate(), a.status()));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static void line(StringBuilder out, String kind, Object... fields) {
        out.append(kind);
        for (Object field : fields) {
            String text = field == null ? "" : field.toString();
            out.append('\t').append(text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
                    .replace("\r", "\\r"));
        }
        out.append('\n');
    }
}
