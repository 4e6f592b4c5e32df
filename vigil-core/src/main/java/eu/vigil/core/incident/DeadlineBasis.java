package eu.vigil.core.incident;

/** What a deadline is counted from, so that a reader can check it. */
public enum DeadlineBasis {

    /** Counted in hours from the moment the entity became aware of the significant incident. */
    AWARENESS("from becoming aware"),
    /** One calendar month from the submission of the incident notification. */
    NOTIFICATION_SUBMITTED("one month after the incident notification was submitted"),
    /**
     * One calendar month from the notification deadline, because the notification has not been
     * submitted yet: the latest the final report can fall due. Submitting the notification earlier
     * brings it forward.
     */
    NOTIFICATION_DEADLINE("provisional: one month after the notification deadline (notification not yet submitted)"),
    /** One calendar month after the incident was handled, after a progress report. */
    HANDLING("one month after the incident was handled");

    private final String description;

    DeadlineBasis(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
