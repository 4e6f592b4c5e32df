package eu.vigil.core.sbom;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import eu.vigil.core.InvalidInputException;

/**
 * Collects what a reader finds (components in document order, raw edges, the root) and turns it
 * into an {@link Sbom}: generates missing refs, refuses duplicates and keeps only edges between
 * known components.
 */
final class SbomAssembly {

    private final List<ComponentDraft> components = new ArrayList<>();
    private final Set<Dependency> edges = new LinkedHashSet<>();
    private final List<String> rootCandidates = new ArrayList<>();
    private ComponentDraft rootDraft;

    void add(ComponentDraft component) {
        components.add(component);
    }

    void edge(String from, String to, Dependency.Kind kind) {
        edges.add(new Dependency(from, to, kind));
    }

    void root(ComponentDraft component) {
        rootDraft = component;
    }

    /** A ref that may name the root; the first that is a component wins. */
    void rootCandidate(String ref) {
        rootCandidates.add(ref);
    }

    Sbom build(SbomFormat format, String specVersion, String serialNumber, String name) {
        Set<String> refs = new HashSet<>();
        for (ComponentDraft component : components) {
            if (component.ref != null && !refs.add(component.ref)) {
                throw new InvalidInputException("the reference '" + component.ref
                        + "' is used by more than one component; references must be unique");
            }
        }
        int generated = 0;
        for (ComponentDraft component : components) {
            if (component.ref == null) {
                String ref;
                do {
                    ref = "vigil:component-" + ++generated;
                } while (refs.contains(ref));
                component.ref = ref;
                refs.add(ref);
            }
        }
        List<Component> built = new ArrayList<>(components.size());
        for (ComponentDraft component : components) {
            built.add(component.build());
        }
        List<Dependency> kept = new ArrayList<>();
        for (Dependency edge : edges) {
            if (refs.contains(edge.from()) && (refs.contains(edge.to()) || edge.to().startsWith("DocumentRef-"))
                    && !edge.from().equals(edge.to())) {
                kept.add(edge);
            }
        }
        String rootRef = rootDraft == null ? null : rootDraft.ref;
        for (int i = 0; rootRef == null && i < rootCandidates.size(); i++) {
            if (refs.contains(rootCandidates.get(i))) {
                rootRef = rootCandidates.get(i);
            }
        }
        if (name == null && rootDraft != null) {
            name = rootDraft.name;
        }
        return new Sbom(format, specVersion, serialNumber, name, rootRef, built, kept);
    }
}
