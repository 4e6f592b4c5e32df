package eu.vigil.core.vex;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes VEX statements as a CSAF 2.0 document of the {@code csaf_vex} profile: the product and
 * its components in the product tree (each component a {@code default_component_of} the product),
 * one vulnerability per id with the product statuses, a flag (justification) or an impact threat
 * for every not-affected product, and a remediation for every affected one, as the profile's
 * mandatory tests 6.1.27.x ask.
 */
public final class CsafVex {

    private CsafVex() {
    }

    /**
     * @param publisher          the publisher's name
     * @param publisherNamespace the publisher's URL, such as {@code https://acme.example}
     * @param trackingId         the document's tracking id, unique for the publisher
     * @param productName        the product (release) the statements are about, such as {@code "Camera X 2.1"}
     */
    public static byte[] write(VexDocument document, String publisher, String publisherNamespace, String trackingId,
                               String productName) {
        Instant now = document.timestamp() != null ? document.timestamp() : Instant.now();
        ObjectNode root = VexJson.MAPPER.createObjectNode();
        ObjectNode doc = root.putObject("document");
        doc.put("category", "csaf_vex");
        doc.put("csaf_version", "2.0");
        ObjectNode pub = doc.putObject("publisher");
        pub.put("category", "vendor");
        pub.put("name", publisher);
        pub.put("namespace", publisherNamespace);
        doc.put("title", "VEX for " + productName);
        ObjectNode tracking = doc.putObject("tracking");
        tracking.put("current_release_date", now.toString());
        tracking.put("id", trackingId);
        tracking.put("initial_release_date", now.toString());
        ObjectNode revision = tracking.putArray("revision_history").addObject();
        revision.put("date", now.toString());
        revision.put("number", "1");
        revision.put("summary", "Initial version.");
        tracking.put("status", "final");
        tracking.put("version", "1");

        // product tree: the product, its components, and the combinations the statuses name
        Map<String, String> componentIds = new LinkedHashMap<>();
        for (VexStatement s : document.statements()) {
            componentIds.computeIfAbsent(s.componentPurl(), p -> "CSAFPID-C" + (componentIds.size() + 1));
        }
        ObjectNode tree = root.putObject("product_tree");
        ArrayNode names = tree.putArray("full_product_names");
        String productPurl = document.statements().stream().map(VexStatement::productId)
                .filter(p -> p != null && p.startsWith("pkg:")).findFirst().orElse(null);
        ObjectNode product = names.addObject();
        product.put("name", productName);
        product.put("product_id", "CSAFPID-PRODUCT");
        if (productPurl != null) {
            product.putObject("product_identification_helper").put("purl", productPurl);
        }
        componentIds.forEach((purl, id) -> {
            ObjectNode c = names.addObject();
            c.put("name", purl);
            c.put("product_id", id);
            if (purl.startsWith("pkg:")) {
                c.putObject("product_identification_helper").put("purl", purl);
            }
        });
        ArrayNode relationships = tree.putArray("relationships");
        componentIds.forEach((purl, id) -> {
            ObjectNode r = relationships.addObject();
            r.put("category", "default_component_of");
            ObjectNode full = r.putObject("full_product_name");
            full.put("name", productName + " with " + purl);
            full.put("product_id", id + ":CSAFPID-PRODUCT");
            r.put("product_reference", id);
            r.put("relates_to_product_reference", "CSAFPID-PRODUCT");
        });

        Map<String, List<VexStatement>> byVulnerability = new LinkedHashMap<>();
        document.statements().forEach(s -> byVulnerability.computeIfAbsent(s.vulnerabilityId(), k -> new ArrayList<>()).add(s));
        ArrayNode vulnerabilities = root.putArray("vulnerabilities");
        byVulnerability.forEach((id, statements) -> {
            ObjectNode v = vulnerabilities.addObject();
            Set<String> names2 = new LinkedHashSet<>();
            names2.add(id);
            statements.forEach(s -> names2.addAll(s.aliases()));
            String cve = names2.stream().filter(n -> n.matches("CVE-\\d{4}-\\d{4,}")).findFirst().orElse(null);
            if (cve != null) {
                v.put("cve", cve);
            }
            ArrayNode ids = v.putArray("ids");
            for (String n : names2) {
                if (!n.equals(cve)) {
                    ids.addObject().put("system_name", n.startsWith("GHSA-") ? "GitHub Security Advisory" : "OSV").put("text", n);
                }
            }
            if (ids.isEmpty()) {
                v.remove("ids");
            }
            v.putArray("notes").addObject().put("category", "description").put("text", "Status of " + id + " in " + productName + ".");
            ObjectNode status = v.putObject("product_status");
            ArrayNode flags = v.putArray("flags");
            ArrayNode threats = v.putArray("threats");
            ArrayNode remediations = v.putArray("remediations");
            for (VexStatement s : statements) {
                String pid = componentIds.get(s.componentPurl()) + ":CSAFPID-PRODUCT";
                switch (s.state()) {
                    case AFFECTED -> {
                        add(status, "known_affected", pid);
                        ObjectNode r = remediations.addObject();
                        r.put("category", s.detail() != null ? "mitigation" : "none_available");
                        r.put("details", s.detail() != null ? s.detail() : "No remediation is available yet.");
                        r.putArray("product_ids").add(pid);
                    }
                    case NOT_AFFECTED, FALSE_POSITIVE -> {
                        add(status, "known_not_affected", pid);
                        VexJustification j = s.justification() != null ? s.justification()
                                : s.state() == VexState.FALSE_POSITIVE ? VexJustification.CODE_NOT_PRESENT : null;
                        if (j != null) {
                            ObjectNode f = flags.addObject();
                            f.put("label", j.openVex());
                            f.putArray("product_ids").add(pid);
                        }
                        if (j == null || s.detail() != null) {
                            ObjectNode t = threats.addObject();
                            t.put("category", "impact");
                            t.put("details", s.detail() != null ? s.detail() : "Not affected.");
                            t.putArray("product_ids").add(pid);
                        }
                    }
                    case FIXED -> add(status, "fixed", pid);
                    case IN_TRIAGE -> add(status, "under_investigation", pid);
                }
            }
            for (String empty : List.of("flags", "threats", "remediations")) {
                if (v.get(empty).isEmpty()) {
                    v.remove(empty);
                }
            }
        });
        return VexJson.write(root);
    }

    private static void add(ObjectNode status, String field, String productId) {
        ArrayNode list = status.has(field) ? (ArrayNode) status.get(field) : status.putArray(field);
        list.add(productId);
    }
}
