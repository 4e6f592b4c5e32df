package eu.vigil.core.sbom;

import static eu.vigil.core.sbom.JsonDocuments.array;
import static eu.vigil.core.sbom.JsonDocuments.requireArray;
import static eu.vigil.core.sbom.JsonDocuments.requireObject;
import static eu.vigil.core.sbom.JsonDocuments.string;
import static eu.vigil.core.sbom.JsonDocuments.text;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import eu.vigil.core.InvalidInputException;

/**
 * Reads CycloneDX JSON by streaming: only one top-level component (with its nested components)
 * or dependency entry is held as a tree at a time, and sections the model does not use
 * (services, vulnerabilities, formulation, …) are skipped without being built.
 */
final class CycloneDxJsonReader {

    private final JsonDocuments json;

    CycloneDxJsonReader(SbomLimits limits) {
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
            throw new InvalidInputException("a CycloneDX JSON document must be a JSON object");
        }
        SbomAssembly assembly = new SbomAssembly();
        String bomFormat = null;
        String specVersion = null;
        String serialNumber = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "bomFormat" -> bomFormat = string(parser, field);
                case "specVersion" -> specVersion = CycloneDx.checkVersion(string(parser, field));
                case "serialNumber" -> serialNumber = CycloneDx.checkSerialNumber(string(parser, field));
                case "metadata" -> readMetadata(json.tree(parser), assembly);
                case "components" -> {
                    requireArray(value, "components");
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        readComponent(json.tree(parser), null, assembly, "components");
                    }
                }
                case "dependencies" -> {
                    requireArray(value, "dependencies");
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        readDependency(json.tree(parser), assembly);
                    }
                }
                default -> parser.skipChildren();
            }
        }
        if (!"CycloneDX".equals(bomFormat)) {
            throw new InvalidInputException(bomFormat == null ? "'bomFormat' is missing: a CycloneDX document "
                    + "declares \"bomFormat\": \"CycloneDX\"" : "'bomFormat' must be 'CycloneDX', not '" + bomFormat + "'");
        }
        if (specVersion == null) {
            throw new InvalidInputException("'specVersion' is missing from the CycloneDX document");
        }
        return assembly.build(SbomFormat.CYCLONEDX_JSON, specVersion, serialNumber, null);
    }

    private static void readMetadata(JsonNode metadata, SbomAssembly assembly) {
        requireObject(metadata, "metadata");
        JsonNode root = metadata.get("component");
        if (root != null && !root.isNull()) {
            assembly.root(readComponent(root, null, assembly, "metadata.component"));
        }
    }

    private static ComponentDraft readComponent(JsonNode node, ComponentDraft parent, SbomAssembly assembly,
            String where) {
        requireObject(node, where);
        ComponentDraft component = new ComponentDraft();
        component.ref = CycloneDx.checkRef(text(node, "bom-ref", where), where);
        component.name = text(node, "name", where);
        String context = "component " + component.describe();
        component.type = CycloneDx.checkType(text(node, "type", context), context);
        component.version = text(node, "version", context);
        component.group = text(node, "group", context);
        component.purl = text(node, "purl", context);
        String cpe = text(node, "cpe", context);
        if (cpe != null) {
            component.cpes.add(cpe);
        }
        component.scope = CycloneDx.checkScope(text(node, "scope", context), context);
        JsonNode supplier = node.get("supplier");
        if (supplier != null && supplier.isObject()) {
            component.supplier = text(supplier, "name", context + " supplier");
        }
        for (JsonNode hash : array(node, "hashes", context)) {
            requireObject(hash, context + " hashes");
            component.addHash(text(hash, "alg", context), text(hash, "content", context));
        }
        for (JsonNode choice : array(node, "licenses", context)) {
            component.addLicense(license(choice, context));
        }
        component.parent = parent;
        if (component.name == null) {
            throw new InvalidInputException("component at " + where + " has no name");
        }
        assembly.add(component);
        for (JsonNode child : array(node, "components", context)) {
            readComponent(child, component, assembly, context + " components");
        }
        return component;
    }

    /** One entry of a {@code licenses} array: a license (by id or name) or an expression. */
    private static String license(JsonNode choice, String context) {
        requireObject(choice, context + " licenses");
        String expression = text(choice, "expression", context);
        JsonNode license = choice.get("license");
        if (expression != null && license != null) {
            throw new InvalidInputException("a licenses entry of " + context
                    + " holds both a license and an expression; it must hold one");
        }
        if (expression != null) {
            return expression;
        }
        if (license == null) {
            throw new InvalidInputException("a licenses entry of " + context + " holds neither a license nor an expression");
        }
        requireObject(license, context + " license");
        String id = text(license, "id", context);
        String name = text(license, "name", context);
        if (id != null && name != null) {
            throw new InvalidInputException("a license of " + context + " has both an id and a name; it must have one");
        }
        if (id == null && name == null) {
            throw new InvalidInputException("a license of " + context + " has neither an id nor a name");
        }
        return id != null ? id : name;
    }

    private static void readDependency(JsonNode node, SbomAssembly assembly) {
        requireObject(node, "dependencies");
        String ref = text(node, "ref", "dependencies");
        if (ref == null || ref.isEmpty()) {
            throw new InvalidInputException("a dependencies entry has no 'ref'");
        }
        for (JsonNode target : array(node, "dependsOn", "dependency '" + ref + "'")) {
            if (!target.isTextual() || target.textValue().isEmpty()) {
                throw new InvalidInputException("dependency '" + ref + "' lists a dependsOn entry that is not a reference");
            }
            assembly.edge(ref, target.textValue(), Dependency.Kind.DEPENDS_ON);
        }
    }
}
