package eu.vigil.core.osv;

import java.util.HashMap;
import java.util.Map;

import eu.vigil.core.InvalidInputException;
import eu.vigil.core.version.EcosystemVersion;
import eu.vigil.core.version.VersionScheme;

/**
 * Parses each version text once while one package is compiled: the records of a popular package
 * list the same versions again and again (Django's 300 PyPA records share a few hundred).
 */
final class ParsedVersions {

    private final Map<VersionScheme, Map<String, Object>> byScheme = new HashMap<>(4);

    /** The parsed version; throws the same {@link InvalidInputException} each time for a bad one. */
    EcosystemVersion parse(VersionScheme scheme, String version) {
        Object parsed = byScheme.computeIfAbsent(scheme, s -> new HashMap<>()).computeIfAbsent(version, v -> {
            try {
                return scheme.parse(v);
            } catch (InvalidInputException e) {
                return e;
            }
        });
        if (parsed instanceof InvalidInputException e) {
            throw e;
        }
        return (EcosystemVersion) parsed;
    }
}
