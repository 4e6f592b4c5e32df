package eu.vigil.core.vex;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.vigil.core.InvalidInputException;

/**
 * OpenVEX 0.2.0 JSON. Each statement names the product (the release) with the component as a
 * subcomponent; {@code not_affected} carries a justification or an impact statement, {@code affected}
 * an action statement, as the specification requires.
 */
public final class OpenVex {

    public static final String CONTEXT = "https://openvex.dev/ns/v0.2.0";
    private static final String FORMAT = "OpenVEX";

    private OpenVex() {
    }

    public static byte[] write(VexDocument document) {
        ObjectNode root = VexJson.MAPPER.createObjectNode();
        root.put("@context", CONTEXT);
        root.put("@id", document.id() != null ? document.id()
                : "urn:uuid:" + java.util.UUID.randomUUID());
        root.put("author", document.author() != null ? document.author() : "Unknown");
        root.put("timestamp", (document.timestamp() != null ? document.timestamp() : Instant.now()).toString());
        root.put("version", 1);
        ArrayNode statements = root.putArray("statements");
        for (VexStatement s : document.statements()) {
            ObjectNode st = statements.addObject();
            ObjectNode vulnerability = st.putObject("vulnerability");
            vulnerability.put("name", s.vulnerabilityId());
            if (!s.aliases().isEmpty()) {
                ArrayNode aliases = vulnerability.putArray("aliases");
                s.aliases().forEach(aliases::add);
            }
            if (s.timestamp() != null) {
                st.put("timestamp", s.timestamp().toString());
            }
            ObjectNode product = st.putArray("products").addObject();
            if (s.productId() != null) {
                product.put("@id", s.productId());
                product.putArray("subcomponents").addObject().put("@id", s.componentPurl());
            } else {
                product.put("@id", s.componentPurl());
            }
            st.put("status", s.state().openVex());
            switch (s.state()) {
                case NOT_AFFECTED, FALSE_POSITIVE -> {
                    VexJustification j = s.justification() != null ? s.justification()
                            : s.state() == VexState.FALSE_POSITIVE ? VexJustification.CODE_NOT_PRESENT : null;
                    if (j != null) {
                        st.put("justification", j.openVex());
                    }
                    String impact = s.state() == VexState.FALSE_POSITIVE
                            ? "False positive: the component is not the vulnerable software." + (s.detail() == null ? "" : " " + s.detail())
                            : s.detail();
                    if (impact != null || j == null) {
                        st.put("impact_statement", impact != null ? impact : "Not affected.");
                    }
                }
                case AFFECTED -> st.put("action_statement", s.detail() != null ? s.detail()
                        : "Update to a fixed version when one is available.");
                default -> {
                    if (s.detail() != null) {
                        st.put("status_notes", s.detail());
                    }
                }
            }
        }
        return VexJson.write(root);
    }

    public static VexDocument read(byte[] bytes) {
        JsonNode root = VexJson.parse(bytes, FORMAT);
        String context = VexJson.text(root, "@context");
        if (context == null || !context.startsWith("https://openvex.dev/ns")) {
            throw new InvalidInputException(FORMAT + ": '@context' is not an OpenVEX context (https://openvex.dev/ns/...)");
        }
        Instant documentTime = VexJson.instant(root, "timestamp", FORMAT);
        JsonNode statements = root.get("statements");
        if (statements == null || !statements.isArray()) {
            throw new InvalidInputException(FORMAT + ": no 'statements' array");
        }
        List<VexStatement> result = new ArrayList<>();
        int index = 0;
        for (JsonNode st : statements) {
            String where = "statements[" + index++ + "]";
            JsonNode vulnerability = st.get("vulnerability");
            String id = vulnerability == null ? null
                    : vulnerability.isTextual() ? vulnerability.asText() : VexJson.text(vulnerability, "name");
            if (id == null || id.isBlank()) {
                throw new InvalidInputException(FORMAT + ": " + where + " has no 'vulnerability.name'");
            }
            List<String> aliases = new ArrayList<>();
            if (vulnerability.isObject() && vulnerability.get("aliases") != null) {
                for (JsonNode a : vulnerability.get("aliases")) {
                    if (a.isTextual()) {
                        aliases.add(a.asText());
                    }
                }
            }
            String status = VexJson.text(st, "status");
            if (status == null) {
                throw new InvalidInputException(FORMAT + ": " + where + " (" + id + ") has no 'status'");
            }
            VexState state = VexState.fromOpenVex(status);
            String j = VexJson.text(st, "justification");
            VexJustification justification = j == null ? null : VexJustification.fromOpenVex(j);
            String detail = VexJson.text(st, "impact_statement");
            if (detail == null) {
                detail = VexJson.text(st, "action_statement");
            }
            if (detail == null) {
                detail = VexJson.text(st, "status_notes");
            }
            Instant time = VexJson.instant(st, "timestamp", FORMAT);
            JsonNode products = st.get("products");
            if (products == null || !products.isArray() || products.isEmpty()) {
                throw new InvalidInputException(FORMAT + ": " + where + " (" + id + ") names no products");
            }
            for (JsonNode product : products) {
                String productId = product.isTextual() ? product.asText() : VexJson.text(product, "@id");
                if (productId == null) {
                    throw new InvalidInputException(FORMAT + ": " + where + " (" + id + ") has a product without '@id'");
                }
                JsonNode subcomponents = product.get("subcomponents");
                if (subcomponents != null && subcomponents.isArray() && !subcomponents.isEmpty()) {
                    for (JsonNode sub : subcomponents) {
                        String subId = sub.isTextual() ? sub.asText() : VexJson.text(sub, "@id");
                        if (subId == null) {
                            throw new InvalidInputException(FORMAT + ": " + where + " (" + id
                                    + ") has a subcomponent without '@id'");
                        }
                        result.add(new VexStatement(id, aliases, productId, subId, state, justification, detail,
                                time != null ? time : documentTime));
                    }
                } else {
                    result.add(new VexStatement(id, aliases, null, productId, state, justification, detail,
                            time != null ? time : documentTime));
                }
            }
        }
        return new VexDocument(VexJson.text(root, "@id"), VexJson.text(root, "author"), documentTime, result);
    }
}
