package eu.vigil.core.sbom;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An SBOM read into Vigil's component model, whatever its format: the document's identity, its
 * components and the dependency graph between them. Immutable.
 *
 * <p>Every {@link Dependency#from()} is the {@link Component#ref()} of a component in
 * {@link #components()}; so is every {@link Dependency#to()}, except SPDX references into other
 * documents ({@code DocumentRef-…:SPDXRef-…}).
 */
public final class Sbom {

    private final SbomFormat format;
    private final String specVersion;
    private final String serialNumber;
    private final String name;
    private final String rootRef;
    private final List<Component> components;
    private final List<Dependency> dependencies;
    private final Map<String, Component> byRef;

    /**
     * @param format never {@code null}
     * @param specVersion e.g. {@code 1.6} or {@code SPDX-2.3}; never {@code null}
     * @param serialNumber CycloneDX {@code serialNumber} or SPDX {@code documentNamespace}, or {@code null}
     * @param name SPDX document name or the CycloneDX root component's name, or {@code null}
     * @param rootRef the component the SBOM describes (CycloneDX {@code metadata.component}, the
     *        first package an SPDX document {@code DESCRIBES}), or {@code null}
     * @param components never {@code null}
     * @param dependencies never {@code null}
     */
    public Sbom(SbomFormat format, String specVersion, String serialNumber, String name, String rootRef,
            List<Component> components, List<Dependency> dependencies) {
        this.format = Objects.requireNonNull(format, "format");
        this.specVersion = Objects.requireNonNull(specVersion, "specVersion");
        this.serialNumber = serialNumber;
        this.name = name;
        this.components = List.copyOf(components);
        this.dependencies = List.copyOf(dependencies);
        Map<String, Component> index = HashMap.newHashMap(this.components.size());
        for (Component component : this.components) {
            if (index.put(component.ref(), component) != null) {
                throw new IllegalArgumentException("duplicate component ref " + component.ref());
            }
        }
        this.byRef = Collections.unmodifiableMap(index);
        if (rootRef != null && !index.containsKey(rootRef)) {
            throw new IllegalArgumentException("root " + rootRef + " is not a component");
        }
        this.rootRef = rootRef;
    }

    public SbomFormat format() {
        return format;
    }

    public String specVersion() {
        return specVersion;
    }

    public String serialNumber() {
        return serialNumber;
    }

    public String name() {
        return name;
    }

    public String rootRef() {
        return rootRef;
    }

    /** Components in document order (a parent before the components nested in it). */
    public List<Component> components() {
        return components;
    }

    public List<Dependency> dependencies() {
        return dependencies;
    }

    /** The component with this reference. */
    public Optional<Component> component(String ref) {
        return Optional.ofNullable(byRef.get(ref));
    }

    /** The root component, when the SBOM names one. */
    public Optional<Component> root() {
        return rootRef == null ? Optional.empty() : component(rootRef);
    }

    /** The references {@code ref} points at with edges of any kind, in document order. */
    public List<String> dependenciesOf(String ref) {
        List<String> targets = new ArrayList<>();
        for (Dependency dependency : dependencies) {
            if (dependency.from().equals(ref)) {
                targets.add(dependency.to());
            }
        }
        return targets;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Sbom that && format == that.format && specVersion.equals(that.specVersion)
                && Objects.equals(serialNumber, that.serialNumber) && Objects.equals(name, that.name)
                && Objects.equals(rootRef, that.rootRef) && components.equals(that.components)
                && dependencies.equals(that.dependencies);
    }

    @Override
    public int hashCode() {
        return Objects.hash(format, specVersion, serialNumber, name, rootRef, components, dependencies);
    }

    @Override
    public String toString() {
        return format + " " + specVersion + " " + (name == null ? "" : name + " ") + "(" + components.size()
                + " components, " + dependencies.size() + " dependencies)";
    }
}
