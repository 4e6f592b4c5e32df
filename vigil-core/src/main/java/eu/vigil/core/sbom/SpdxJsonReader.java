package eu.vigil.core.sbom;

import static eu.vigil.core.sbom.JsonDocuments.requireArray;
import static eu.vigil.core.sbom.JsonDocuments.string;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import eu.vigil.core.InvalidInputException;

/**
 * Reads SPDX 2.2/2.3 JSON by streaming: packages and relationships one at a time; files,
 * snippets and license texts are skipped.
 */
final class SpdxJsonReader {

    private final JsonDocuments json;

    SpdxJsonReader(SbomLimits limits) {
        this.json = new JsonDocuments(limits);
    }

    Sbom read(byte[] document) {
        try (JsonParser parser = json.open(document)) {
            return read(parser);
        } catch (IOException e) {
            throw JsonDocuments.translate(e);
        }
    }

    private Sbom read(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw new InvalidInputException("an SPDX JSON document must be a JSON object");
        }
        SpdxDocument spdx = new SpdxDocument();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "spdxVersion" -> spdx.version(string(parser, field));
                case "SPDXID" -> spdx.id = string(parser, field);
                case "name" -> spdx.name = string(parser, field);
                case "documentNamespace" -> spdx.namespace = string(parser, field);
                case "documentDescribes" -> {
                    requireArray(value, field);
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        spdx.describes(string(parser, field));
                    }
                }
                case "packages" -> {
                    requireArray(value, field);
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        spdx.addPackage(readPackage(json.tree(parser)));
                    }
                }
                case "relationships" -> {
                    requireArray(value, field);
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        JsonNode relationship = json.tree(parser);
                        requireObject(relationship, "relationships");
                        spdx.relationship(text(relationship, "spdxElementId"), text(relationship, "relationshipType"),
                                text(relationship, "relatedSpdxElement"));
                    }
                }
                default -> parser.skipChildren();
            }
        }
        return spdx.build(SbomFormat.SPDX_JSON);
    }

    private static ComponentDraft readPackage(JsonNode node) {
        requireObject(node, "packages");
        ComponentDraft component = new ComponentDraft();
        component.ref = text(node, "SPDXID");
        component.name = text(node, "name");
        String context = "package " + component.describe();
        component.version = text(node, "versionInfo");
        component.supplier = SpdxDocument.supplier(text(node, "supplier"));
        component.type = SpdxDocument.type(text(node, "primaryPackagePurpose"));
        SpdxDocument.license(component, text(node, "licenseConcluded"));
        SpdxDocument.license(component, text(node, "licenseDeclared"));
        for (JsonNode checksum : JsonDocuments.array(node, "checksums", context)) {
            requireObject(checksum, context + " checksums");
            component.addHash(text(checksum, "algorithm"), text(checksum, "checksumValue"));
        }
        for (JsonNode reference : JsonDocuments.array(node, "externalRefs", context)) {
            requireObject(reference, context + " externalRefs");
            SpdxDocument.externalRef(component, text(reference, "referenceCategory"), text(reference, "referenceType"),
                    text(reference, "referenceLocator"));
        }
        if (component.name == null) {
            throw new InvalidInputException("the package " + component.describe() + " has no name");
        }
        return component;
    }

    private static String text(JsonNode node, String field) {
        return JsonDocuments.text(node, field, "an SPDX element");
    }

    private static void requireObject(JsonNode node, String where) {
        JsonDocuments.requireObject(node, "an entry of " + where);
    }
}
