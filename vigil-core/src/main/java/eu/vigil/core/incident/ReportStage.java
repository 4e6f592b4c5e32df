package eu.vigil.core.incident;

/**
 * The reports NIS2 Art. 23 asks of an essential or important entity for a significant incident,
 * plus the notice to recipients of its services (Art. 23(1) and (2)).
 */
public enum ReportStage {

    EARLY_WARNING("Early warning", "NIS2 Art. 23(4)(a)", true),
    INCIDENT_NOTIFICATION("Incident notification", "NIS2 Art. 23(4)(b)", true),
    INTERMEDIATE_REPORT("Intermediate report", "NIS2 Art. 23(4)(c)", false),
    FINAL_REPORT("Final report", "NIS2 Art. 23(4)(d)", true),
    PROGRESS_REPORT("Progress report", "NIS2 Art. 23(4)(e)", true),
    RECIPIENT_NOTICE("Notice to recipients of the service", "NIS2 Art. 23(1) and (2)", false);

    private final String title;
    private final String legalReference;
    private final boolean clocked;

    ReportStage(String title, String legalReference, boolean clocked) {
        this.title = title;
        this.legalReference = legalReference;
        this.clocked = clocked;
    }

    public String title() {
        return title;
    }

    public String legalReference() {
        return legalReference;
    }

    /** Whether the stage has a fixed deadline (the intermediate report and the notice have none). */
    public boolean clocked() {
        return clocked;
    }
}
