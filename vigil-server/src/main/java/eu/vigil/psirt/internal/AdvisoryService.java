package eu.vigil.psirt.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.vigil.audit.AuditEvent;
import eu.vigil.audit.AuditTrail;
import eu.vigil.core.cra.CraDeadline;
import eu.vigil.core.cra.CraStage;
import eu.vigil.core.csaf.CsafAdvisory;
import eu.vigil.core.csaf.CsafProviderLayout;
import eu.vigil.core.csaf.CsafValidation;
import eu.vigil.core.csaf.CsafValidator;
import eu.vigil.core.csaf.CsafWriter;
import eu.vigil.core.csaf.CweCatalogue;
import eu.vigil.core.cve.CveRecord;
import eu.vigil.identity.Role;
import eu.vigil.notifications.Notice;
import eu.vigil.psirt.AdvisoryPublished;
import eu.vigil.sbom.Portfolio;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * CSAF advisories of cases: drafted from the case (products and releases from the portfolio with
 * purl and CPE), validated against the official schema and the 6.1 mandatory tests, published only
 * when valid, served as a trusted provider, exported as CVE JSON 5; update notices on publication.
 */
@Service
@Transactional
public class AdvisoryService {

    private final JdbcClient jdbc;
    private final PsirtService cases;
    private final ProviderKey key;
    private final CsafValidator validator;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private record CachedFiles(String stamp, Map<String, byte[]> files) {
    }

    private volatile CachedFiles providerFiles;

    AdvisoryService(JdbcClient jdbc, PsirtService cases, ProviderKey key, CsafValidator validator, AuditTrail audit,
                    ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.key = key;
        this.validator = validator;
        this.audit = audit;
        this.events = events;
    }

    public record AdvisoryDraft(String title, String summary, String tlp) {
    }

    /** The advisory of a case, if one was drafted. */
    @Transactional(readOnly = true)
    public Optional<Advisory> ofCase(long caseId) {
        return jdbc.sql("SELECT * FROM psirt_advisory WHERE case_id = ?").param(caseId).query(AdvisoryService::map).optional();
    }

    @Transactional(readOnly = true)
    public Optional<Advisory> byTrackingId(String trackingId) {
        return jdbc.sql("SELECT * FROM psirt_advisory WHERE tracking_id = ?").param(trackingId)
                .query(AdvisoryService::map).optional();
    }

    /** Creates or refreshes the draft from the case as it stands now, and validates it. */
    public CsafValidation draft(long caseId, AdvisoryDraft draft, String user) {
        PsirtCase c = cases.find(caseId);
        String tlp = draft.tlp() == null || draft.tlp().isBlank() ? "WHITE" : draft.tlp().strip().toUpperCase();
        if (!Set.of("WHITE", "GREEN", "AMBER", "RED").contains(tlp)) {
            throw new InvalidPsirtInput("TLP must be WHITE, GREEN, AMBER or RED.");
        }
        String title = draft.title() == null || draft.title().isBlank() ? c.title() : draft.title().strip();
        if (title.length() > 300) {
            throw new InvalidPsirtInput("Title is too long (at most 300 characters).");
        }
        String summary = draft.summary() == null ? null : PsirtService.clip(draft.summary().strip(), 10_000);
        Instant now = cases.now();
        Optional<Advisory> existing = ofCase(caseId);
        if (existing.isEmpty()) {
            String trackingId = cases.settings().trackingPrefix() + "-" + now.atOffset(ZoneOffset.UTC).getYear() + "-"
                    + String.format("%04d", caseId);
            jdbc.sql("""
                    INSERT INTO psirt_advisory (case_id, tracking_id, title, tlp, summary, status, version, revisions,
                        updated_at, updated_by) VALUES (?, ?, ?, ?, ?, 'DRAFT', 0, '', ?, ?)""")
                    .param(caseId).param(trackingId).param(title).param(tlp).param(summary)
                    .param(PsirtService.at(now)).param(user).update();
        } else {
            jdbc.sql("UPDATE psirt_advisory SET title = ?, tlp = ?, summary = ?, updated_at = ?, updated_by = ? WHERE case_id = ?")
                    .param(title).param(tlp).param(summary).param(PsirtService.at(now)).param(user).param(caseId).update();
        }
        Advisory advisory = ofCase(caseId).orElseThrow();
        byte[] document = CsafWriter.bytes(build(c, advisory, now, "draft", "Draft"));
        // the published document stays as it is until the next publication
        jdbc.sql("UPDATE psirt_advisory SET draft_document = ? WHERE case_id = ?")
                .param(new String(document, StandardCharsets.UTF_8)).param(caseId).update();
        audit.record(AuditEvent.of("psirt.advisory.draft").object("psirt-case", caseId)
                .detail("trackingId", advisory.trackingId()));
        return validator.validate(document);
    }

    /** The validation of the current document of a case's advisory. */
    @Transactional(readOnly = true)
    public CsafValidation validation(long caseId) {
        Advisory advisory = ofCase(caseId).orElseThrow(() -> new UnknownCase("The case has no advisory yet."));
        return validator.validate(advisory.currentDocument().getBytes(StandardCharsets.UTF_8));
    }

    /** Publishes a new revision (final) when it passes every check; otherwise nothing changes. */
    public Advisory publish(long caseId, String revisionSummary, String user) {
        PsirtCase c = cases.find(caseId);
        Advisory advisory = ofCase(caseId).orElseThrow(() -> new UnknownCase("Draft the advisory first."));
        Instant now = cases.now();
        String summary = revisionSummary == null || revisionSummary.isBlank()
                ? (advisory.version() == 0 ? "Initial version" : "Update") : PsirtService.clip(revisionSummary.strip(), 500);
        byte[] document = CsafWriter.bytes(build(c, advisory, now, "final", summary));
        CsafValidation result = validator.validate(document);
        if (!result.valid()) {
            audit.record(AuditEvent.of("psirt.advisory.publish").object("psirt-case", caseId).failed()
                    .detail("failedTests", String.join(",", result.failedTests())));
            throw new AdvisoryInvalid(result.failures());
        }
        int version = advisory.version() + 1;
        String revisions = advisory.revisions() + version + "|" + now + "|" + summary.replace('\n', ' ').replace('|', '/') + "\n";
        jdbc.sql("""
                UPDATE psirt_advisory SET status = 'PUBLISHED', document = ?, draft_document = NULL, version = ?, revisions = ?,
                    initial_release = COALESCE(initial_release, ?), current_release = ?, updated_at = ?, updated_by = ?
                WHERE case_id = ?""")
                .param(new String(document, StandardCharsets.UTF_8)).param(version).param(revisions)
                .param(PsirtService.at(now)).param(PsirtService.at(now)).param(PsirtService.at(now)).param(user)
                .param(caseId).update();
        providerFiles = null;
        audit.record(AuditEvent.of("psirt.advisory.publish").object("psirt-case", caseId)
                .detail("trackingId", advisory.trackingId()).detail("version", version));
        Portfolio portfolio = cases.portfolio();
        String productKey = c.productId() == null ? null
                : portfolio.product(c.productId()).map(Portfolio.Product::key).orElse(null);
        String fixed = c.fixedReleaseId() == null ? null
                : portfolio.release(c.fixedReleaseId()).map(Portfolio.Release::version).orElse(null);
        Map<String, String> tags = new LinkedHashMap<>();
        if (productKey != null) {
            tags.put("product", productKey);
        }
        if (fixed != null) {
            tags.put("release", fixed);
        }
        String link = "/advisories/" + advisory.trackingId();
        events.publishEvent(new Notice("psirt.advisory.published",
                "CRITICAL".equals(c.severity()) || "HIGH".equals(c.severity()) ? Notice.Urgency.CRITICAL : Notice.Urgency.WARNING,
                "psirt:advisory:" + advisory.trackingId() + ":" + version,
                "Security advisory " + advisory.trackingId() + ": " + advisory.title(),
                (fixed == null ? "No fixed release is named yet." : "Fixed in release " + fixed + ".")
                        + " Details: " + cases.settings().publicUrl() + link,
                link, Set.of(Role.SECURITY, Role.MANAGEMENT), tags));
        events.publishEvent(new AdvisoryPublished(caseId, advisory.trackingId(), version, productKey, fixed));
        return ofCase(caseId).orElseThrow();
    }

    /** Builds the CSAF advisory of a case; the revision history includes the one being made. */
    CsafAdvisory build(PsirtCase c, Advisory advisory, Instant now, String status, String revisionSummary) {
        var settings = cases.settings();
        Portfolio portfolio = cases.portfolio();
        List<CsafAdvisory.Product> products = new ArrayList<>();
        List<String> affected = new ArrayList<>();
        List<String> fixed = new ArrayList<>();
        String fixedVersion = null;
        Optional<Portfolio.Product> product = c.productId() == null ? Optional.empty() : portfolio.product(c.productId());
        if (product.isPresent()) {
            Portfolio.Product p = product.get();
            List<CsafAdvisory.ProductVersion> versions = new ArrayList<>();
            List<Long> releaseIds = new ArrayList<>(c.affectedReleaseIds());
            if (c.fixedReleaseId() != null) {
                releaseIds.add(c.fixedReleaseId());
            }
            for (Long releaseId : releaseIds) {
                Optional<Portfolio.Release> release = portfolio.release(releaseId);
                if (release.isEmpty()) {
                    continue;
                }
                String id = "CSAFPID-" + releaseId;
                String version = release.get().version();
                versions.add(new CsafAdvisory.ProductVersion(id, version,
                        p.purl() == null ? null : p.purl() + "@" + version, cpeWithVersion(p.cpe(), version)));
                if (releaseId.equals(c.fixedReleaseId())) {
                    fixed.add(id);
                    fixedVersion = version;
                } else {
                    affected.add(id);
                }
            }
            products.add(new CsafAdvisory.Product(p.vendor() == null || p.vendor().isBlank() ? settings.publisherName()
                    : p.vendor(), p.name(), versions));
        } else if (c.productText() != null) {
            String version = c.versionText() == null ? "unspecified" : c.versionText();
            products.add(new CsafAdvisory.Product(settings.publisherName(), c.productText(),
                    List.of(new CsafAdvisory.ProductVersion("CSAFPID-0", version, null, null))));
            affected.add("CSAFPID-0");
        }
        List<CsafAdvisory.Remediation> remediations = new ArrayList<>();
        if (!affected.isEmpty()) {
            remediations.add(fixedVersion != null
                    ? new CsafAdvisory.Remediation("vendor_fix", "Update to release " + fixedVersion + " or later.",
                            null, affected)
                    : new CsafAdvisory.Remediation("none_available", "A fix is in preparation.", null, affected));
        }
        var vulnerability = new CsafAdvisory.Vulnerability(c.cveId(), c.reference(), c.title(), c.description(),
                c.cweId(), c.cweId() == null ? null : CweCatalogue.name(c.cweId()), c.cvss31(), c.cvss40(), affected,
                fixed, List.of(), List.of(), remediations, c.activelyExploited());
        List<CsafAdvisory.Revision> revisions = new ArrayList<>();
        for (String line : advisory.revisions().split("\n")) {
            String[] parts = line.split("\\|", 3);
            if (parts.length == 3) {
                revisions.add(new CsafAdvisory.Revision(Integer.parseInt(parts[0]), Instant.parse(parts[1]), parts[2]));
            }
        }
        revisions.add(new CsafAdvisory.Revision(advisory.version() + 1, now, revisionSummary));
        List<CsafAdvisory.Acknowledgment> acks = "REPORT".equals(c.origin())
                ? List.of(new CsafAdvisory.Acknowledgment(List.of(), null,
                        "We thank the researcher who reported this vulnerability to us."))
                : List.of();
        return new CsafAdvisory(advisory.trackingId(), advisory.title(), "en", advisory.tlp(), status,
                new CsafAdvisory.Publisher(settings.publisherName(), settings.publisherNamespace(), settings.contact()),
                advisory.summary(), revisions, products, List.of(vulnerability),
                List.of(new CsafAdvisory.Reference("self", "This advisory (HTML)",
                        settings.publicUrl() + "/advisories/" + advisory.trackingId())),
                acks);
    }

    /** The product's version-less CPE 2.3 name with the release version filled in, or null. */
    static String cpeWithVersion(String cpe, String version) {
        if (cpe == null) {
            return null;
        }
        String[] parts = cpe.split(":", -1);
        if (parts.length != 13 || !parts[0].equals("cpe") || !parts[1].equals("2.3")) {
            return null;
        }
        parts[5] = version.replaceAll("([^A-Za-z0-9._\\-])", "\\\\$1");
        return String.join(":", parts);
    }

    /** Every file under /.well-known/csaf/ (published TLP:WHITE advisories only: the rest are not public). */
    public Map<String, byte[]> providerFiles() {
        // a cheap stamp of what is published: another node's publication is seen at the next request
        String stamp = jdbc.sql("SELECT COUNT(*) || '/' || COALESCE(SUM(version), 0) || '/' || COALESCE(MAX(id), 0) "
                        + "FROM psirt_advisory WHERE status = 'PUBLISHED' AND tlp = 'WHITE'")
                .query(String.class).single();
        CachedFiles cached = providerFiles;
        if (cached != null && cached.stamp().equals(stamp)) {
            return cached.files();
        }
        Map<String, byte[]> files;
        List<CsafProviderLayout.Published> published = jdbc.sql(
                        "SELECT * FROM psirt_advisory WHERE status = 'PUBLISHED' AND tlp = 'WHITE' ORDER BY id")
                .query(AdvisoryService::map).list().stream()
                .map(a -> new CsafProviderLayout.Published(a.trackingId(), a.title(), a.tlp(), a.initialRelease(),
                        a.currentRelease(), a.document().getBytes(StandardCharsets.UTF_8)))
                .toList();
        var settings = cases.settings();
        Instant updated = published.stream().map(CsafProviderLayout.Published::currentRelease).max(Instant::compareTo)
                .orElse(Instant.parse("2026-01-01T00:00:00Z"));
        files = CsafProviderLayout.build(new CsafProviderLayout.Provider(settings.publicUrl(), settings.publisherName(),
                settings.publisherNamespace(), settings.contact()), key.signer(), published, updated);
        providerFiles = new CachedFiles(stamp, files);
        return files;
    }

    /** The case as a CVE JSON 5.1 record, for a CNA to submit. */
    @Transactional(readOnly = true)
    public ObjectNode cveRecord(long caseId) {
        PsirtCase c = cases.find(caseId);
        if (c.cveId() == null) {
            throw new InvalidPsirtInput("The case has no CVE id yet.");
        }
        Portfolio portfolio = cases.portfolio();
        List<CveRecord.Affected> affected = new ArrayList<>();
        Optional<Portfolio.Product> product = c.productId() == null ? Optional.empty() : portfolio.product(c.productId());
        if (product.isPresent()) {
            List<String> versions = c.affectedReleaseIds().stream().map(portfolio::release).flatMap(Optional::stream)
                    .map(Portfolio.Release::version).toList();
            List<String> fixedVersions = c.fixedReleaseId() == null ? List.of()
                    : portfolio.release(c.fixedReleaseId()).map(r -> List.of(r.version())).orElse(List.of());
            affected.add(new CveRecord.Affected(product.get().vendor() == null ? cases.settings().publisherName()
                    : product.get().vendor(), product.get().name(), versions, fixedVersions));
        } else {
            affected.add(new CveRecord.Affected(cases.settings().publisherName(),
                    c.productText() == null ? "unknown" : c.productText(),
                    List.of(c.versionText() == null ? "unspecified" : c.versionText()), List.of()));
        }
        List<String> references = new ArrayList<>();
        ofCase(caseId).filter(Advisory::published).ifPresent(a ->
                references.add(cases.settings().publicUrl() + "/advisories/" + a.trackingId()));
        if (references.isEmpty()) {
            references.add(cases.settings().publisherNamespace());
        }
        return new CveRecord(c.cveId(), cases.settings().cnaOrgId(), c.title(),
                c.description() == null ? c.title() : c.description(), c.disclosedAt(), affected, c.cweId(),
                c.cweId() == null ? null : CweCatalogue.name(c.cweId()), c.cvss31(), c.cvss40(), references,
                List.of()).toJson();
    }

    /** The content of a CRA Art. 14(2) report of the case, as submitted to the single reporting platform. */
    @Transactional(readOnly = true)
    public Map<String, Object> craReport(long caseId, CraStage stage) {
        PsirtCase c = cases.find(caseId);
        List<CraDeadline> deadlines = cases.craDeadlines(c);
        if (deadlines.isEmpty()) {
            throw new InvalidPsirtInput("The case is not flagged actively exploited: there is no CRA report.");
        }
        CraDeadline deadline = deadlines.stream().filter(d -> d.stage() == stage).findFirst().orElseThrow();
        Portfolio portfolio = cases.portfolio();
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("report", stage.code());
        report.put("title", stage.title());
        report.put("legalBasis", switch (stage) {
            case EARLY_WARNING -> "Regulation (EU) 2024/2847 Art. 14(2)(a)";
            case VULNERABILITY_NOTIFICATION -> "Regulation (EU) 2024/2847 Art. 14(2)(b)";
            case FINAL_REPORT -> "Regulation (EU) 2024/2847 Art. 14(2)(c)";
        });
        report.put("manufacturer", cases.settings().publisherName());
        report.put("contact", cases.settings().contact());
        report.put("caseReference", c.reference());
        report.put("awareOfExploitationAt", String.valueOf(c.exploitedAwareAt()));
        report.put("due", deadline.due() == null ? null : deadline.due().toString());
        Map<String, Object> productInfo = new LinkedHashMap<>();
        if (c.productId() != null) {
            portfolio.product(c.productId()).ifPresent(p -> {
                productInfo.put("name", p.name());
                productInfo.put("key", p.key());
                productInfo.put("craCategory", p.craCategory());
                productInfo.put("affectedReleases", c.affectedReleaseIds().stream().map(portfolio::release)
                        .flatMap(Optional::stream).map(Portfolio.Release::version).toList());
            });
        } else {
            productInfo.put("name", c.productText());
            productInfo.put("affectedReleases", c.versionText() == null ? List.of() : List.of(c.versionText()));
        }
        report.put("product", productInfo);
        report.put("memberStatesMadeAvailable", "to be completed by the manufacturer");
        if (stage != CraStage.EARLY_WARNING) {
            report.put("vulnerability", Map.of(
                    "cve", String.valueOf(c.cveId()), "cwe", String.valueOf(c.cweId()),
                    "cvss31", String.valueOf(c.cvss31()), "severity", String.valueOf(c.severity()),
                    "description", c.description() == null ? "" : c.description()));
            report.put("generalNatureOfExploit", c.title());
            report.put("correctiveMeasures", c.fixedReleaseId() == null ? "A fix is in preparation."
                    : "Update to release " + portfolio.release(c.fixedReleaseId()).map(Portfolio.Release::version)
                    .orElse("?") + ".");
            report.put("measureAvailableAt", c.measureAvailableAt() == null ? null : c.measureAvailableAt().toString());
            report.put("sensitivity", "TLP:AMBER");
        }
        if (stage == CraStage.FINAL_REPORT) {
            report.put("maliciousActor", "to be completed where available");
            ofCase(caseId).filter(Advisory::published).ifPresent(a -> report.put("securityAdvisory",
                    cases.settings().publicUrl() + "/advisories/" + a.trackingId()));
        }
        return report;
    }

    private static Advisory map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Advisory(rs.getLong("id"), rs.getLong("case_id"), rs.getString("tracking_id"), rs.getString("title"),
                rs.getString("tlp"), rs.getString("summary"), rs.getString("status"), rs.getString("document"),
                rs.getString("draft_document"), rs.getInt("version"), PsirtService.instant(rs, "initial_release"),
                PsirtService.instant(rs, "current_release"), rs.getString("revisions"),
                PsirtService.instant(rs, "updated_at"), rs.getString("updated_by"));
    }
}
