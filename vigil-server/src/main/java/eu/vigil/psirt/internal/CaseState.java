package eu.vigil.psirt.internal;

import java.util.Set;

/** The life of a PSIRT case; rejected and duplicate end it without a fix. */
public enum CaseState {
    RECEIVED("Received"), TRIAGED("Triaged"), IN_REMEDIATION("In remediation"), FIXED("Fixed"),
    DISCLOSED("Disclosed"), REJECTED("Rejected"), DUPLICATE("Duplicate");

    private final String title;

    CaseState(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** The states a case may move to from this one. */
    public Set<CaseState> next() {
        return switch (this) {
            case RECEIVED -> Set.of(TRIAGED, REJECTED, DUPLICATE);
            case TRIAGED -> Set.of(IN_REMEDIATION, FIXED, REJECTED, DUPLICATE);
            case IN_REMEDIATION -> Set.of(FIXED, TRIAGED);
            case FIXED -> Set.of(DISCLOSED, IN_REMEDIATION);
            case DISCLOSED, REJECTED, DUPLICATE -> Set.of();
        };
    }

    public boolean closed() {
        return this == DISCLOSED || this == REJECTED || this == DUPLICATE;
    }
}
