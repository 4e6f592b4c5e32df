package eu.vigil.core.csaf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;

/**
 * The official CSAF 2.0 JSON schemas, shipped as resources of this package (OASIS CSAF TC,
 * commit 27af37f of oasis-tcs/csaf; the FIRST CVSS schemas it references, BSD-licensed by
 * FIRST.ORG): the document schema with the CVSS 2.0, 3.0 and 3.1 schemas mapped to the URLs it
 * {@code $ref}s, so nothing is fetched from the network, and the provider-metadata schema.
 * Validation uses the networknt validator (2.0.1, the version cyclonedx-core-java needs), with
 * JSON-pointer paths.
 */
public final class CsafSchemas {

    static final String CSAF_ID = "https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json";
    static final String PROVIDER_ID = "https://docs.oasis-open.org/csaf/csaf/v2.0/provider_json_schema.json";

    private static final Map<String, String> RESOURCES = Map.of(
            CSAF_ID, "csaf_json_schema.json",
            PROVIDER_ID, "provider_json_schema.json",
            "https://www.first.org/cvss/cvss-v2.0.json", "cvss-v2.0.json",
            "https://www.first.org/cvss/cvss-v3.0.json", "cvss-v3.0.json",
            "https://www.first.org/cvss/cvss-v3.1.json", "cvss-v3.1.json");

    /** A schema violation: JSON pointer of the instance, and the validator's message. */
    public record Violation(String path, String message) {
    }

    private final Schema csaf;
    private final Schema provider;

    private CsafSchemas(Schema csaf, Schema provider) {
        this.csaf = csaf;
        this.provider = provider;
    }

    /** Loads the shipped schemas; cheap to keep, expensive to build, so build one and share it. */
    public static CsafSchemas load() {
        Map<String, String> texts = new java.util.HashMap<>();
        RESOURCES.forEach((id, file) -> texts.put(id, resource(file)));
        SchemaRegistryConfig config = SchemaRegistryConfig.builder().pathType(PathType.JSON_POINTER).build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemas(texts).schemaRegistryConfig(config));
        Schema csaf = registry.getSchema(SchemaLocation.of(CSAF_ID));
        Schema provider = registry.getSchema(SchemaLocation.of(PROVIDER_ID));
        csaf.initializeValidators();
        provider.initializeValidators();
        return new CsafSchemas(csaf, provider);
    }

    /** Violations of the CSAF 2.0 document schema (empty when valid). */
    public List<Violation> validateDocument(JsonNode document) {
        return violations(csaf.validate(document));
    }

    /** Violations of the CSAF 2.0 provider-metadata schema (empty when valid). */
    public List<Violation> validateProviderMetadata(JsonNode metadata) {
        return violations(provider.validate(metadata));
    }

    private static List<Violation> violations(List<Error> errors) {
        List<Violation> out = new ArrayList<>(errors.size());
        for (Error error : errors) {
            String path = error.getInstanceLocation() == null ? "" : error.getInstanceLocation().toString();
            out.add(new Violation(path, error.getMessage()));
        }
        return out;
    }

    /** The text of a shipped resource of this package (schemas, CWE list). */
    static String resource(String file) {
        try (InputStream in = CsafSchemas.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("resource missing from the build: " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
