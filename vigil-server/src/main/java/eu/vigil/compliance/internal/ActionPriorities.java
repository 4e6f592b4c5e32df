package eu.vigil.compliance.internal;

import eu.vigil.core.catalogue.Obligation;
import eu.vigil.core.catalogue.Requirement;

/**
 * The priority of a gap, from how far it falls short and how binding the requirement is: nothing in
 * place (maturity 0) or two levels short is HIGH; a recommendation one level short is LOW; every
 * other gap is MEDIUM.
 */
public final class ActionPriorities {

    private ActionPriorities() {
    }

    public static String of(Requirement requirement, int effectiveMaturity, int target) {
        if (effectiveMaturity == 0 || target - effectiveMaturity >= 2) {
            return "HIGH";
        }
        return requirement.obligation() == Obligation.RECOMMENDED ? "LOW" : "MEDIUM";
    }
}
