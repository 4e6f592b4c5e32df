package eu.vigil.core.sbom;

import java.util.Set;
import java.util.regex.Pattern;

import eu.vigil.core.InvalidInputException;

/** CycloneDX rules shared by the JSON and XML readers. */
final class CycloneDx {

    static final Set<String> VERSIONS = Set.of("1.2", "1.3", "1.4", "1.5", "1.6", "1.7");

    static final String NAMESPACE_PREFIX = "http://cyclonedx.org/schema/bom/";

    private static final Set<String> TYPES = Set.of("application", "framework", "library", "container",
            "platform", "operating-system", "device", "device-driver", "firmware", "file", "machine-learning-model",
            "data", "cryptographic-asset");

    private static final Set<String> SCOPES = Set.of("required", "optional", "excluded");

    private static final Pattern SERIAL_NUMBER = Pattern.compile(
            "urn:uuid:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private CycloneDx() {
    }

    static String checkVersion(String version) {
        if (!VERSIONS.contains(version)) {
            throw new InvalidInputException("unsupported CycloneDX specVersion '" + version
                    + "': Vigil reads CycloneDX 1.2 to 1.7");
        }
        return version;
    }

    static String checkSerialNumber(String serialNumber) {
        if (serialNumber != null && !SERIAL_NUMBER.matcher(serialNumber).matches()) {
            throw new InvalidInputException("invalid serialNumber '" + serialNumber
                    + "': it must be a UUID URN such as urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79");
        }
        return serialNumber;
    }

    static String checkRef(String ref, String where) {
        if (ref != null && ref.isEmpty()) {
            throw new InvalidInputException("an empty bom-ref in " + where + ": leave it out or give a value");
        }
        return ref;
    }

    static String checkType(String type, String where) {
        if (type == null) {
            throw new InvalidInputException(where + " has no type (library, application, firmware, …)");
        }
        if (!TYPES.contains(type)) {
            throw new InvalidInputException("unknown type '" + type + "' of " + where + "; one of " + TYPES
                    + " is expected");
        }
        return type;
    }

    static String checkScope(String scope, String where) {
        if (scope != null && !SCOPES.contains(scope)) {
            throw new InvalidInputException("unknown scope '" + scope + "' of " + where
                    + "; required, optional or excluded is expected");
        }
        return scope;
    }
}
