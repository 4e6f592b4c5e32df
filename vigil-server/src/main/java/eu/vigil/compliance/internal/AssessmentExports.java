package eu.vigil.compliance.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import eu.vigil.compliance.Approval;
import eu.vigil.compliance.Assessment;
import eu.vigil.compliance.EvidenceState;
import eu.vigil.compliance.Maturity;
import eu.vigil.compliance.PlannedAction;
import eu.vigil.compliance.RequirementResult;
import eu.vigil.compliance.Rollup;
import eu.vigil.compliance.Score;
import eu.vigil.core.catalogue.CatalogueSet;
import eu.vigil.core.catalogue.Requirement;

/** An assessment as CSV, as OSCAL assessment results (JSON) and as a PDF report. Stateless. */
public final class AssessmentExports {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Everything an export shows. */
    public record Data(Assessment assessment, List<Requirement> requirements, Map<String, RequirementResult> results,
                       Map<String, EvidenceState> evidence, Rollup rollup, List<PlannedAction> actions,
                       List<Approval> approvals, CatalogueSet catalogues, Instant now) {
    }

    private AssessmentExports() {
    }

    // ---- CSV -----------------------------------------------------------------------------------

    public static byte[] csv(Data data) {
        StringBuilder out = new StringBuilder();
        row(out, "requirement_id", "catalogue", "reference", "title", "applicable", "justification", "status",
                "maturity", "effective_maturity", "evidence", "owner", "due_date", "notes");
        for (Requirement requirement : data.requirements()) {
            RequirementResult r = data.results().getOrDefault(requirement.id(), RequirementResult.unrated(requirement.id()));
            EvidenceState state = data.evidence().getOrDefault(requirement.id(), EvidenceState.NONE);
            row(out, requirement.id(), data.catalogues().catalogueOf(requirement.id()).map(c -> c.id()).orElse(""),
                    requirement.reference(), requirement.title(), r.applicable(), r.justification(), r.status(),
                    r.maturity(), r.applicable() && r.maturity() != null ? Rollups.effectiveMaturity(r, state) : null,
                    state, r.owner(), r.dueDate(), r.notes());
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void row(StringBuilder out, Object... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(fields[i]));
        }
        out.append("\r\n");
    }

    /** RFC 4180 quoting, and a leading apostrophe so that spreadsheets never run a cell as a formula. */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r") || text.startsWith("'")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    // ---- OSCAL -----------------------------------------------------------------------------------

    /** A subset of OSCAL 1.1 assessment results: metadata, one result, one finding per requirement. */
    public static byte[] oscal(Data data) {
        Assessment a = data.assessment();
        ObjectNode root = JSON.createObjectNode();
        ObjectNode results = root.putObject("assessment-results");
        results.put("uuid", uuid("assessment-results", a.id(), a.version()));
        ObjectNode metadata = results.putObject("metadata");
        metadata.put("title", a.title());
        metadata.put("last-modified", a.updatedAt().toString());
        metadata.put("version", Integer.toString(a.version()));
        metadata.put("oscal-version", "1.1.2");
        ArrayNode props = metadata.putArray("props");
        prop(props, "scope", a.scopeLabel());
        prop(props, "catalogues", String.join(" ", a.catalogues()));
        prop(props, "target-maturity", Integer.toString(a.targetMaturity()));
        if (!data.approvals().isEmpty()) {
            Approval latest = data.approvals().get(0);
            prop(props, "approved-version", Integer.toString(latest.assessmentVersion()));
            prop(props, "approved-by", latest.approvedBy());
            prop(props, "approved-content-sha256", latest.digest());
            prop(props, "approval-signature", latest.signatureStatus() == null ? Approval.UNSIGNED : latest.signatureStatus());
        }
        results.putObject("import-ap").put("href", "#vigil-assessment-" + a.id());
        ObjectNode result = results.putArray("results").addObject();
        result.put("uuid", uuid("result", a.id(), a.version()));
        result.put("title", a.title() + " (version " + a.version() + ")");
        result.put("description", "Maturity self-assessment recorded in Vigil. Maturity scale 0 none, 1 ad hoc, "
                + "2 defined and applied, 3 measured and improved.");
        result.put("start", a.createdAt().toString());
        result.put("end", data.now().toString());
        ArrayNode selected = result.putObject("reviewed-controls").putArray("control-selections").addObject()
                .putArray("include-controls");
        ArrayNode findings = result.putArray("findings");
        for (Requirement requirement : data.requirements()) {
            RequirementResult r = data.results().getOrDefault(requirement.id(), RequirementResult.unrated(requirement.id()));
            selected.addObject().put("control-id", requirement.id());
            EvidenceState state = data.evidence().getOrDefault(requirement.id(), EvidenceState.NONE);
            ObjectNode finding = findings.addObject();
            finding.put("uuid", uuid("finding", a.id(), requirement.id()));
            finding.put("title", requirement.title());
            finding.put("description", requirement.text());
            ObjectNode target = finding.putObject("target");
            target.put("type", "objective-id");
            target.put("target-id", requirement.id());
            String stateName;
            if (!r.applicable()) {
                stateName = "not-applicable";
            } else if (r.maturity() == null) {
                stateName = "not-assessed";
            } else {
                stateName = Rollups.isGap(r, state, a.targetMaturity()) ? "not-satisfied" : "satisfied";
            }
            ObjectNode status = target.putObject("status");
            // OSCAL knows satisfied and not-satisfied; the finer state is kept as a reason
            status.put("state", "satisfied".equals(stateName) ? "satisfied" : "not-satisfied");
            status.put("reason", stateName);
            ArrayNode findingProps = finding.putArray("props");
            if (requirement.reference() != null) {
                prop(findingProps, "reference", requirement.reference());
            }
            prop(findingProps, "implementation-status", r.status().name().toLowerCase(java.util.Locale.ROOT));
            if (r.maturity() != null) {
                prop(findingProps, "maturity", Integer.toString(r.maturity()));
            }
            prop(findingProps, "evidence", state.name().toLowerCase(java.util.Locale.ROOT));
            if (!r.applicable() && r.justification() != null) {
                finding.put("remarks", r.justification());
            } else if (r.notes() != null) {
                finding.put("remarks", r.notes());
            }
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write OSCAL", e);
        }
    }

    private static void prop(ArrayNode props, String name, String value) {
        props.addObject().put("name", name).put("ns", "https://vigil.eu/ns/oscal").put("value", value);
    }

    private static String uuid(Object... parts) {
        StringBuilder seed = new StringBuilder("vigil");
        for (Object part : parts) {
            seed.append('/').append(part);
        }
        return UUID.nameUUIDFromBytes(seed.toString().getBytes(StandardCharsets.UTF_8)).toString();
    }

    // ---- PDF -------------------------------------------------------------------------------------

    public static byte[] pdf(Data data) {
        Assessment a = data.assessment();
        StringBuilder html = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <html xmlns="http://www.w3.org/1999/xhtml"><head><title>""").append(x(a.title())).append("""
                </title><style>
                body { font-family: sans-serif; font-size: 10pt; color: #1b2430; }
                h1 { font-size: 18pt; color: #1f4e79; } h2 { font-size: 13pt; color: #1f4e79; margin-top: 16pt; }
                table { border-collapse: collapse; width: 100%; } th, td { border-bottom: 1px solid #d9dee5; padding: 3pt; text-align: left; vertical-align: top; }
                th { font-size: 8pt; text-transform: uppercase; color: #5b6675; }
                .m0 { background: #fee4e2; } .m1 { background: #fef0c7; } .m2 { background: #d1e9ff; } .m3 { background: #dcfae6; } .na { background: #f2f4f7; }
                .muted { color: #5b6675; }
                </style></head><body>
                """);
        html.append("<h1>").append(x(a.title())).append("</h1>");
        html.append("<p class=\"muted\">").append(x(a.scopeLabel())).append(" · catalogues ")
                .append(x(String.join(", ", a.catalogues()))).append(" · version ").append(a.version())
                .append(" · target maturity ").append(a.targetMaturity()).append(" · generated ")
                .append(x(data.now().toString())).append("</p>");
        if (a.classification() != null) {
            html.append("<p>NIS2 classification when the assessment was made: <b>")
                    .append(x(a.classification().replace('_', ' '))).append("</b></p>");
        }
        html.append("<h2>Management approval</h2>");
        if (data.approvals().isEmpty()) {
            html.append("<p>Not approved yet.</p>");
        } else {
            Approval latest = data.approvals().get(0);
            html.append("<p>Version ").append(latest.assessmentVersion()).append(" approved by ")
                    .append(x(latest.approvedBy())).append(" on ").append(x(latest.approvedAt().toString()))
                    .append(latest.assessmentVersion() == a.version() ? "" : " (the assessment changed since)")
                    .append(".<br/>SHA-256 of the approved content: <span class=\"muted\">").append(latest.digest())
                    .append("</span><br/>Signature: <b>").append(signatureText(latest)).append("</b></p>");
        }
        html.append("<h2>Overall maturity: ").append(data.rollup().overall().formatted()).append(" of 3</h2>");
        html.append("<p><img width=\"360\" height=\"360\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(radarPng(data.rollup().areas()))).append("\"/></p>");
        scoreTable(html, "Per security area", data.rollup().areas());
        scoreTable(html, "Per article and section", data.rollup().sections());
        html.append("<h2>Action plan</h2><table><tr><th>Requirement</th><th>Priority</th><th>Owner</th><th>Due</th><th>Status</th></tr>");
        LocalDate today = LocalDate.ofInstant(data.now(), java.time.ZoneOffset.UTC);
        for (PlannedAction action : data.actions()) {
            if (!"OPEN".equals(action.status())) {
                continue;
            }
            html.append("<tr><td>").append(x(action.requirementId())).append(" ").append(x(action.requirementTitle()))
                    .append("</td><td>").append(action.priority()).append("</td><td>").append(x(action.owner()))
                    .append("</td><td>").append(x(action.dueDate())).append("</td><td>")
                    .append(action.overdueOn(today) ? "OVERDUE" : "open").append("</td></tr>");
        }
        html.append("</table><h2>Requirements</h2><table><tr><th>Requirement</th><th>Applicable</th><th>Status</th><th>Maturity</th><th>Evidence</th></tr>");
        for (Requirement requirement : data.requirements()) {
            RequirementResult r = data.results().getOrDefault(requirement.id(), RequirementResult.unrated(requirement.id()));
            html.append("<tr><td>").append(x(requirement.id())).append(" ").append(x(requirement.title()))
                    .append("</td><td>").append(r.applicable() ? "yes" : "no: " + x(r.justification()))
                    .append("</td><td>").append(x(r.status().label())).append("</td><td>")
                    .append(x(Maturity.name(r.maturity()))).append("</td><td>")
                    .append(x(data.evidence().getOrDefault(requirement.id(), EvidenceState.NONE).name().toLowerCase()))
                    .append("</td></tr>");
        }
        html.append("</table></body></html>");
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(html.toString(), null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the PDF report", e);
        }
    }

    static String signatureText(Approval approval) {
        return switch (approval.signatureStatus() == null ? Approval.UNSIGNED : approval.signatureStatus()) {
            case Approval.VALID -> "signature valid (key " + approval.signatureKeyId() + ")";
            case Approval.INVALID -> "INVALID: the approval record does not match its signature";
            default -> "not signed (recorded before approvals were signed)";
        };
    }

    private static void scoreTable(StringBuilder html, String heading, List<Score> scores) {
        html.append("<h2>").append(x(heading)).append("</h2><table><tr><th>Section</th><th>Score</th><th>Applicable</th><th>Rated</th><th>Gaps</th></tr>");
        for (Score s : scores) {
            html.append("<tr><td>").append(x(s.label())).append("</td><td class=\"").append(s.heatClass()).append("\">")
                    .append(s.formatted()).append("</td><td>").append(s.applicable()).append("</td><td>")
                    .append(s.rated()).append("</td><td>").append(s.gaps()).append("</td></tr>");
        }
        html.append("</table>");
    }

    /** The radar chart of the areas, drawn with Java 2D (the PDF renderer has no SVG support without Batik). */
    static byte[] radarPng(List<Score> areas) {
        int size = 720;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, size, size);
            double cx = size / 2.0;
            double cy = size / 2.0;
            double radius = size * 0.32;
            int n = areas.size();
            g.setColor(new Color(0xd9dee5));
            for (int level = 1; level <= 3; level++) {
                g.draw(polygon(n, cx, cy, radius * level / 3.0, i -> 1.0));
            }
            for (int i = 0; i < n; i++) {
                double angle = angle(i, n);
                g.drawLine((int) cx, (int) cy, (int) (cx + radius * Math.cos(angle)), (int) (cy + radius * Math.sin(angle)));
            }
            Path2D shape = polygon(n, cx, cy, radius, i -> areas.get(i).score() == null ? 0 : areas.get(i).score() / 3.0);
            g.setColor(new Color(46, 134, 193, 90));
            g.fill(shape);
            g.setColor(new Color(0x1f4e79));
            g.setStroke(new BasicStroke(3f));
            g.draw(shape);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 20));
            g.setColor(new Color(0x1b2430));
            for (int i = 0; i < n; i++) {
                double angle = angle(i, n);
                String label = areas.get(i).label() + " " + areas.get(i).formatted();
                int width = g.getFontMetrics().stringWidth(label);
                double lx = cx + (radius + 30) * Math.cos(angle);
                double ly = cy + (radius + 30) * Math.sin(angle);
                int x = (int) (Math.cos(angle) < -0.2 ? lx - width : Math.cos(angle) > 0.2 ? lx : lx - width / 2.0);
                g.drawString(label, Math.max(2, Math.min(size - width - 2, x)), (int) ly + 7);
            }
        } finally {
            g.dispose();
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double angle(int i, int n) {
        return -Math.PI / 2 + 2 * Math.PI * i / n;
    }

    private static Path2D polygon(int n, double cx, double cy, double radius, java.util.function.IntToDoubleFunction scale) {
        Path2D path = new Path2D.Double();
        for (int i = 0; i < n; i++) {
            double r = radius * scale.applyAsDouble(i);
            double x = cx + r * Math.cos(angle(i, n));
            double y = cy + r * Math.sin(angle(i, n));
            if (i == 0) {
                path.moveTo(x, y);
            } else {
                path.lineTo(x, y);
            }
        }
        path.closePath();
        return path;
    }

    /** XML text escaping. */
    private static String x(Object value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (char c : value.toString().toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
