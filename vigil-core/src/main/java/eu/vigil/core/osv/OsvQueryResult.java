package eu.vigil.core.osv;

import java.util.List;

/** What the index knows about one package version: matches, and records it could not evaluate. */
public record OsvQueryResult(List<OsvMatch> matches, List<OsvUnevaluated> unevaluated) {

    public OsvQueryResult {
        matches = List.copyOf(matches);
        unevaluated = List.copyOf(unevaluated);
    }

    /** Whether no vulnerability matched. */
    public boolean isEmpty() {
        return matches.isEmpty();
    }
}
