package eu.vigil.core.sbom;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import eu.vigil.core.InvalidInputException;

/**
 * What the SPDX JSON and tag-value readers collect, and the SPDX rules they share: supported
 * versions, package fields, external references and how relationships become the dependency graph.
 */
final class SpdxDocument {

    private static final Set<String> VERSIONS = Set.of("SPDX-2.2", "SPDX-2.3");

    private static final Set<String> DEPENDS_ON = Set.of("DEPENDS_ON", "STATIC_LINK", "DYNAMIC_LINK",
            "HAS_PREREQUISITE");
    private static final Set<String> DEPENDENCY_OF = Set.of("DEPENDENCY_OF", "BUILD_DEPENDENCY_OF",
            "DEV_DEPENDENCY_OF", "OPTIONAL_DEPENDENCY_OF", "PROVIDED_DEPENDENCY_OF", "TEST_DEPENDENCY_OF",
            "RUNTIME_DEPENDENCY_OF", "PREREQUISITE_FOR");

    private record Relationship(String from, String type, String to) {
    }

    private final SbomAssembly assembly = new SbomAssembly();
    private final List<ComponentDraft> packages = new ArrayList<>();
    private final List<Relationship> relationships = new ArrayList<>();
    private final List<String> describes = new ArrayList<>();
    String version;
    String id;
    String name;
    String namespace;

    void version(String value) {
        if (!VERSIONS.contains(value)) {
            throw new InvalidInputException("unsupported SPDX version '" + value + "': Vigil reads SPDX-2.2 and SPDX-2.3");
        }
        version = value;
    }

    void describes(String ref) {
        describes.add(ref);
    }

    void relationship(String from, String type, String to) {
        if (from == null || from.isBlank() || type == null || type.isBlank() || to == null || to.isBlank()) {
            throw new InvalidInputException("a relationship needs an element, a type and a related element");
        }
        relationships.add(new Relationship(from.strip(), type.strip().toUpperCase(Locale.ROOT), to.strip()));
    }

    /** Adds a package; its SPDXID is checked when the document is complete (tag-value gives it later). */
    void addPackage(ComponentDraft component) {
        packages.add(component);
    }

    /** One external reference of a package: a purl or a CPE is kept, others are not modelled. */
    static void externalRef(ComponentDraft component, String category, String type, String locator) {
        if (category == null || type == null || locator == null || locator.isBlank()) {
            throw new InvalidInputException("an external reference of package " + component.describe()
                    + " needs a category, a type and a locator");
        }
        String normalisedCategory = category.strip().toUpperCase(Locale.ROOT).replace('_', '-');
        if (normalisedCategory.equals("PACKAGE-MANAGER") && type.strip().equals("purl")) {
            if (component.purl == null) {
                component.purl = locator.strip();
            }
        } else if (normalisedCategory.equals("SECURITY")
                && (type.strip().equals("cpe23Type") || type.strip().equals("cpe22Type"))) {
            component.cpes.add(locator.strip());
        }
    }

    /** A supplier as given, without the {@code Organization:} or {@code Person:} prefix. */
    static String supplier(String value) {
        if (value == null || value.isBlank() || value.strip().equals("NOASSERTION")) {
            return null;
        }
        String supplier = value.strip();
        for (String prefix : List.of("Organization:", "Person:", "Tool:")) {
            if (supplier.startsWith(prefix)) {
                return supplier.substring(prefix.length()).strip();
            }
        }
        return supplier;
    }

    /** A concluded or declared license; NOASSERTION and NONE say nothing and are not kept. */
    static void license(ComponentDraft component, String value) {
        if (value != null && !value.strip().equals("NOASSERTION") && !value.strip().equals("NONE")) {
            component.addLicense(value);
        }
    }

    /** {@code primaryPackagePurpose} as a lowercase type like CycloneDX's ({@code operating-system}). */
    static String type(String purpose) {
        return purpose == null || purpose.isBlank() ? null
                : purpose.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    Sbom build(SbomFormat format) {
        if (version == null) {
            throw new InvalidInputException("the SPDX version is missing (SPDXVersion / spdxVersion)");
        }
        for (ComponentDraft component : packages) {
            if (component.ref == null || component.ref.isBlank()) {
                throw new InvalidInputException("the package " + component.describe() + " has no SPDXID");
            }
            if (!component.ref.startsWith("SPDXRef-")) {
                throw new InvalidInputException("the SPDXID '" + component.ref + "' must start with 'SPDXRef-'");
            }
            assembly.add(component);
        }
        describes.forEach(assembly::rootCandidate);
        for (Relationship relationship : relationships) {
            String type = relationship.type();
            String from = relationship.from();
            String to = relationship.to();
            if (type.equals("DESCRIBES") && from.equals(id)) {
                assembly.rootCandidate(to);
            } else if (type.equals("DESCRIBED_BY") && to.equals(id)) {
                assembly.rootCandidate(from);
            } else if (DEPENDS_ON.contains(type)) {
                assembly.edge(from, to, Dependency.Kind.DEPENDS_ON);
            } else if (DEPENDENCY_OF.contains(type)) {
                assembly.edge(to, from, Dependency.Kind.DEPENDS_ON);
            } else if (type.equals("CONTAINS")) {
                assembly.edge(from, to, Dependency.Kind.CONTAINS);
            } else if (type.equals("CONTAINED_BY") || type.equals("PACKAGE_OF")) {
                assembly.edge(to, from, Dependency.Kind.CONTAINS);
            }
        }
        return assembly.build(format, version, namespace, name);
    }
}
