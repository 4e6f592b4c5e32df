package eu.vigil.incidents.internal;

import java.time.Instant;
import java.time.LocalDate;

/** An exercise of a plan: when, what scenario, who took part, what was learnt and what follows. */
public record ContinuityDrill(long id, Long planId, LocalDate heldOn, String scenario, String participants,
                              String lessons, String followUps, Instant createdAt, String createdBy) {
}
