package eu.vigil.core.catalogue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Catalogues that were read and checked together, so that their cross references resolve.
 * Equivalence is symmetric: if A lists B as equivalent, B's equivalents include A.
 */
public final class CatalogueSet {

    private final Map<String, Catalogue> catalogues = new LinkedHashMap<>();
    private final Map<String, Requirement> requirements = new LinkedHashMap<>();
    private final Map<String, Set<String>> equivalents = new LinkedHashMap<>();
    private final Map<String, Catalogue> catalogueByRequirement = new LinkedHashMap<>();

    CatalogueSet(List<Catalogue> catalogues) {
        for (Catalogue catalogue : catalogues) {
            this.catalogues.put(catalogue.id(), catalogue);
            for (Requirement requirement : catalogue.requirements()) {
                requirements.put(requirement.id(), requirement);
                catalogueByRequirement.put(requirement.id(), catalogue);
            }
        }
        for (Requirement requirement : requirements.values()) {
            for (String other : requirement.equivalents()) {
                equivalents.computeIfAbsent(requirement.id(), id -> new LinkedHashSet<>()).add(other);
                equivalents.computeIfAbsent(other, id -> new LinkedHashSet<>()).add(requirement.id());
            }
        }
    }

    /** The catalogues in the order they were given. */
    public List<Catalogue> catalogues() {
        return List.copyOf(catalogues.values());
    }

    public Optional<Catalogue> catalogue(String id) {
        return Optional.ofNullable(catalogues.get(id));
    }

    /** A requirement of any catalogue in the set. */
    public Optional<Requirement> requirement(String id) {
        return Optional.ofNullable(requirements.get(id));
    }

    /** The catalogue a requirement id belongs to. */
    public Optional<Catalogue> catalogueOf(String requirementId) {
        return Optional.ofNullable(catalogueByRequirement.get(requirementId));
    }

    /** Requirements of other catalogues equivalent to this one, in both directions of the mapping. */
    public List<Requirement> equivalentsOf(String requirementId) {
        List<Requirement> result = new ArrayList<>();
        for (String id : equivalents.getOrDefault(requirementId, Set.of())) {
            requirement(id).ifPresent(result::add);
        }
        return result;
    }

    /** Requirements of other catalogues that detail this one (they list it under {@code implements}). */
    public List<Requirement> detailedBy(String requirementId) {
        return requirements.values().stream().filter(r -> r.implementsRequirements().contains(requirementId)).toList();
    }

    /** Every requirement id, for cross-reference checks. */
    Set<String> requirementIds() {
        return requirements.keySet();
    }

    /** This set with {@code catalogue} added, replacing a catalogue of the same id. */
    CatalogueSet with(Catalogue catalogue) {
        List<Catalogue> list = new ArrayList<>(catalogues.values());
        list.removeIf(c -> c.id().equals(catalogue.id()));
        list.add(catalogue);
        return new CatalogueSet(list);
    }
}
