package eu.vigil.incidents.internal;

import java.time.Instant;
import java.util.List;

/**
 * The stored significance of an incident: the facts assessed (JSON of {@link SignificanceInput}),
 * the engine's result, and a person's override with its reason.
 */
public record Significance(String factsJson, Boolean assessedSignificant, List<String> criteria, Instant assessedAt,
                           String assessedBy, Boolean overrideSignificant, String overrideReason, String overrideBy,
                           Instant overrideAt) {

    public Significance {
        criteria = criteria == null ? List.of() : List.copyOf(criteria);
    }

    public boolean assessed() {
        return assessedSignificant != null;
    }

    public boolean overridden() {
        return overrideSignificant != null;
    }

    public Verdict verdict() {
        Boolean value = overrideSignificant != null ? overrideSignificant : assessedSignificant;
        return value == null ? Verdict.UNDETERMINED : value ? Verdict.SIGNIFICANT : Verdict.NOT_SIGNIFICANT;
    }

    /** Significant on its own, not only as one of several recurring incidents (for Art. 4 of the Regulation). */
    public boolean individuallySignificant() {
        if (overrideSignificant != null) {
            return overrideSignificant;
        }
        return Boolean.TRUE.equals(assessedSignificant) && criteria.stream().anyMatch(c -> !c.equals("IR2690-3.1.f"));
    }
}
