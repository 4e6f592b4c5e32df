package eu.vigil.psirt.internal;

import java.time.Instant;

/** One service-level timer of a case: what, due when, met when (null while open). */
public record SlaTimer(String name, Instant due, Instant metAt) {

    public boolean overdue(Instant now) {
        return metAt == null ? now.isAfter(due) : metAt.isAfter(due);
    }
}
