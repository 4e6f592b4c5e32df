package eu.vigil.core.csaf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.vigil.core.InvalidInputException;

/**
 * Validates a CSAF 2.0 document as the standard asks of a producer before it publishes: against
 * the official JSON schema, and with every mandatory test of section 6.1 (6.1.1 to 6.1.33,
 * including the profile tests 6.1.27.1 to 6.1.27.11). Each failure names its test and the JSON
 * pointer of the offending value. Schema violations inside a CVSS object are reported as test
 * 6.1.8 (Invalid CVSS), which is exactly that check.
 *
 * <p>Thread-safe; build one and share it (loading the schemas takes a moment).
 */
public final class CsafValidator {

    /** Largest document read (the biggest real advisories are a few MB). */
    public static final int MAX_BYTES = 32 * 1024 * 1024;

    private final CsafSchemas schemas;
    private final ObjectMapper mapper;

    public CsafValidator() {
        this(CsafSchemas.load());
    }

    public CsafValidator(CsafSchemas schemas) {
        this.schemas = schemas;
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(200)
                        .maxDocumentLength(MAX_BYTES)
                        .maxStringLength(MAX_BYTES)
                        .maxNumberLength(100)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        this.mapper = new ObjectMapper(factory);
    }

    /**
     * Reads and validates one document.
     *
     * @throws InvalidInputException when the bytes are not one JSON object at all
     */
    public CsafValidation validate(byte[] document) {
        return validate(read(document));
    }

    /** Validates an already read document. */
    public CsafValidation validate(JsonNode document) {
        List<CsafFailure> failures = new ArrayList<>();
        for (CsafSchemas.Violation violation : schemas.validateDocument(document)) {
            String test = MandatoryTests.isInsideCvss(violation.path()) ? "6.1.8" : CsafFailure.SCHEMA;
            failures.add(new CsafFailure(test, violation.path(), violation.message()));
        }
        failures.addAll(new MandatoryTests(document).run());
        return new CsafValidation(failures);
    }

    /** Parses a document with reading limits and duplicate keys refused. */
    public JsonNode read(byte[] document) {
        if (document.length > MAX_BYTES) {
            throw new InvalidInputException("the CSAF document has " + document.length
                    + " bytes; at most " + MAX_BYTES + " are read");
        }
        JsonNode node;
        try {
            node = mapper.readTree(document);
        } catch (StreamConstraintsException e) {
            throw new InvalidInputException("the JSON document exceeds a reading limit: " + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            String where = location == null ? "" : " at line " + location.getLineNr() + ", column "
                    + location.getColumnNr();
            throw new InvalidInputException("malformed JSON" + where + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read the JSON document: " + e.getMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new InvalidInputException("a CSAF document must be a JSON object");
        }
        return node;
    }

    /** The schemas in use (also for provider metadata). */
    public CsafSchemas schemas() {
        return schemas;
    }
}
