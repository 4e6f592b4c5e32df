package eu.vigil.core.incident;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What each report stage must hold under NIS2 Art. 23(4) (and Art. 23(1)/(2) for the notice to
 * recipients). Items the law asks for "where applicable" or "where available" are still asked, but
 * only the core of each stage is mandatory; the yes/no/unknown answers count as given when
 * "unknown" is chosen, which is honest early on.
 */
public final class ReportTemplate {

    public static final List<String> CHOICES = List.of("yes", "no", "unknown");

    private static final Map<ReportStage, List<ReportField>> FIELDS = new EnumMap<>(ReportStage.class);

    static {
        ReportField summary = new ReportField("summary", "Summary of the incident", true, false, "NIS2 Art. 23(4)(a)");
        ReportField malicious = new ReportField("suspectedMalicious",
                "Suspected to be caused by unlawful or malicious acts", true, true, "NIS2 Art. 23(4)(a)");
        ReportField crossBorder = new ReportField("crossBorderImpact", "Could have a cross-border impact", true, true,
                "NIS2 Art. 23(1) and 23(4)(a)");
        FIELDS.put(ReportStage.EARLY_WARNING, List.of(summary, malicious, crossBorder));
        FIELDS.put(ReportStage.INCIDENT_NOTIFICATION, List.of(summary, malicious, crossBorder,
                new ReportField("initialAssessment", "Initial assessment of the incident", true, false, "NIS2 Art. 23(4)(b)"),
                new ReportField("severity", "Severity", true, false, "NIS2 Art. 23(4)(b)"),
                new ReportField("impact", "Impact", true, false, "NIS2 Art. 23(4)(b)"),
                new ReportField("indicatorsOfCompromise", "Indicators of compromise, where available", false, false,
                        "NIS2 Art. 23(4)(b)")));
        FIELDS.put(ReportStage.INTERMEDIATE_REPORT, List.of(
                new ReportField("statusUpdate", "Relevant status updates", true, false, "NIS2 Art. 23(4)(c)")));
        FIELDS.put(ReportStage.FINAL_REPORT, List.of(
                new ReportField("detailedDescription", "Detailed description of the incident", true, false, "NIS2 Art. 23(4)(d)(i)"),
                new ReportField("severityAndImpact", "Severity and impact", true, false, "NIS2 Art. 23(4)(d)(i)"),
                new ReportField("rootCause", "Type of threat or root cause that likely triggered the incident", true, false,
                        "NIS2 Art. 23(4)(d)(ii)"),
                new ReportField("mitigation", "Applied and ongoing mitigation measures", true, false, "NIS2 Art. 23(4)(d)(iii)"),
                new ReportField("crossBorderImpactDescription", "Cross-border impact, where applicable", false, false,
                        "NIS2 Art. 23(4)(d)(iv)")));
        FIELDS.put(ReportStage.PROGRESS_REPORT, List.of(
                new ReportField("progress", "Progress in handling the incident", true, false, "NIS2 Art. 23(4)(e)"),
                new ReportField("mitigation", "Applied and ongoing mitigation measures", false, false, "NIS2 Art. 23(4)(e)"),
                new ReportField("expectedResolution", "Expected handling of the incident", false, false, "NIS2 Art. 23(4)(e)")));
        FIELDS.put(ReportStage.RECIPIENT_NOTICE, List.of(
                new ReportField("audience", "Recipients of the service addressed", true, false, "NIS2 Art. 23(1)"),
                new ReportField("message", "What happened and how the service is affected", true, false, "NIS2 Art. 23(1)"),
                new ReportField("measures", "Measures or remedies recipients can take", false, false, "NIS2 Art. 23(2)")));
    }

    private ReportTemplate() {
    }

    public static List<ReportField> fields(ReportStage stage) {
        return FIELDS.get(stage);
    }

    /** The mandatory fields that are blank, or (for a choice) not one of yes, no, unknown; in template order. */
    public static List<ReportField> missing(ReportStage stage, Map<String, String> content) {
        List<ReportField> missing = new ArrayList<>();
        for (ReportField field : fields(stage)) {
            String value = content.get(field.key());
            boolean blank = value == null || value.isBlank();
            if ((field.mandatory() && blank) || (field.choice() && !blank && !CHOICES.contains(value.strip()))) {
                missing.add(field);
            }
        }
        return missing;
    }
}
