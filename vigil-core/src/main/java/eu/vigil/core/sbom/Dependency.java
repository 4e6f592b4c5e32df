package eu.vigil.core.sbom;

import java.util.Objects;

/**
 * A directed edge of the dependency graph: {@code from} depends on, or contains, {@code to}.
 *
 * <p>CycloneDX {@code dependencies} become {@link Kind#DEPENDS_ON}. SPDX relationships are turned so
 * that they point from the dependent to the dependency: {@code DEPENDS_ON}, {@code *_DEPENDENCY_OF}
 * (reversed), {@code STATIC_LINK}, {@code DYNAMIC_LINK} and {@code HAS_PREREQUISITE} become
 * {@link Kind#DEPENDS_ON}; {@code CONTAINS}, {@code CONTAINED_BY} (reversed) and {@code PACKAGE_OF}
 * (reversed) become {@link Kind#CONTAINS}. Other relationship types say nothing about what a product
 * ships and are not kept.
 *
 * @param from reference of the dependent component, never {@code null}
 * @param to reference of the dependency: a component of the same SBOM, or an SPDX
 *        {@code DocumentRef-…:SPDXRef-…} element of another document; never {@code null}
 * @param kind never {@code null}
 */
public record Dependency(String from, String to, Kind kind) {

    /** What the edge means. */
    public enum Kind {
        /** {@code from} needs {@code to} (to build, to link or to run). */
        DEPENDS_ON,
        /** {@code from} ships {@code to} inside it. */
        CONTAINS
    }

    public Dependency {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(kind, "kind");
    }
}
