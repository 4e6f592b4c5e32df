package eu.vigil.core.cra;

/** The reports of CRA Art. 14(2) for an actively exploited vulnerability, in order. */
public enum CraStage {
    /** Art. 14(2)(a): within 24 hours of becoming aware. */
    EARLY_WARNING("Early warning", "cra.vuln.early_warning"),
    /** Art. 14(2)(b): within 72 hours of becoming aware. */
    VULNERABILITY_NOTIFICATION("Vulnerability notification", "cra.vuln.notification"),
    /** Art. 14(2)(c): within 14 days after a corrective or mitigating measure is available. */
    FINAL_REPORT("Final report", "cra.vuln.final");

    private final String title;
    private final String code;

    CraStage(String title, String code) {
        this.title = title;
        this.code = code;
    }

    public String title() {
        return title;
    }

    /** A stable code for documents and notices. */
    public String code() {
        return code;
    }
}
