package eu.vigil.psirt.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import eu.vigil.audit.AuditEvent;
import eu.vigil.audit.AuditTrail;
import eu.vigil.core.InvalidInputException;
import eu.vigil.core.cra.CraClock;
import eu.vigil.core.cra.CraDeadline;
import eu.vigil.core.cra.CraStage;
import eu.vigil.core.csaf.CweCatalogue;
import eu.vigil.core.cvss.Cvss;
import eu.vigil.core.cvss.CvssV3;
import eu.vigil.core.cvss.CvssV4;
import eu.vigil.core.cvss.CvssVector;
import eu.vigil.keys.BlobStore;
import eu.vigil.keys.Encryption;
import eu.vigil.sbom.Portfolio;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reports and cases: the public intake (rate-limited, attachments checked and stored encrypted,
 * a tracking token for the reporter), the case life cycle with CVSS, CWE, SLA timers and the CRA
 * Art. 14 clock, notes and messages. Every change is audited.
 */
@Service
@Transactional
public class PsirtService {

    static final String CASE_PURPOSE = "psirt.case";
    static final String REPORT_PURPOSE = "psirt.report";
    static final String MESSAGE_PURPOSE = "psirt.message";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Encryption encryption;
    private final BlobStore blobs;
    private final AuditTrail audit;
    private final Portfolio portfolio;
    private final PsirtSettings settings;
    private final Clock clock;

    PsirtService(JdbcClient jdbc, Encryption encryption, BlobStore blobs, AuditTrail audit, Portfolio portfolio,
                 PsirtSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.encryption = encryption;
        this.blobs = blobs;
        this.audit = audit;
        this.portfolio = portfolio;
        this.settings = settings;
        this.clock = clock;
    }

    public PsirtSettings settings() {
        return settings;
    }

    public Portfolio portfolio() {
        return portfolio;
    }

    public Instant now() {
        return clock.instant();
    }

    // ---- intake ---------------------------------------------------------------------------------

    /** What a researcher sends. attachment may be null. */
    public record ReportSubmission(String product, String version, String description, String contact,
                                   String openPgpKey, String attachmentName, byte[] attachment) {
    }

    /** The acknowledgement: the case reference and the token (shown once, stored hashed). */
    public record Acknowledgement(long caseId, String reference, String trackingToken) {
    }

    public Acknowledgement submitReport(ReportSubmission s, String clientAddress) {
        List<String> problems = new ArrayList<>();
        String product = required(s.product(), "Product", 200, problems);
        String version = optional(s.version(), "Version", 100, problems);
        String description = required(s.description(), "Description", 20_000, problems);
        String contact = required(s.contact(), "Contact", 500, problems);
        String key = optional(s.openPgpKey(), "OpenPGP key", 20_000, problems);
        if (key != null && !key.contains("-----BEGIN PGP PUBLIC KEY BLOCK-----")) {
            problems.add("OpenPGP key must be an ASCII-armoured public key block.");
        }
        String type = null;
        if (s.attachment() != null && s.attachment().length > 0) {
            try {
                type = Attachments.check(s.attachmentName(), s.attachment(), settings.maxAttachmentBytes());
            } catch (InvalidPsirtInput e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidPsirtInput(problems);
        }
        rateLimit(clientAddress);
        Instant now = clock.instant();
        String sealId = UUID.randomUUID().toString();
        String title = (product + (version == null ? "" : " " + version) + ": reported vulnerability");
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO psirt_case (title, state, origin, product_text, version_text, description_sealed, seal_id,
                    received_at, updated_at, updated_by)
                VALUES (?, 'RECEIVED', 'REPORT', ?, ?, ?, ?, ?, ?, 'reporter')""")
                .param(title.length() > 200 ? title.substring(0, 200) : title).param(product).param(version)
                .param(encryption.encrypt(CASE_PURPOSE, sealId, description)).param(sealId)
                .param(at(now)).param(at(now)).update(keys, "id");
        long caseId = keys.getKey().longValue();
        String token = newToken();
        String blobId = null;
        if (type != null) {
            blobId = blobs.put(REPORT_PURPOSE, new ByteArrayInputStream(s.attachment())).id();
        }
        jdbc.sql("""
                INSERT INTO psirt_report (case_id, token_hash, contact_sealed, openpgp_key, attachment_blob,
                    attachment_name, attachment_type, attachment_size, received_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .param(caseId).param(sha256(token)).param(encryption.encrypt(REPORT_PURPOSE, sealId, contact))
                .param(key).param(blobId).param(type == null ? null : clip(s.attachmentName(), 200)).param(type)
                .param(type == null ? null : (long) s.attachment().length).param(at(now)).update();
        audit.record(AuditEvent.of("psirt.report.received").actor("reporter").clientAddress(clientAddress)
                .object("psirt-case", caseId).detail("product", product)
                .detail("attachment", type == null ? "none" : type));
        return new Acknowledgement(caseId, "PSIRT-" + caseId, token);
    }

    /** A database-backed token bucket per hashed client address, so it holds across nodes. */
    private void rateLimit(String clientAddress) {
        String hash = sha256("psirt-intake:" + (clientAddress == null ? "unknown" : clientAddress));
        Instant now = clock.instant();
        Optional<Object[]> row = jdbc.sql("SELECT window_start, request_count FROM psirt_intake_rate WHERE address_hash = ? FOR UPDATE")
                .param(hash).query((rs, n) -> new Object[] {rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getInt(2)})
                .optional();
        if (row.isEmpty()) {
            jdbc.sql("INSERT INTO psirt_intake_rate (address_hash, window_start, request_count) VALUES (?, ?, 1)")
                    .param(hash).param(at(now)).update();
            return;
        }
        Instant start = (Instant) row.get()[0];
        int count = (Integer) row.get()[1];
        if (now.isAfter(start.plus(Duration.ofHours(1)))) {
            jdbc.sql("UPDATE psirt_intake_rate SET window_start = ?, request_count = 1 WHERE address_hash = ?")
                    .param(at(now)).param(hash).update();
            return;
        }
        if (count >= settings.reportsPerHour()) {
            audit.record(AuditEvent.of("psirt.report.rate-limited").actor("reporter").clientAddress(clientAddress)
                    .denied());
            throw new TooManyReports(settings.reportsPerHour());
        }
        jdbc.sql("UPDATE psirt_intake_rate SET request_count = request_count + 1 WHERE address_hash = ?")
                .param(hash).update();
    }

    /** What the reporter sees with the tracking token. */
    public record ReporterView(String reference, CaseState state, Instant receivedAt, String advisoryTrackingId,
                               List<PsirtMessage> messages) {
    }

    @Transactional(readOnly = true)
    public ReporterView reporterView(String token) {
        long caseId = caseOfToken(token);
        PsirtCase c = find(caseId);
        List<PsirtMessage> messages = messages(caseId).stream().filter(PsirtMessage::visibleToReporter).toList();
        String advisory = jdbc.sql("SELECT tracking_id FROM psirt_advisory WHERE case_id = ? AND status = 'PUBLISHED'")
                .param(caseId).query(String.class).optional().orElse(null);
        return new ReporterView(c.reference(), c.state(), c.receivedAt(), advisory, messages);
    }

    public void reporterMessage(String token, String body) {
        long caseId = caseOfToken(token);
        String text = required(body, "Message", 10_000, null);
        insertMessage(caseId, "FROM_REPORTER", text, "reporter");
        audit.record(AuditEvent.of("psirt.message.from-reporter").actor("reporter").object("psirt-case", caseId));
    }

    private long caseOfToken(String token) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            throw new UnknownCase("No report has this tracking token.");
        }
        return jdbc.sql("SELECT case_id FROM psirt_report WHERE token_hash = ?").param(sha256(token.strip()))
                .query(Long.class).optional().orElseThrow(() -> new UnknownCase("No report has this tracking token."));
    }

    // ---- cases ----------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<PsirtCase> cases(CaseState state, int page, int size) {
        String where = state == null ? "" : " WHERE state = :state";
        var spec = jdbc.sql("SELECT * FROM psirt_case" + where + " ORDER BY id DESC LIMIT :limit OFFSET :offset")
                .param("limit", size + 1).param("offset", page * size);
        if (state != null) {
            spec = spec.param("state", state.name());
        }
        return spec.query(this::map).list();
    }

    @Transactional(readOnly = true)
    public PsirtCase find(long id) {
        return jdbc.sql("SELECT * FROM psirt_case WHERE id = ?").param(id).query(this::map).optional()
                .orElseThrow(() -> new UnknownCase("There is no case " + id + "."));
    }

    /** The reporter's contact and key of a reported case, decrypted for the team; empty for other cases. */
    @Transactional(readOnly = true)
    public Optional<Map<String, String>> reporter(long caseId) {
        PsirtCase c = find(caseId);
        String sealId = jdbc.sql("SELECT seal_id FROM psirt_case WHERE id = ?").param(caseId).query(String.class).single();
        return jdbc.sql("SELECT contact_sealed, openpgp_key, attachment_name, attachment_type, attachment_size FROM psirt_report WHERE case_id = ?")
                .param(c.id()).query((rs, n) -> {
                    Map<String, String> m = new java.util.LinkedHashMap<>();
                    m.put("contact", encryption.decrypt(REPORT_PURPOSE, sealId, rs.getString(1)));
                    m.put("openPgpKey", rs.getString(2));
                    m.put("attachmentName", rs.getString(3));
                    m.put("attachmentType", rs.getString(4));
                    m.put("attachmentSize", rs.getObject(5) == null ? null : Long.toString(rs.getLong(5)));
                    return m;
                }).optional();
    }

    /** The fields the team edits; null leaves a field unchanged, "" clears text. */
    public record CaseUpdate(String title, String owner, Long productId, List<Long> affectedReleaseIds,
                             Long fixedReleaseId, String cvss31, String cvss40, String cweId, String cveId) {
    }

    public PsirtCase update(long id, CaseUpdate u, String user) {
        PsirtCase c = find(id);
        List<String> problems = new ArrayList<>();
        String title = u.title() == null ? c.title() : required(u.title(), "Title", 200, problems);
        String owner = u.owner() == null ? c.owner() : blankToNull(optional(u.owner(), "Owner", 200, problems));
        String cvss31 = u.cvss31() == null ? c.cvss31() : blankToNull(u.cvss31());
        String cvss40 = u.cvss40() == null ? c.cvss40() : blankToNull(u.cvss40());
        String severity = c.severity();
        if (cvss31 != null) {
            severity = vector(cvss31, CvssV3.class, "CVSS 3.1", problems);
        }
        if (cvss40 != null) {
            String s4 = vector(cvss40, CvssV4.class, "CVSS 4.0", problems);
            severity = cvss31 == null ? s4 : severity;
        }
        if (cvss31 == null && cvss40 == null) {
            severity = null;
        }
        String cwe = u.cweId() == null ? c.cweId() : blankToNull(u.cweId());
        if (cwe != null && CweCatalogue.name(cwe) == null) {
            problems.add("CWE '" + clip(cwe, 30) + "' is not a known weakness id (for example CWE-79).");
        }
        String cve = u.cveId() == null ? c.cveId() : blankToNull(u.cveId());
        if (cve != null && !cve.matches("^CVE-[0-9]{4}-[0-9]{4,19}$")) {
            problems.add("CVE id must look like CVE-2026-12345.");
        }
        Long productId = u.productId() == null ? c.productId() : (u.productId() <= 0 ? null : u.productId());
        if (productId != null && portfolio.product(productId).isEmpty()) {
            problems.add("There is no product " + productId + ".");
        }
        List<Long> affected = u.affectedReleaseIds() == null ? c.affectedReleaseIds() : u.affectedReleaseIds();
        Long fixed = u.fixedReleaseId() == null ? c.fixedReleaseId() : (u.fixedReleaseId() <= 0 ? null : u.fixedReleaseId());
        for (Long release : concat(affected, fixed)) {
            var r = portfolio.release(release);
            if (r.isEmpty() || productId == null || r.get().productId() != productId) {
                problems.add("Release " + release + " is not a release of the case's product.");
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidPsirtInput(problems);
        }
        Instant now = clock.instant();
        jdbc.sql("""
                UPDATE psirt_case SET title = ?, owner_name = ?, product_id = ?, affected_release_ids = ?,
                    fixed_release_id = ?, cvss31 = ?, cvss40 = ?, severity = ?, cwe_id = ?, cve_id = ?, updated_at = ?,
                    updated_by = ? WHERE id = ?""")
                .param(title).param(owner).param(productId).param(joinIds(affected)).param(fixed).param(cvss31)
                .param(cvss40).param(severity).param(cwe).param(cve).param(at(now)).param(user).param(id).update();
        audit.record(AuditEvent.of("psirt.case.update").object("psirt-case", id).detail("severity", severity)
                .detail("cvss31", cvss31).detail("cwe", cwe).detail("cve", cve).detail("owner", owner));
        return find(id);
    }

    private static List<Long> concat(List<Long> affected, Long fixed) {
        List<Long> all = new ArrayList<>(affected == null ? List.of() : affected);
        if (fixed != null) {
            all.add(fixed);
        }
        return all;
    }

    private static String vector(String text, Class<?> expected, String label, List<String> problems) {
        try {
            CvssVector vector = Cvss.parse(text.strip());
            if (!expected.isInstance(vector)) {
                problems.add(label + " vector expected; this is CVSS " + vector.version().label() + ".");
                return null;
            }
            if (vector instanceof CvssV3 v3 && !v3.version().label().equals("3.1")) {
                problems.add("CVSS 3.1 vector expected (CVSS:3.1/...).");
            }
            return severityOf(vector.baseScore());
        } catch (InvalidInputException e) {
            problems.add(label + ": " + e.getMessage());
            return null;
        }
    }

    static String severityOf(double score) {
        long tenths = Math.round(score * 10);
        return tenths == 0 ? "NONE" : tenths < 40 ? "LOW" : tenths < 70 ? "MEDIUM" : tenths < 90 ? "HIGH" : "CRITICAL";
    }

    public PsirtCase changeState(long id, CaseState target, String user) {
        PsirtCase c = find(id);
        if (target == null || !c.state().next().contains(target)) {
            throw new InvalidPsirtInput("A " + c.state().title().toLowerCase() + " case cannot become "
                    + (target == null ? "that" : target.title().toLowerCase()) + ".");
        }
        Instant now = clock.instant();
        String stamp = switch (target) {
            case TRIAGED -> "triaged_at";
            case FIXED -> "fixed_at";
            case DISCLOSED -> "disclosed_at";
            default -> null;
        };
        jdbc.sql("UPDATE psirt_case SET state = ?, updated_at = ?, updated_by = ?"
                        + (stamp == null ? "" : ", " + stamp + " = COALESCE(" + stamp + ", ?)")
                        + ", acknowledged_at = COALESCE(acknowledged_at, ?) WHERE id = ?")
                .params(stamp == null
                        ? List.of(target.name(), at(now), user, at(now), id)
                        : List.of(target.name(), at(now), user, at(now), at(now), id))
                .update();
        audit.record(AuditEvent.of("psirt.case.state").object("psirt-case", id).detail("from", c.state())
                .detail("to", target));
        return find(id);
    }

    public void acknowledge(long id, String user) {
        find(id);
        jdbc.sql("UPDATE psirt_case SET acknowledged_at = COALESCE(acknowledged_at, ?), updated_at = ?, updated_by = ? WHERE id = ?")
                .param(at(clock.instant())).param(at(clock.instant())).param(user).param(id).update();
        audit.record(AuditEvent.of("psirt.case.acknowledge").object("psirt-case", id));
    }

    /** Flags a case actively exploited: the CRA Art. 14 clock starts at awareAt (now when null). */
    public PsirtCase flagExploited(long id, Instant awareAt, String user) {
        PsirtCase c = find(id);
        Instant now = clock.instant();
        Instant aware = awareAt == null ? now : awareAt;
        if (aware.isAfter(now.plus(Duration.ofMinutes(2)))) {
            throw new InvalidPsirtInput("The time of awareness cannot lie in the future.");
        }
        if (c.activelyExploited()) {
            throw new InvalidPsirtInput("The case is already flagged actively exploited.");
        }
        jdbc.sql("UPDATE psirt_case SET actively_exploited = TRUE, exploited_aware_at = ?, updated_at = ?, updated_by = ? WHERE id = ?")
                .param(at(aware)).param(at(now)).param(user).param(id).update();
        audit.record(AuditEvent.of("psirt.case.exploited").object("psirt-case", id).detail("awareAt", aware));
        return find(id);
    }

    /** Records when a corrective or mitigating measure became available (starts the 14-day final report). */
    public PsirtCase measureAvailable(long id, Instant availableAt, String user) {
        find(id);
        Instant now = clock.instant();
        Instant at = availableAt == null ? now : availableAt;
        jdbc.sql("UPDATE psirt_case SET measure_available_at = ?, updated_at = ?, updated_by = ? WHERE id = ?")
                .param(at(at)).param(at(now)).param(user).param(id).update();
        audit.record(AuditEvent.of("psirt.case.measure-available").object("psirt-case", id).detail("at", at));
        return find(id);
    }

    public void craSubmitted(long id, CraStage stage, String user) {
        PsirtCase c = find(id);
        if (!c.activelyExploited()) {
            throw new InvalidPsirtInput("Only an actively exploited case has CRA reports.");
        }
        int updated = jdbc.sql("SELECT COUNT(*) FROM psirt_cra_submission WHERE case_id = ? AND stage = ?")
                .param(id).param(stage.name()).query(Integer.class).single();
        if (updated > 0) {
            throw new InvalidPsirtInput("The " + stage.title().toLowerCase() + " was already recorded as submitted.");
        }
        jdbc.sql("INSERT INTO psirt_cra_submission (case_id, stage, submitted_at, submitted_by) VALUES (?, ?, ?, ?)")
                .param(id).param(stage.name()).param(at(clock.instant())).param(user).update();
        audit.record(AuditEvent.of("psirt.cra.submitted").object("psirt-case", id).detail("stage", stage.code()));
    }

    /** The CRA Art. 14(2) deadlines of an actively exploited case (empty otherwise). */
    @Transactional(readOnly = true)
    public List<CraDeadline> craDeadlines(PsirtCase c) {
        if (!c.activelyExploited() || c.exploitedAwareAt() == null) {
            return List.of();
        }
        Map<CraStage, Instant> submitted = new EnumMap<>(CraStage.class);
        jdbc.sql("SELECT stage, submitted_at FROM psirt_cra_submission WHERE case_id = ?").param(c.id())
                .query((rs, n) -> Map.entry(CraStage.valueOf(rs.getString(1)),
                        rs.getObject(2, OffsetDateTime.class).toInstant()))
                .list().forEach(e -> submitted.put(e.getKey(), e.getValue()));
        return CraClock.schedule(c.exploitedAwareAt(), c.measureAvailableAt(), submitted);
    }

    /** SLA timers: acknowledge, triage, and fix by severity. */
    public List<SlaTimer> slaTimers(PsirtCase c) {
        List<SlaTimer> timers = new ArrayList<>();
        timers.add(new SlaTimer("Acknowledge", c.receivedAt().plus(settings.acknowledgeWithin()), c.acknowledgedAt()));
        timers.add(new SlaTimer("Triage", c.receivedAt().plus(settings.triageWithin()), c.triagedAt()));
        if (c.severity() != null && c.state() != CaseState.REJECTED && c.state() != CaseState.DUPLICATE) {
            timers.add(new SlaTimer("Fix (" + c.severity().toLowerCase() + ")",
                    c.receivedAt().plus(settings.fixWithin(c.severity())), c.fixedAt()));
        }
        return timers;
    }

    public void addMessage(long id, String kind, String body, String user) {
        find(id);
        if (!kind.equals("INTERNAL") && !kind.equals("TO_REPORTER")) {
            throw new InvalidPsirtInput("A message is an internal note or a message to the reporter.");
        }
        String text = required(body, "Message", 10_000, null);
        insertMessage(id, kind, text, user);
        audit.record(AuditEvent.of("psirt.message").object("psirt-case", id).detail("kind", kind));
    }

    private void insertMessage(long caseId, String kind, String body, String user) {
        String sealId = UUID.randomUUID().toString();
        jdbc.sql("INSERT INTO psirt_message (case_id, kind, body_sealed, seal_id, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)")
                .param(caseId).param(kind).param(encryption.encrypt(MESSAGE_PURPOSE, sealId, body)).param(sealId)
                .param(at(clock.instant())).param(user).update();
    }

    @Transactional(readOnly = true)
    public List<PsirtMessage> messages(long caseId) {
        return jdbc.sql("SELECT * FROM psirt_message WHERE case_id = ? ORDER BY id").param(caseId)
                .query((rs, n) -> new PsirtMessage(rs.getLong("id"), rs.getLong("case_id"), rs.getString("kind"),
                        encryption.decrypt(MESSAGE_PURPOSE, rs.getString("seal_id"), rs.getString("body_sealed")),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("created_by")))
                .list();
    }

    /** Opens a case from a finding of the SBOM module on one of the vendor's own products. */
    public PsirtCase promoteFinding(long findingId, String user) {
        Portfolio.FindingSummary finding = portfolio.finding(findingId)
                .orElseThrow(() -> new UnknownCase("There is no finding " + findingId + "."));
        Optional<Long> existing = jdbc.sql("SELECT id FROM psirt_case WHERE finding_id = ?").param(findingId)
                .query(Long.class).optional();
        if (existing.isPresent()) {
            throw new InvalidPsirtInput("Finding " + findingId + " is already case PSIRT-" + existing.get() + ".");
        }
        var release = portfolio.release(finding.releaseId()).orElse(null);
        Instant now = clock.instant();
        String sealId = UUID.randomUUID().toString();
        String description = finding.vulnerabilityId() + " in " + finding.componentPurl()
                + (finding.summary() == null ? "" : ": " + finding.summary());
        String cve = finding.aliases().stream().filter(a -> a.startsWith("CVE-")).findFirst()
                .orElse(finding.vulnerabilityId().startsWith("CVE-") ? finding.vulnerabilityId() : null);
        String cvss31 = finding.cvssVector() != null && finding.cvssVector().startsWith("CVSS:3.1/") ? finding.cvssVector() : null;
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO psirt_case (title, state, origin, product_id, affected_release_ids, description_sealed, seal_id,
                    cvss31, severity, cve_id, finding_id, received_at, updated_at, updated_by)
                VALUES (?, 'RECEIVED', 'FINDING', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .param(clip(finding.vulnerabilityId() + " in " + finding.componentPurl(), 200))
                .param(release == null ? null : release.productId())
                .param(release == null ? null : Long.toString(release.id()))
                .param(encryption.encrypt(CASE_PURPOSE, sealId, description)).param(sealId).param(cvss31)
                .param(cvss31 == null ? null : severityOf(Cvss.parse(cvss31).baseScore())).param(cve).param(findingId)
                .param(at(now)).param(at(now)).param(user).update(keys, "id");
        long id = keys.getKey().longValue();
        audit.record(AuditEvent.of("psirt.case.from-finding").object("psirt-case", id).detail("finding", findingId));
        return find(id);
    }

    // ---- helpers --------------------------------------------------------------------------------

    private PsirtCase map(ResultSet rs, int row) throws SQLException {
        String sealId = rs.getString("seal_id");
        String sealed = rs.getString("description_sealed");
        return new PsirtCase(rs.getLong("id"), rs.getString("title"), CaseState.valueOf(rs.getString("state")),
                rs.getString("origin"), rs.getString("owner_name"), (Long) nullableLong(rs, "product_id"),
                ids(rs.getString("affected_release_ids")), nullableLong(rs, "fixed_release_id"),
                rs.getString("product_text"), rs.getString("version_text"),
                sealed == null ? null : encryption.decrypt(CASE_PURPOSE, sealId, sealed), rs.getString("cvss31"),
                rs.getString("cvss40"), rs.getString("severity"), rs.getString("cwe_id"), rs.getString("cve_id"),
                rs.getBoolean("actively_exploited"), instant(rs, "exploited_aware_at"),
                instant(rs, "measure_available_at"), nullableLong(rs, "finding_id"), instant(rs, "received_at"),
                instant(rs, "acknowledged_at"), instant(rs, "triaged_at"), instant(rs, "fixed_at"),
                instant(rs, "disclosed_at"), instant(rs, "updated_at"), rs.getString("updated_by"));
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static List<Long> ids(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(Long::valueOf).toList();
    }

    private static String joinIds(List<Long> ids) {
        return ids == null || ids.isEmpty() ? null : String.join(",", ids.stream().map(String::valueOf).toList());
    }

    static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String required(String value, String label, int max, List<String> problems) {
        if (value == null || value.isBlank()) {
            return fail(problems, label + " is required.");
        }
        if (value.length() > max) {
            return fail(problems, label + " is too long (at most " + max + " characters).");
        }
        return value.strip();
    }

    private static String optional(String value, String label, int max, List<String> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return required(value, label, max, problems);
    }

    private static String fail(List<String> problems, String message) {
        if (problems == null) {
            throw new InvalidPsirtInput(message);
        }
        problems.add(message);
        return null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static String clip(String value, int max) {
        return value == null ? null : value.length() > max ? value.substring(0, max) : value;
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
