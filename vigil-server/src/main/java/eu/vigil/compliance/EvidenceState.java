package eu.vigil.compliance;

/** Whether a requirement's evidence is in order on a given day. */
public enum EvidenceState {
    /** No evidence and none asked for. */
    NONE,
    /** Current evidence, no request overdue. */
    CURRENT,
    /** All evidence has passed its validity date. */
    EXPIRED,
    /** A recurring request for the next evidence is past its due date. */
    OVERDUE;

    /** Expired or overdue evidence caps the maturity counted in roll-ups at 1 (ad hoc). */
    public boolean lowersStatus() {
        return this == EXPIRED || this == OVERDUE;
    }
}
