package eu.vigil.core.sbom;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import eu.vigil.core.InvalidInputException;
import org.cyclonedx.Version;
import org.cyclonedx.exception.ParseException;
import org.cyclonedx.parsers.JsonParser;
import org.cyclonedx.parsers.XmlParser;

/**
 * Checks a CycloneDX document against the official JSON or XML schema of its version, with
 * cyclonedx-core-java (which bundles the schemas of CycloneDX 1.2 to 1.6).
 *
 * <p>The document is first read with {@link SbomReader}, so hostile input (DTDs, deep nesting,
 * oversized documents) is refused by Vigil's own bounded readers before the schema validator sees
 * it. Validation is stricter than reading: it also checks the parts the component model does not
 * use (timestamps, services, license ids against the SPDX list, …).
 */
public final class SchemaValidation {

    /** The outcome: the document as read, and the schema violations (empty when valid). */
    public record Result(Sbom sbom, List<String> violations) {

        public Result {
            violations = List.copyOf(violations);
        }

        public boolean valid() {
            return violations.isEmpty();
        }
    }

    private final SbomReader reader;

    public SchemaValidation(SbomReader reader) {
        this.reader = reader;
    }

    /**
     * Reads and schema-validates {@code document}.
     *
     * @throws InvalidInputException when the document cannot be read at all, or is not CycloneDX
     *         1.2–1.6 (the versions whose schemas are available)
     */
    public Result validate(byte[] document) {
        Sbom sbom = reader.read(document);
        if (sbom.format().standard().equals("SPDX")) {
            throw new InvalidInputException("schema validation covers CycloneDX only; this is " + sbom.specVersion());
        }
        Version version = switch (sbom.specVersion()) {
            case "1.2" -> Version.VERSION_12;
            case "1.3" -> Version.VERSION_13;
            case "1.4" -> Version.VERSION_14;
            case "1.5" -> Version.VERSION_15;
            case "1.6" -> Version.VERSION_16;
            default -> throw new InvalidInputException("no schema for CycloneDX " + sbom.specVersion()
                    + " is available; schema validation covers CycloneDX 1.2 to 1.6");
        };
        try {
            List<ParseException> problems = sbom.format() == SbomFormat.CYCLONEDX_JSON
                    ? new JsonParser().validate(document, version)
                    : new XmlParser().validate(document, version);
            return new Result(sbom, problems.stream().map(SchemaValidation::message).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String message(ParseException problem) {
        return problem.getMessage() == null ? problem.toString() : problem.getMessage();
    }
}
