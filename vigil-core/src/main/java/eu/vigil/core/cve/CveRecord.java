package eu.vigil.core.cve;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.vigil.core.cvss.Cvss;
import eu.vigil.core.cvss.CvssV3;
import eu.vigil.core.cvss.CvssV4;
import eu.vigil.core.cvss.CvssVector;

/**
 * A published CVE record in CVE JSON 5.1 ({@code dataVersion 5.1}) with the CNA container a vendor
 * CNA submits: description, affected products and versions, CWE problem type, CVSS 3.1 / 4.0
 * metrics, references and credits.
 *
 * @param orgId the CNA's organisation UUID (assigner and provider)
 */
public record CveRecord(String cveId, String orgId, String title, String description, Instant datePublic,
                        List<Affected> affected, String cweId, String cweName, String cvss31Vector,
                        String cvss40Vector, List<String> references, List<String> credits) {

    public CveRecord {
        Objects.requireNonNull(cveId, "cveId");
        Objects.requireNonNull(orgId, "orgId");
        affected = List.copyOf(affected);
        references = List.copyOf(references);
        credits = credits == null ? List.of() : List.copyOf(credits);
    }

    /** A product's affected and fixed versions (the fixed ones reported as unaffected). */
    public record Affected(String vendor, String product, List<String> affectedVersions, List<String> fixedVersions) {
        public Affected {
            affectedVersions = List.copyOf(affectedVersions);
            fixedVersions = List.copyOf(fixedVersions);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The record as CVE JSON 5.1. */
    public ObjectNode toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("dataType", "CVE_RECORD");
        root.put("dataVersion", "5.1");
        ObjectNode meta = root.putObject("cveMetadata");
        meta.put("cveId", cveId);
        meta.put("assignerOrgId", orgId);
        meta.put("state", "PUBLISHED");
        ObjectNode cna = root.putObject("containers").putObject("cna");
        cna.putObject("providerMetadata").put("orgId", orgId);
        if (title != null && !title.isBlank()) {
            cna.put("title", title);
        }
        if (datePublic != null) {
            cna.put("datePublic", DateTimeFormatter.ISO_INSTANT.format(datePublic.truncatedTo(ChronoUnit.SECONDS)));
        }
        cna.putArray("descriptions").addObject().put("lang", "en").put("value", description);
        ArrayNode affectedNode = cna.putArray("affected");
        for (Affected a : affected) {
            ObjectNode product = affectedNode.addObject();
            product.put("vendor", a.vendor()).put("product", a.product());
            ArrayNode versions = product.putArray("versions");
            a.affectedVersions().forEach(v -> versions.addObject().put("version", v).put("status", "affected")
                    .put("versionType", "custom"));
            a.fixedVersions().forEach(v -> versions.addObject().put("version", v).put("status", "unaffected")
                    .put("versionType", "custom"));
            product.put("defaultStatus", "unknown");
        }
        if (cweId != null) {
            ObjectNode description = cna.putArray("problemTypes").addObject().putArray("descriptions").addObject();
            description.put("lang", "en").put("description", cweId + (cweName == null ? "" : " " + cweName))
                    .put("cweId", cweId).put("type", "CWE");
        }
        ArrayNode metrics = JSON.createArrayNode();
        if (cvss31Vector != null && Cvss.parse(cvss31Vector) instanceof CvssV3 v3) {
            metrics.addObject().putObject("cvssV3_1").put("version", "3.1").put("vectorString", v3.vector())
                    .put("baseScore", v3.baseScore()).put("baseSeverity", severity(v3.baseScore()));
        }
        if (cvss40Vector != null) {
            CvssVector parsed = Cvss.parse(cvss40Vector);
            if (parsed instanceof CvssV4 v4) {
                metrics.addObject().putObject("cvssV4_0").put("version", "4.0").put("vectorString", v4.vector())
                        .put("baseScore", v4.baseScore()).put("baseSeverity", severity(v4.baseScore()));
            }
        }
        if (!metrics.isEmpty()) {
            cna.set("metrics", metrics);
        }
        ArrayNode refs = cna.putArray("references");
        references.forEach(url -> refs.addObject().put("url", url));
        if (!credits.isEmpty()) {
            ArrayNode creditNode = cna.putArray("credits");
            credits.forEach(name -> creditNode.addObject().put("lang", "en").put("value", name).put("type", "finder"));
        }
        return root;
    }

    private static String severity(double score) {
        long tenths = Math.round(score * 10);
        return tenths == 0 ? "NONE" : tenths < 40 ? "LOW" : tenths < 70 ? "MEDIUM" : tenths < 90 ? "HIGH" : "CRITICAL";
    }
}
