package eu.vigil.psirt.web;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What the HTML advisory page shows, read from the published CSAF document. */
record AdvisoryView(String trackingId, String title, String version, String initialRelease, String currentRelease,
                    String summary, List<Vulnerability> vulnerabilities, List<String> products) {

    record Vulnerability(String cve, String title, String cwe, String cvss, String score, String description,
                         List<String> remediations) {
    }

    static AdvisoryView of(byte[] document) {
        try {
            JsonNode root = new ObjectMapper().readTree(document);
            JsonNode d = root.path("document");
            List<String> products = new ArrayList<>();
            collect(root.path("product_tree").path("branches"), products);
            List<Vulnerability> vulnerabilities = new ArrayList<>();
            for (JsonNode v : root.path("vulnerabilities")) {
                List<String> remediations = new ArrayList<>();
                v.path("remediations").forEach(r -> remediations.add(r.path("details").asText()));
                String description = "";
                for (JsonNode note : v.path("notes")) {
                    if ("description".equals(note.path("category").asText())) {
                        description = note.path("text").asText();
                    }
                }
                JsonNode cvss = v.path("scores").path(0).path("cvss_v3");
                vulnerabilities.add(new Vulnerability(v.path("cve").asText(null), v.path("title").asText(null),
                        v.path("cwe").isMissingNode() ? null : v.path("cwe").path("id").asText() + " "
                                + v.path("cwe").path("name").asText(),
                        cvss.path("vectorString").asText(null),
                        cvss.isMissingNode() ? null : cvss.path("baseScore").asText() + " " + cvss.path("baseSeverity").asText(),
                        description, remediations));
            }
            String summary = null;
            for (JsonNode note : d.path("notes")) {
                if ("summary".equals(note.path("category").asText())) {
                    summary = note.path("text").asText();
                }
            }
            JsonNode t = d.path("tracking");
            return new AdvisoryView(t.path("id").asText(), d.path("title").asText(), t.path("version").asText(),
                    t.path("initial_release_date").asText(), t.path("current_release_date").asText(), summary,
                    vulnerabilities, products);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored advisory is not JSON", e);
        }
    }

    private static void collect(JsonNode branches, List<String> out) {
        for (JsonNode b : branches) {
            if (b.has("product")) {
                out.add(b.path("product").path("name").asText());
            }
            collect(b.path("branches"), out);
        }
    }
}
