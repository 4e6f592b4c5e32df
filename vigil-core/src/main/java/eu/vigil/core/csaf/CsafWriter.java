package eu.vigil.core.csaf;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.vigil.core.cvss.Cvss;
import eu.vigil.core.cvss.CvssV3;
import eu.vigil.core.cvss.CvssVector;

/**
 * Writes a {@link CsafAdvisory} as a CSAF 2.0 document of the profile "Security Advisory"
 * ({@code csaf_security_advisory}): document metadata with TLP, the product tree as
 * vendor / product_name / product_version branches with purl and CPE helpers, the vulnerabilities
 * with CVE, CWE, CVSS 3.1 score (computed here, so base score and severity always match the
 * vector), product status, remediations, references, acknowledgments and revision history.
 * Validate the result with {@link CsafValidator} before publishing it.
 */
public final class CsafWriter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CsafWriter() {
    }

    /** The file name CSAF 2.0 section 5.1 derives from a tracking id. */
    public static String fileName(String trackingId) {
        return trackingId.toLowerCase(Locale.ROOT).replaceAll("[^+\\-a-z0-9]+", "_") + ".json";
    }

    public static byte[] bytes(CsafAdvisory advisory) {
        try {
            return JSON.writeValueAsString(write(advisory)).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ObjectNode write(CsafAdvisory a) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode document = root.putObject("document");
        if (!a.acknowledgments().isEmpty()) {
            ArrayNode acks = document.putArray("acknowledgments");
            for (CsafAdvisory.Acknowledgment ack : a.acknowledgments()) {
                ObjectNode node = acks.addObject();
                if (!ack.names().isEmpty()) {
                    ArrayNode names = node.putArray("names");
                    ack.names().forEach(names::add);
                }
                putIfText(node, "organization", ack.organization());
                putIfText(node, "summary", ack.summary());
            }
        }
        document.put("category", "csaf_security_advisory");
        document.put("csaf_version", "2.0");
        ObjectNode distribution = document.putObject("distribution");
        distribution.putObject("tlp").put("label", a.tlp());
        document.put("lang", a.lang());
        if (a.summary() != null && !a.summary().isBlank()) {
            document.putArray("notes").addObject().put("category", "summary").put("title", "Summary")
                    .put("text", a.summary());
        }
        ObjectNode publisher = document.putObject("publisher");
        publisher.put("category", "vendor");
        putIfText(publisher, "contact_details", a.publisher().contactDetails());
        publisher.put("name", a.publisher().name());
        publisher.put("namespace", a.publisher().namespace());
        if (!a.references().isEmpty()) {
            ArrayNode refs = document.putArray("references");
            for (CsafAdvisory.Reference ref : a.references()) {
                ObjectNode node = refs.addObject();
                putIfText(node, "category", ref.category());
                node.put("summary", ref.summary());
                node.put("url", ref.url());
            }
        }
        document.put("title", a.title());
        ObjectNode tracking = document.putObject("tracking");
        CsafAdvisory.Revision first = a.revisions().getFirst();
        CsafAdvisory.Revision last = a.revisions().getLast();
        tracking.put("current_release_date", time(last.date()));
        ObjectNode engine = tracking.putObject("generator").putObject("engine");
        engine.put("name", "Vigil");
        tracking.put("id", a.trackingId());
        tracking.put("initial_release_date", time(first.date()));
        ArrayNode history = tracking.putArray("revision_history");
        for (CsafAdvisory.Revision revision : a.revisions()) {
            history.addObject().put("date", time(revision.date())).put("number", Integer.toString(revision.number()))
                    .put("summary", revision.summary());
        }
        tracking.put("status", a.status());
        tracking.put("version", Integer.toString(last.number()));

        ObjectNode tree = root.putObject("product_tree");
        ArrayNode vendors = tree.putArray("branches");
        java.util.Map<String, ArrayNode> byVendor = new java.util.LinkedHashMap<>();
        for (CsafAdvisory.Product product : a.products()) {
            ArrayNode products = byVendor.computeIfAbsent(product.vendor(), vendor -> {
                ObjectNode node = vendors.addObject();
                node.put("category", "vendor").put("name", vendor);
                return node.putArray("branches");
            });
            ObjectNode productNode = products.addObject();
            productNode.put("category", "product_name").put("name", product.name());
            ArrayNode versions = productNode.putArray("branches");
            for (CsafAdvisory.ProductVersion version : product.versions()) {
                ObjectNode versionNode = versions.addObject();
                versionNode.put("category", "product_version").put("name", version.version());
                ObjectNode full = versionNode.putObject("product");
                full.put("name", product.vendor() + " " + product.name() + " " + version.version());
                full.put("product_id", version.productId());
                if (version.purl() != null || version.cpe() != null) {
                    ObjectNode helper = full.putObject("product_identification_helper");
                    putIfText(helper, "cpe", version.cpe());
                    putIfText(helper, "purl", version.purl());
                }
            }
        }

        ArrayNode vulnerabilities = root.putArray("vulnerabilities");
        for (CsafAdvisory.Vulnerability v : a.vulnerabilities()) {
            vulnerabilities.add(vulnerability(v, a.publisher().namespace()));
        }
        return root;
    }

    private static ObjectNode vulnerability(CsafAdvisory.Vulnerability v, String namespace) {
        ObjectNode node = JSON.createObjectNode();
        putIfText(node, "cve", v.cve());
        if (v.cweId() != null && v.cweName() != null) {
            node.putObject("cwe").put("id", v.cweId()).put("name", v.cweName());
        }
        if (v.cve() == null && v.localId() != null) {
            node.putArray("ids").addObject().put("system_name", namespace).put("text", v.localId());
        }
        ArrayNode notes = node.putArray("notes");
        notes.addObject().put("category", "description").put("text",
                v.description() == null || v.description().isBlank() ? v.title() : v.description())
                .put("title", "Vulnerability description");
        if (v.cvss40Vector() != null) {
            notes.addObject().put("category", "other").put("text", v.cvss40Vector()).put("title", "CVSS v4.0");
        }
        ObjectNode status = node.putObject("product_status");
        putIds(status, "fixed", v.fixed());
        putIds(status, "known_affected", v.knownAffected());
        putIds(status, "known_not_affected", v.knownNotAffected());
        putIds(status, "under_investigation", v.underInvestigation());
        if (!v.remediations().isEmpty()) {
            ArrayNode remediations = node.putArray("remediations");
            for (CsafAdvisory.Remediation r : v.remediations()) {
                ObjectNode rem = remediations.addObject();
                rem.put("category", r.category()).put("details", r.details());
                putIds(rem, "product_ids", r.productIds());
                putIfText(rem, "url", r.url());
            }
        }
        if (v.cvss31Vector() != null) {
            CvssVector parsed = Cvss.parse(v.cvss31Vector());
            if (parsed instanceof CvssV3 cvss) {
                java.util.List<String> scored = new java.util.ArrayList<>(v.knownAffected());
                if (scored.isEmpty()) {
                    scored.addAll(v.fixed());
                }
                if (!scored.isEmpty()) {
                    ObjectNode score = node.putArray("scores").addObject();
                    ObjectNode cvssNode = score.putObject("cvss_v3");
                    cvssNode.put("baseScore", cvss.baseScore());
                    cvssNode.put("baseSeverity", MandatoryTests.severity(cvss.baseScore()));
                    cvssNode.put("vectorString", cvss.vector());
                    cvssNode.put("version", cvss.version().label());
                    putIds(score, "products", scored);
                }
            }
        }
        if (v.exploited()) {
            node.putArray("threats").addObject().put("category", "exploit_status")
                    .put("details", "Actively exploited in the wild.");
        }
        putIfText(node, "title", v.title());
        return node;
    }

    private static void putIds(ObjectNode node, String field, java.util.List<String> ids) {
        if (!ids.isEmpty()) {
            ArrayNode array = node.putArray(field);
            ids.forEach(array::add);
        }
    }

    private static void putIfText(ObjectNode node, String field, String value) {
        if (value != null && !value.isBlank()) {
            node.put(field, value);
        }
    }

    static String time(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
