package eu.vigil.core.feeds.nvd;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.vigil.core.InvalidInputException;
import eu.vigil.core.feeds.CpeName;
import eu.vigil.core.feeds.FeedRecord;
import eu.vigil.core.feeds.OsvJson;

/**
 * One NVD CVE ({@code vulnerabilities[].cve} of the CVE API 2.0) as an OSV record:
 * <ul>
 *   <li>{@code id}, {@code published}, {@code modified} ({@code lastModified}; NVD's UTC times get
 *       their {@code Z}); {@code vulnStatus} "Rejected" makes the record withdrawn;</li>
 *   <li>the English description as {@code details}, its first sentence as {@code summary};</li>
 *   <li>one CVSS vector per version (3.1, 3.0, 4.0, 2.0; NVD's own "Primary" one first) as
 *       {@code severity}, all metrics with scores in {@code database_specific.cvss};</li>
 *   <li>CWE ids in {@code database_specific.cwe_ids}; references with OSV types from NVD's tags;</li>
 *   <li>each vulnerable {@code cpeMatch} as an affected entry of ecosystem {@code CPE}, name
 *       {@code vendor:product}: a version range (start including or excluding as
 *       {@code introduced} — OSV has no exclusive start, so an excluded start version counts as
 *       affected —, end excluding as {@code fixed}, end including as {@code last_affected}), the
 *       criteria's own version as a listed version, or every version when it names none.</li>
 * </ul>
 */
public final class NvdToOsv {

    private static final Pattern CVE_ID = Pattern.compile("CVE-\\d{4}-\\d{4,}");
    private static final Pattern CWE_ID = Pattern.compile("CWE-\\d{1,6}");

    private NvdToOsv() {
    }

    /** The CVE as an OSV record, or a problem naming it. */
    public static FeedRecord convert(JsonNode cve, String source) {
        String id = text(cve, "id");
        if (id == null || !CVE_ID.matcher(id).matches()) {
            return FeedRecord.problem(id == null ? source : id, source + ": a CVE needs an id of the form CVE-YYYY-NNNN"
                    + (id == null ? "" : " (not \"" + excerpt(id) + "\")"));
        }
        try {
            return OsvJson.finish(toOsv(cve, id), source);
        } catch (InvalidInputException e) {
            return FeedRecord.problem(id, source + " (" + id + "): " + e.getMessage());
        }
    }

    private static ObjectNode toOsv(JsonNode cve, String id) {
        String modified = OsvJson.rfc3339(text(cve, "lastModified"));
        String published = OsvJson.rfc3339(text(cve, "published"));
        if (modified == null) {
            modified = published;
        }
        if (modified == null) {
            throw new InvalidInputException("lastModified is missing");
        }
        ObjectNode r = OsvJson.record(id, modified);
        if (published != null) {
            r.put("published", published);
        }
        if ("Rejected".equalsIgnoreCase(text(cve, "vulnStatus"))) {
            r.put("withdrawn", modified);
        }
        String description = english(cve.path("descriptions"));
        if (description != null) {
            r.put("summary", summary(description));
            r.put("details", description);
        }
        ObjectNode specific = OsvJson.object();
        specific.put("source", "NVD");
        if (text(cve, "vulnStatus") != null) {
            specific.put("vuln_status", text(cve, "vulnStatus"));
        }
        severities(cve.path("metrics"), r, specific);
        Set<String> cwes = new LinkedHashSet<>();
        for (JsonNode weakness : cve.path("weaknesses")) {
            for (JsonNode d : weakness.path("description")) {
                String value = text(d, "value");
                if (value != null && CWE_ID.matcher(value).matches()) {
                    cwes.add(value);
                }
            }
        }
        if (!cwes.isEmpty()) {
            ArrayNode list = specific.putArray("cwe_ids");
            cwes.forEach(list::add);
        }
        ArrayNode references = OsvJson.array();
        Set<String> urls = new LinkedHashSet<>();
        for (JsonNode ref : cve.path("references")) {
            String url = text(ref, "url");
            if (url != null && urls.add(url)) {
                ObjectNode o = references.addObject();
                o.put("type", referenceType(ref.path("tags")));
                o.put("url", url);
            }
        }
        if (!references.isEmpty()) {
            r.set("references", references);
        }
        ArrayNode affected = affected(cve.path("configurations"));
        if (!affected.isEmpty()) {
            r.set("affected", affected);
        }
        r.set("database_specific", specific);
        return r;
    }

    private static void severities(JsonNode metrics, ObjectNode r, ObjectNode specific) {
        ArrayNode severity = OsvJson.array();
        ArrayNode all = OsvJson.array();
        String[][] kinds = {{"cvssMetricV31", "CVSS_V3"}, {"cvssMetricV30", "CVSS_V3"}, {"cvssMetricV40", "CVSS_V4"},
                {"cvssMetricV2", "CVSS_V2"}};
        Set<String> typesDone = new LinkedHashSet<>();
        for (String[] kind : kinds) {
            JsonNode list = metrics.path(kind[0]);
            JsonNode chosen = null;
            for (JsonNode metric : list) {
                String vector = text(metric.path("cvssData"), "vectorString");
                if (vector == null) {
                    continue;
                }
                ObjectNode m = all.addObject();
                m.put("version", text(metric.path("cvssData"), "version"));
                m.put("vector", vector);
                if (metric.path("cvssData").path("baseScore").isNumber()) {
                    m.put("base_score", metric.path("cvssData").path("baseScore").asDouble());
                }
                String rating = text(metric.path("cvssData"), "baseSeverity");
                m.put("base_severity", rating != null ? rating : text(metric, "baseSeverity"));
                m.put("source", text(metric, "source"));
                m.put("type", text(metric, "type"));
                if (chosen == null || "Primary".equals(text(metric, "type")) && !"Primary".equals(text(chosen, "type"))) {
                    chosen = metric;
                }
            }
            if (chosen != null && typesDone.add(kind[1])) {
                ObjectNode s = severity.addObject();
                s.put("type", kind[1]);
                s.put("score", text(chosen.path("cvssData"), "vectorString"));
            }
        }
        if (!severity.isEmpty()) {
            r.set("severity", severity);
        }
        if (!all.isEmpty()) {
            specific.set("cvss", all);
        }
    }

    private static ArrayNode affected(JsonNode configurations) {
        Map<String, List<JsonNode>> byProduct = new LinkedHashMap<>();
        List<JsonNode> nodes = new ArrayList<>();
        for (JsonNode configuration : configurations) {
            configuration.path("nodes").forEach(nodes::add);
        }
        for (JsonNode node : nodes) {
            for (JsonNode match : node.path("cpeMatch")) {
                if (!match.path("vulnerable").asBoolean(false)) {
                    continue; // a platform the product runs on, not the vulnerable product
                }
                CpeName cpe = CpeName.parse(text(match, "criteria"));
                byProduct.computeIfAbsent(cpe.packageName(), k -> new ArrayList<>()).add(match);
            }
        }
        ArrayNode affected = OsvJson.array();
        for (Map.Entry<String, List<JsonNode>> product : byProduct.entrySet()) {
            ObjectNode entry = affected.addObject();
            ObjectNode pkg = entry.putObject("package");
            pkg.put("ecosystem", CpeName.ECOSYSTEM);
            pkg.put("name", product.getKey());
            ArrayNode ranges = OsvJson.array();
            Set<String> versions = new LinkedHashSet<>();
            ArrayNode criteria = OsvJson.array();
            for (JsonNode match : product.getValue()) {
                CpeName cpe = CpeName.parse(text(match, "criteria"));
                criteria.add(text(match, "criteria"));
                String startIncluding = text(match, "versionStartIncluding");
                String startExcluding = text(match, "versionStartExcluding");
                String endExcluding = text(match, "versionEndExcluding");
                String endIncluding = text(match, "versionEndIncluding");
                boolean ranged = startIncluding != null || startExcluding != null || endExcluding != null
                        || endIncluding != null;
                if (!ranged && cpe.hasVersion()) {
                    versions.add(cpe.version());
                    continue;
                }
                ObjectNode range = ranges.addObject();
                range.put("type", "ECOSYSTEM");
                ArrayNode events = range.putArray("events");
                String start = startIncluding != null ? startIncluding : startExcluding;
                events.addObject().put("introduced", start != null ? start : "0");
                if (endExcluding != null) {
                    events.addObject().put("fixed", endExcluding);
                } else if (endIncluding != null) {
                    events.addObject().put("last_affected", endIncluding);
                }
            }
            if (!ranges.isEmpty()) {
                entry.set("ranges", ranges);
            }
            if (!versions.isEmpty()) {
                ArrayNode list = entry.putArray("versions");
                versions.forEach(list::add);
            }
            entry.putObject("database_specific").set("cpe_criteria", criteria);
        }
        return affected;
    }

    private static String referenceType(JsonNode tags) {
        Set<String> t = new LinkedHashSet<>();
        tags.forEach(tag -> t.add(tag.asText()));
        if (t.contains("Patch")) {
            return "FIX";
        }
        if (t.contains("Vendor Advisory") || t.contains("Third Party Advisory") || t.contains("US Government Resource")) {
            return "ADVISORY";
        }
        if (t.contains("Exploit")) {
            return "EVIDENCE";
        }
        if (t.contains("Issue Tracking") || t.contains("Mailing List")) {
            return "REPORT";
        }
        return "WEB";
    }

    private static String english(JsonNode descriptions) {
        String first = null;
        for (JsonNode d : descriptions) {
            String value = text(d, "value");
            if (value == null) {
                continue;
            }
            if ("en".equalsIgnoreCase(text(d, "lang"))) {
                return value;
            }
            if (first == null) {
                first = value;
            }
        }
        return first;
    }

    /** The first sentence, at most 200 characters. */
    static String summary(String description) {
        String oneLine = description.strip().replaceAll("\\s+", " ");
        int end = oneLine.indexOf(". ");
        String sentence = end > 0 ? oneLine.substring(0, end + 1) : oneLine;
        return sentence.length() > 200 ? sentence.substring(0, 199) + "…" : sentence;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    private static String excerpt(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
