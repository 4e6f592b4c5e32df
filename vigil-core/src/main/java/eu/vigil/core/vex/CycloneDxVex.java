package eu.vigil.core.vex;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.vigil.core.InvalidInputException;

/**
 * CycloneDX VEX (a CycloneDX 1.6 JSON document of {@code vulnerabilities} with {@code analysis}).
 * Written with one vulnerability entry per vulnerability and state, whose {@code affects[].ref}
 * are the components' Package URLs. Read from any CycloneDX 1.4–1.6 JSON document with
 * {@code vulnerabilities}; entries without {@code analysis} are taken as {@code in_triage}.
 */
public final class CycloneDxVex {

    private static final String FORMAT = "CycloneDX VEX";

    private CycloneDxVex() {
    }

    public static byte[] write(VexDocument document) {
        ObjectNode root = VexJson.MAPPER.createObjectNode();
        root.put("bomFormat", "CycloneDX");
        root.put("specVersion", "1.6");
        if (document.id() != null) {
            root.put("serialNumber", document.id());
        }
        root.put("version", 1);
        ObjectNode metadata = root.putObject("metadata");
        if (document.timestamp() != null) {
            metadata.put("timestamp", document.timestamp().toString());
        }
        if (document.author() != null) {
            metadata.putArray("authors").addObject().put("name", document.author());
        }
        // one entry per (vulnerability, state, justification, detail): components sharing an analysis share it
        Map<List<Object>, List<VexStatement>> groups = new LinkedHashMap<>();
        for (VexStatement s : document.statements()) {
            groups.computeIfAbsent(java.util.Arrays.asList(s.vulnerabilityId(), s.state(), s.justification(), s.detail()),
                    k -> new ArrayList<>()).add(s);
        }
        ArrayNode vulnerabilities = root.putArray("vulnerabilities");
        for (List<VexStatement> group : groups.values()) {
            VexStatement first = group.get(0);
            ObjectNode v = vulnerabilities.addObject();
            v.put("id", first.vulnerabilityId());
            if (!first.aliases().isEmpty()) {
                ArrayNode references = v.putArray("references");
                for (String alias : first.aliases()) {
                    references.addObject().put("id", alias).putObject("source").put("name", sourceOf(alias));
                }
            }
            ObjectNode analysis = v.putObject("analysis");
            analysis.put("state", first.state().cycloneDx());
            if (first.justification() != null) {
                analysis.put("justification", first.justification().cycloneDx());
            }
            if (first.detail() != null) {
                analysis.put("detail", first.detail());
            }
            Instant updated = group.stream().map(VexStatement::timestamp).filter(t -> t != null)
                    .max(Instant::compareTo).orElse(null);
            if (updated != null) {
                analysis.put("lastUpdated", updated.toString());
            }
            ArrayNode affects = v.putArray("affects");
            for (VexStatement s : group) {
                affects.addObject().put("ref", s.componentPurl());
            }
        }
        return VexJson.write(root);
    }

    private static String sourceOf(String id) {
        if (id.startsWith("CVE-")) {
            return "NVD";
        }
        if (id.startsWith("GHSA-")) {
            return "GitHub";
        }
        return "OSV";
    }

    /** The bom-ref of a BOM-Link ({@code urn:cdx:serial/version#bom-ref}), percent-decoded; other refs as they are. */
    static String bomLinkTarget(String ref) {
        int hash = ref.indexOf('#');
        if (ref.startsWith("urn:cdx:") && hash > 0 && hash < ref.length() - 1) {
            try {
                return java.net.URLDecoder.decode(ref.substring(hash + 1).replace("+", "%2B"),
                        java.nio.charset.StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return ref.substring(hash + 1);
            }
        }
        return ref;
    }

    public static VexDocument read(byte[] bytes) {
        JsonNode root = VexJson.parse(bytes, FORMAT);
        if (!"CycloneDX".equals(VexJson.text(root, "bomFormat"))) {
            throw new InvalidInputException(FORMAT + ": 'bomFormat' is not CycloneDX");
        }
        String spec = VexJson.text(root, "specVersion");
        if (spec == null || !spec.matches("1\\.[4-6]")) {
            throw new InvalidInputException(FORMAT + ": specVersion " + spec + " is not supported (1.4 to 1.6; "
                    + "vulnerabilities came with 1.4)");
        }
        JsonNode vulnerabilities = root.get("vulnerabilities");
        if (vulnerabilities == null || !vulnerabilities.isArray()) {
            throw new InvalidInputException(FORMAT + ": no 'vulnerabilities' array");
        }
        Instant documentTime = root.has("metadata") ? VexJson.instant(root.get("metadata"), "timestamp", FORMAT) : null;
        List<VexStatement> statements = new ArrayList<>();
        int index = 0;
        for (JsonNode v : vulnerabilities) {
            String where = "vulnerabilities[" + index++ + "]";
            String id = VexJson.text(v, "id");
            if (id == null) {
                throw new InvalidInputException(FORMAT + ": " + where + " has no 'id'");
            }
            List<String> aliases = new ArrayList<>();
            JsonNode references = v.get("references");
            if (references != null && references.isArray()) {
                for (JsonNode r : references) {
                    String alias = VexJson.text(r, "id");
                    if (alias != null && !alias.equals(id)) {
                        aliases.add(alias);
                    }
                }
            }
            JsonNode analysis = v.get("analysis");
            VexState state = VexState.IN_TRIAGE;
            VexJustification justification = null;
            String detail = null;
            Instant time = documentTime;
            if (analysis != null && analysis.isObject()) {
                String stateText = VexJson.text(analysis, "state");
                if (stateText != null) {
                    state = VexState.fromCycloneDx(stateText);
                }
                String j = VexJson.text(analysis, "justification");
                justification = j == null ? null : VexJustification.fromCycloneDx(j);
                detail = VexJson.text(analysis, "detail");
                Instant updated = VexJson.instant(analysis, "lastUpdated", FORMAT);
                time = updated != null ? updated : VexJson.instant(analysis, "firstIssued", FORMAT);
                if (time == null) {
                    time = documentTime;
                }
            }
            JsonNode affects = v.get("affects");
            if (affects == null || !affects.isArray()) {
                continue; // a vulnerability without 'affects' states nothing about a component (a plain advisory)
            }
            for (JsonNode a : affects) {
                String ref = VexJson.text(a, "ref");
                if (ref == null) {
                    throw new InvalidInputException(FORMAT + ": " + where + " (" + id + ") has an 'affects' entry without 'ref'");
                }
                statements.add(new VexStatement(id, aliases, null, bomLinkTarget(ref), state, justification, detail, time));
            }
        }
        return new VexDocument(VexJson.text(root, "serialNumber"), null, documentTime, statements);
    }
}
