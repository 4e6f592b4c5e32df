package eu.vigil.core.feeds.csaf;

import java.util.ArrayList;
import java.util.HashMap;
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
import eu.vigil.core.osv.OsvPackageRef;
import eu.vigil.core.purl.PackageUrl;

/**
 * A CSAF 2.0 advisory's vulnerabilities as OSV records, one per vulnerability.
 * <ul>
 *   <li>id: the document's {@code tracking.id} when it has one vulnerability, else
 *       {@code tracking.id/CVE} (or {@code tracking.id/N}); the CVE is an alias; {@code modified}
 *       is {@code current_release_date}, {@code published} {@code initial_release_date};</li>
 *   <li>products are found in the product tree's branches, full product names and relationships
 *       (a relationship's component gives its package); a product with a purl helper is stored
 *       under the purl's OSV package, else one with a CPE helper under {@code CPE} /
 *       {@code vendor:product}; products with neither cannot be matched and are listed in
 *       {@code database_specific.unidentified_products};</li>
 *   <li>{@code known_affected}, {@code first_affected}, {@code last_affected}: the product's version
 *       is a listed affected version, or every version when it has none; {@code fixed}: when all
 *       versions of a package are affected and it has one fixed version, the range is
 *       {@code introduced 0, fixed V}; fixed versions are also kept in the entry's
 *       {@code database_specific.fixed_versions};</li>
 *   <li>CVSS 3.x and 2.0 vectors from {@code scores}, the CWE, notes and references.</li>
 * </ul>
 */
public final class CsafToOsv {

    private static final Pattern CVE_ID = Pattern.compile("CVE-\\d{4}-\\d{4,}");

    /** A product's package and version (null when the helper names none). */
    private record Product(OsvPackageRef pkg, String purl, String version) {
    }

    private final JsonNode root;
    private final String source;
    private final String trackingId;
    private final String modified;
    private final String published;
    private final List<JsonNode> vulnerabilities = new ArrayList<>();
    private final Map<String, JsonNode> helpers = new HashMap<>();
    private final Map<String, String> componentOf = new HashMap<>();

    private CsafToOsv(JsonNode root, String source) {
        this.root = root;
        this.source = source;
        JsonNode document = root.path("document");
        if (!document.isObject()) {
            throw new InvalidInputException(source + ": not a CSAF 2.0 document: no \"document\" object");
        }
        JsonNode tracking = document.path("tracking");
        this.trackingId = text(tracking, "id");
        if (trackingId == null || trackingId.isBlank()) {
            throw new InvalidInputException(source + ": not a CSAF 2.0 document: document.tracking.id is missing");
        }
        this.modified = OsvJson.rfc3339(text(tracking, "current_release_date"));
        this.published = OsvJson.rfc3339(text(tracking, "initial_release_date"));
        if (modified == null) {
            throw new InvalidInputException(source + " (" + trackingId + "): document.tracking.current_release_date is missing");
        }
        root.path("vulnerabilities").forEach(vulnerabilities::add);
        collectBranches(root.path("product_tree").path("branches"), 0);
        for (JsonNode p : root.path("product_tree").path("full_product_names")) {
            collectProduct(p);
        }
        for (JsonNode r : root.path("product_tree").path("relationships")) {
            JsonNode full = r.path("full_product_name");
            collectProduct(full);
            String id = text(full, "product_id");
            String component = text(r, "product_reference");
            if (id != null && component != null) {
                componentOf.put(id, component);
            }
        }
    }

    /** Reads the document's header and product tree; a document without them is refused. */
    public static CsafToOsv of(JsonNode root, String source) {
        if (root == null || !root.isObject()) {
            throw new InvalidInputException(source + ": not a CSAF 2.0 document: a JSON object was expected");
        }
        return new CsafToOsv(root, source);
    }

    public String trackingId() {
        return trackingId;
    }

    public int vulnerabilityCount() {
        return vulnerabilities.size();
    }

    private void collectBranches(JsonNode branches, int depth) {
        if (depth > 30) {
            return;
        }
        for (JsonNode branch : branches) {
            collectProduct(branch.path("product"));
            collectBranches(branch.path("branches"), depth + 1);
        }
    }

    private void collectProduct(JsonNode product) {
        String id = text(product, "product_id");
        JsonNode helper = product.path("product_identification_helper");
        if (id != null && helper.isObject()) {
            helpers.putIfAbsent(id, helper);
        }
    }

    /** The product's package: its own helper, else its component's (for a relationship). */
    private Product product(String productId) {
        Product p = fromHelper(helpers.get(productId));
        String component = componentOf.get(productId);
        int hops = 0;
        while (p == null && component != null && hops++ < 10) {
            p = fromHelper(helpers.get(component));
            component = componentOf.get(component);
        }
        return p;
    }

    private static Product fromHelper(JsonNode helper) {
        if (helper == null) {
            return null;
        }
        String purl = text(helper, "purl");
        if (purl != null) {
            try {
                PackageUrl parsed = PackageUrl.parse(purl);
                Map<String, String> qualifiers = parsed.qualifiers();
                String distro = qualifiers == null ? null : qualifiers.get("distro");
                OsvPackageRef pkg = OsvPackageRef.fromPurl(parsed.type(), parsed.namespace(), parsed.name(), distro);
                String version = parsed.version();
                if (version != null && parsed.type().equals("golang") && version.startsWith("v")) {
                    version = version.substring(1);
                }
                return new Product(pkg, PackageUrl.of(parsed.type(), parsed.namespace(), parsed.name(), null, null, null)
                        .canonical(), version);
            } catch (InvalidInputException e) {
                // an unreadable purl: fall back to the CPE when there is one
            }
        }
        String cpe = text(helper, "cpe");
        if (cpe != null) {
            try {
                CpeName name = CpeName.parse(cpe);
                return new Product(new OsvPackageRef(CpeName.ECOSYSTEM, name.packageName()), null,
                        name.hasVersion() ? name.version() : null);
            } catch (InvalidInputException e) {
                return null;
            }
        }
        return null;
    }

    /** The vulnerability with this index as an OSV record, or a problem naming it. */
    public FeedRecord convert(int index) {
        JsonNode v = vulnerabilities.get(index);
        String cve = text(v, "cve");
        String id = vulnerabilities.size() == 1 ? trackingId
                : trackingId + "/" + (cve != null ? cve : String.valueOf(index + 1));
        try {
            return OsvJson.finish(toOsv(v, id, cve), source);
        } catch (InvalidInputException e) {
            return FeedRecord.problem(id, source + " (" + id + "): " + e.getMessage());
        }
    }

    private ObjectNode toOsv(JsonNode v, String id, String cve) {
        ObjectNode r = OsvJson.record(id, modified);
        if (published != null) {
            r.put("published", published);
        }
        if (cve != null && CVE_ID.matcher(cve).matches()) {
            r.putArray("aliases").add(cve);
        }
        String title = text(v, "title") != null ? text(v, "title") : text(root.path("document"), "title");
        if (title != null) {
            r.put("summary", title.length() > 200 ? title.substring(0, 199) + "…" : title);
        }
        String details = note(v.path("notes"));
        if (details == null) {
            details = note(root.path("document").path("notes"));
        }
        if (details != null) {
            r.put("details", details);
        }
        ArrayNode severity = OsvJson.array();
        Set<String> types = new LinkedHashSet<>();
        for (JsonNode score : v.path("scores")) {
            addScore(severity, types, "CVSS_V3", text(score.path("cvss_v3"), "vectorString"));
            addScore(severity, types, "CVSS_V2", text(score.path("cvss_v2"), "vectorString"));
        }
        if (!severity.isEmpty()) {
            r.set("severity", severity);
        }
        ArrayNode affected = affected(v.path("product_status"), r);
        if (!affected.isEmpty()) {
            r.set("affected", affected);
        }
        ArrayNode references = OsvJson.array();
        Set<String> urls = new LinkedHashSet<>();
        for (JsonNode ref : v.path("references")) {
            addReference(references, urls, ref, "WEB");
        }
        for (JsonNode ref : root.path("document").path("references")) {
            addReference(references, urls, ref, "ADVISORY");
        }
        if (!references.isEmpty()) {
            r.set("references", references);
        }
        ObjectNode specific = r.has("database_specific") ? (ObjectNode) r.get("database_specific") : r.putObject("database_specific");
        specific.put("source", "CSAF");
        specific.put("advisory", trackingId);
        String publisher = text(root.path("document").path("publisher"), "name");
        if (publisher != null) {
            specific.put("publisher", publisher);
        }
        String cwe = text(v.path("cwe"), "id");
        if (cwe != null) {
            specific.putArray("cwe_ids").add(cwe);
        }
        return r;
    }

    private static void addScore(ArrayNode severity, Set<String> types, String type, String vector) {
        if (vector != null && types.add(type)) {
            ObjectNode s = severity.addObject();
            s.put("type", type);
            s.put("score", vector);
        }
    }

    private static void addReference(ArrayNode references, Set<String> urls, JsonNode ref, String selfType) {
        String url = text(ref, "url");
        if (url != null && urls.add(url)) {
            ObjectNode o = references.addObject();
            o.put("type", "self".equals(text(ref, "category")) ? "ADVISORY" : selfType);
            o.put("url", url);
        }
    }

    private static String note(JsonNode notes) {
        String fallback = null;
        for (JsonNode n : notes) {
            String category = text(n, "category");
            String text = text(n, "text");
            if (text == null) {
                continue;
            }
            if ("description".equals(category) || "summary".equals(category)) {
                return text;
            }
            if (fallback == null && !"legal_disclaimer".equals(category)) {
                fallback = text;
            }
        }
        return fallback;
    }

    /** Per package: affected versions (empty set: all), fixed versions, and the purl written. */
    private static final class PackageStatus {
        final Set<String> affectedVersions = new LinkedHashSet<>();
        boolean allAffected;
        final Set<String> fixedVersions = new LinkedHashSet<>();
        String purl;
    }

    private ArrayNode affected(JsonNode status, ObjectNode record) {
        Map<OsvPackageRef, PackageStatus> packages = new LinkedHashMap<>();
        Set<String> unidentified = new LinkedHashSet<>();
        for (String category : List.of("known_affected", "first_affected", "last_affected", "fixed", "first_fixed")) {
            boolean fixed = category.contains("fixed");
            for (JsonNode productId : status.path(category)) {
                String pid = productId.asText();
                Product p = product(pid);
                if (p == null) {
                    unidentified.add(pid);
                    continue;
                }
                PackageStatus s = packages.computeIfAbsent(p.pkg(), k -> new PackageStatus());
                if (s.purl == null) {
                    s.purl = p.purl();
                }
                if (fixed) {
                    if (p.version() != null) {
                        s.fixedVersions.add(p.version());
                    }
                } else if (p.version() != null) {
                    s.affectedVersions.add(p.version());
                } else {
                    s.allAffected = true;
                }
            }
        }
        ArrayNode affected = OsvJson.array();
        for (Map.Entry<OsvPackageRef, PackageStatus> e : packages.entrySet()) {
            PackageStatus s = e.getValue();
            ObjectNode entry = OsvJson.object();
            ObjectNode pkg = entry.putObject("package");
            pkg.put("ecosystem", e.getKey().ecosystem());
            pkg.put("name", e.getKey().name());
            if (s.purl != null) {
                pkg.put("purl", s.purl);
            }
            boolean everyVersion = s.allAffected || s.affectedVersions.isEmpty();
            if (everyVersion) {
                ArrayNode events = entry.putArray("ranges").addObject().put("type", "ECOSYSTEM").putArray("events");
                events.addObject().put("introduced", "0");
                if (s.fixedVersions.size() == 1) {
                    events.addObject().put("fixed", s.fixedVersions.iterator().next());
                }
            } else {
                ArrayNode versions = entry.putArray("versions");
                s.affectedVersions.forEach(versions::add);
            }
            if (!s.fixedVersions.isEmpty()) {
                ArrayNode fixed = entry.putObject("database_specific").putArray("fixed_versions");
                s.fixedVersions.forEach(fixed::add);
            }
            affected.add(entry);
        }
        if (!unidentified.isEmpty()) {
            ArrayNode list = record.putObject("database_specific").putArray("unidentified_products");
            unidentified.stream().limit(200).forEach(list::add);
        }
        return affected;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }
}
