package eu.vigil.vulndb;

import eu.vigil.core.osv.OsvPackageRef;

import java.util.List;
import java.util.Set;

/**
 * Records were added, changed or withdrawn by an import batch that has committed. Listeners
 * re-match only the packages named here.
 *
 * @param vulnerabilityIds the ids of the records that changed
 * @param packages         every package those records name now or named before the change
 */
public record VulnerabilitiesChanged(List<String> vulnerabilityIds, Set<OsvPackageRef> packages) {

    public VulnerabilitiesChanged {
        vulnerabilityIds = List.copyOf(vulnerabilityIds);
        packages = Set.copyOf(packages);
    }
}
