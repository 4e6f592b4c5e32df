package eu.vigil.incidents.internal;

/** Where the handling of an incident stands. Resolved and closed incidents count as handled. */
public enum IncidentStatus {
    OPEN("Open"),
    CONTAINED("Contained"),
    RESOLVED("Resolved"),
    CLOSED("Closed");

    private final String title;

    IncidentStatus(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    public boolean handled() {
        return this == RESOLVED || this == CLOSED;
    }
}
