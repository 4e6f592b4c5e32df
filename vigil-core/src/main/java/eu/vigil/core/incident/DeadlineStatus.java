package eu.vigil.core.incident;

/** Where a deadline stands at a given moment. */
public enum DeadlineStatus {
    /** Not submitted, due in the future. */
    OPEN,
    /** Not submitted, and the deadline has passed. */
    OVERDUE,
    /** Submitted on or before the deadline. */
    MET,
    /** Submitted after the deadline. */
    MET_LATE,
    /** The due time cannot be known yet (final report after a progress report, before handling). */
    PENDING;

    public boolean done() {
        return this == MET || this == MET_LATE;
    }
}
