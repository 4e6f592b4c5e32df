package eu.vigil.incidents.internal;

/** The significance in force: assessed, overridden by a person, or not yet known. */
public enum Verdict {
    SIGNIFICANT("Significant"),
    NOT_SIGNIFICANT("Not significant"),
    UNDETERMINED("Not yet assessed");

    private final String title;

    Verdict(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** Whether the Art. 23 clock must be watched: significant, or not yet known to be otherwise. */
    public boolean reportingMayBeRequired() {
        return this != NOT_SIGNIFICANT;
    }
}
