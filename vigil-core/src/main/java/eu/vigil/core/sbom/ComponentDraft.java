package eu.vigil.core.sbom;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import eu.vigil.core.InvalidInputException;
import eu.vigil.core.purl.PackageUrl;

/** A component while a reader collects it; its ref may still be missing. */
final class ComponentDraft {

    String ref;
    String type;
    String name;
    String version;
    String group;
    String supplier;
    String purl;
    final List<String> cpes = new ArrayList<>();
    final List<String> licenses = new ArrayList<>();
    final Map<String, String> hashes = new LinkedHashMap<>();
    ComponentDraft parent;
    String scope;

    /** Where the component is, for error messages. */
    String describe() {
        return ref != null ? "'" + ref + "'" : name != null ? "'" + name + "'" : "without name";
    }

    void addHash(String algorithm, String value) {
        HashAlgorithms.Normalised hash = HashAlgorithms.normalise(algorithm, value, "component " + describe());
        hashes.putIfAbsent(hash.algorithm(), hash.value());
    }

    void addLicense(String license) {
        if (license != null && !license.isBlank() && !licenses.contains(license.strip())) {
            licenses.add(license.strip());
        }
    }

    Component build() {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("component " + describe() + " has no name");
        }
        PackageUrl parsed = null;
        if (purl != null) {
            try {
                parsed = PackageUrl.parse(purl);
            } catch (InvalidInputException e) {
                // kept as given: the component is still listed, only not matched by purl
            }
        }
        return new Component(ref, type, name, version, group, supplier, purl, parsed, cpes, licenses, hashes,
                parent == null ? null : parent.ref, scope);
    }
}
