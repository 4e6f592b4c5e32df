package eu.vigil.core.incident;

import java.util.List;

/**
 * The outcome of a significance assessment.
 *
 * @param significant whether the incident is significant: at least one criterion fired and no
 *                    exclusion applies
 * @param fired       every criterion that fired, in legal order
 * @param excluded    whether Art. 3(2) of the Implementing Regulation took the incident out
 *                    (scheduled interruption or planned consequence of scheduled maintenance)
 * @param notes       remarks for the person reviewing: facts missing, rules not applied and why
 */
public record SignificanceAssessment(boolean significant, List<Criterion> fired, boolean excluded, List<String> notes) {

    public SignificanceAssessment {
        fired = List.copyOf(fired);
        notes = List.copyOf(notes);
    }

    public List<String> codes() {
        return fired.stream().map(Criterion::code).toList();
    }
}
