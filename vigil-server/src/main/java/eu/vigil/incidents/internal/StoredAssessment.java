package eu.vigil.incidents.internal;

import java.util.List;

import eu.vigil.core.incident.Criterion;

/** What is stored of a significance assessment: the facts entered and the engine's full answer. */
public record StoredAssessment(SignificanceInput input, boolean significant, List<Criterion> fired, boolean excluded,
                               List<String> notes) {

    public StoredAssessment {
        fired = fired == null ? List.of() : List.copyOf(fired);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }
}
