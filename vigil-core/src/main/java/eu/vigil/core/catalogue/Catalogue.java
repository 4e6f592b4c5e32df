package eu.vigil.core.catalogue;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A versioned catalogue of requirements, in document order (a heading before what it groups).
 *
 * @param id short lowercase id, the prefix of every requirement id, e.g. {@code ir2690}
 * @param version the catalogue content version
 * @param title display title
 * @param source the legal act or standard it renders, with its version or date
 * @param requirements the requirements and headings
 */
public record Catalogue(String id, String version, String title, String source, List<Requirement> requirements) {

    public Catalogue {
        requirements = List.copyOf(requirements);
    }

    public Optional<Requirement> requirement(String requirementId) {
        return requirements.stream().filter(r -> r.id().equals(requirementId)).findFirst();
    }

    /** The requirements whose parent is {@code requirementId}, in document order. */
    public List<Requirement> children(String requirementId) {
        return requirements.stream().filter(r -> requirementId.equals(r.parent())).toList();
    }

    /** How many requirements an assessment rates. */
    @JsonIgnore
    public long assessableCount() {
        return requirements.stream().filter(Requirement::assessable).count();
    }
}
