package eu.vigil.compliance;

import java.time.LocalDate;
import java.util.Optional;

/** How often evidence must be renewed; each piece of evidence opens the request for the next. */
public enum Recurrence {
    NONE(0), MONTHLY(1), QUARTERLY(3), SEMIANNUAL(6), YEARLY(12);

    private final int months;

    Recurrence(int months) {
        this.months = months;
    }

    /** When the next evidence is due after evidence that speaks for {@code speaksFor}; empty for NONE. */
    public Optional<LocalDate> nextDue(LocalDate speaksFor) {
        return months == 0 ? Optional.empty() : Optional.of(speaksFor.plusMonths(months));
    }
}
