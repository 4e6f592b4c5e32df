package eu.vigil.compliance;

import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import eu.vigil.audit.AuditEvent;
import eu.vigil.audit.AuditTrail;
import eu.vigil.compliance.internal.ActionPriorities;
import eu.vigil.compliance.internal.ActionRecords;
import eu.vigil.compliance.internal.ApprovalRecords;
import eu.vigil.compliance.internal.ApprovalSignatures;
import eu.vigil.compliance.internal.ApprovedContent;
import eu.vigil.compliance.internal.AssessmentRecords;
import eu.vigil.compliance.internal.EvidenceRecords;
import eu.vigil.compliance.internal.Rollups;
import eu.vigil.core.catalogue.Catalogue;
import eu.vigil.core.catalogue.CatalogueSet;
import eu.vigil.core.catalogue.Requirement;
import eu.vigil.core.catalogue.ShippedCatalogues;
import eu.vigil.scope.EntityProfileChanged;
import eu.vigil.scope.EntityScope;
import eu.vigil.scope.ScopeSnapshot;
import eu.vigil.keys.BlobStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assessments and everything hanging off them: ratings, the action plan, link evidence, roll-ups
 * and management approvals. Every change is checked whole (refused with {@link InvalidInput} naming
 * each field), counted in the assessment's version and audited.
 */
@Service
public class ComplianceManagement {

    private static final int MAX_TEXT = 200;

    private final AssessmentRecords assessments;
    private final ActionRecords actions;
    private final ApprovalRecords approvals;
    private final EvidenceRecords evidence;
    private final ApprovalSignatures signatures;
    private final EntityScope scope;
    private final AuditTrail audit;
    private final Clock clock;
    private final BlobStore blobs;
    private final long evidenceMaxBytes;
    private final CatalogueSet catalogues = ShippedCatalogues.load();

    ComplianceManagement(AssessmentRecords assessments, ActionRecords actions, ApprovalRecords approvals,
                         EvidenceRecords evidence, ApprovalSignatures signatures, EntityScope scope, AuditTrail audit,
                         Clock clock, BlobStore blobs,
                         @Value("${vigil.compliance.evidence-max-bytes:26214400}") long evidenceMaxBytes) {
        this.blobs = blobs;
        this.evidenceMaxBytes = evidenceMaxBytes;
        this.assessments = assessments;
        this.actions = actions;
        this.approvals = approvals;
        this.evidence = evidence;
        this.signatures = signatures;
        this.scope = scope;
        this.audit = audit;
        this.clock = clock;
    }

    /** The catalogues assessments are made against. */
    public CatalogueSet catalogues() {
        return catalogues;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    // ---- assessments ------------------------------------------------------------------------

    @Transactional
    public Assessment create(NewAssessment command, String actor) {
        Map<String, String> problems = new LinkedHashMap<>();
        String title = text(command.title(), "title", true, MAX_TEXT, problems);
        ScopeKind kind = null;
        try {
            kind = ScopeKind.valueOf(command.scopeKind() == null ? "" : command.scopeKind().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.put("scopeKind", "must be ENTITY or PRODUCT");
        }
        String product = text(command.productName(), "productName", kind == ScopeKind.PRODUCT, MAX_TEXT, problems);
        if (command.catalogues().isEmpty()) {
            problems.put("catalogues", "choose at least one catalogue");
        }
        for (String id : command.catalogues()) {
            if (catalogues.catalogue(id).isEmpty()) {
                problems.put("catalogues", "unknown catalogue '" + id + "'; known: "
                        + catalogues.catalogues().stream().map(Catalogue::id).toList());
            }
        }
        int target = Maturity.DEFAULT_TARGET;
        if (command.targetMaturity() != null && !command.targetMaturity().isBlank()) {
            Integer parsed = level(command.targetMaturity(), "targetMaturity", problems);
            if (parsed != null && parsed == 0) {
                problems.put("targetMaturity", "must be 1, 2 or 3: with target 0 nothing could ever be a gap");
            } else if (parsed != null) {
                target = parsed;
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        Optional<ScopeSnapshot> profile = kind == ScopeKind.ENTITY ? scope.current() : Optional.empty();
        List<String> ids = command.catalogues().stream().distinct().toList();
        Instant now = clock.instant();
        long id = assessments.insert(title, kind, kind == ScopeKind.PRODUCT ? product : null, ids,
                profile.map(ScopeSnapshot::version).orElse(null),
                profile.map(p -> p.result().classification().code()).orElse(null), target, actor, now);
        List<String> requirementIds = new ArrayList<>();
        for (String catalogueId : ids) {
            catalogues.catalogue(catalogueId).orElseThrow().requirements().stream().filter(Requirement::assessable)
                    .forEach(r -> requirementIds.add(r.id()));
        }
        assessments.insertUnrated(id, requirementIds);
        audit.record(AuditEvent.of("compliance.assessment.create").object("assessment", id).detail("title", title)
                .detail("scope", kind).detail("catalogues", String.join(",", ids)).detail("target", target));
        return assessment(id);
    }

    @Transactional(readOnly = true)
    public Assessment assessment(long id) {
        return assessments.find(id).orElseThrow(() -> new AssessmentNotFound("There is no assessment " + id + "."));
    }

    @Transactional(readOnly = true)
    public List<Assessment> assessments() {
        return assessments.all();
    }

    @Transactional(readOnly = true)
    public Map<String, RequirementResult> results(long assessmentId) {
        assessment(assessmentId);
        return assessments.results(assessmentId);
    }

    /** The assessable requirements of an assessment, in catalogue order. */
    public List<Requirement> requirements(Assessment assessment) {
        List<Requirement> list = new ArrayList<>();
        for (String id : assessment.catalogues()) {
            catalogues.catalogue(id).ifPresent(c -> list.addAll(c.requirements().stream()
                    .filter(Requirement::assessable).toList()));
        }
        return list;
    }

    @Transactional(readOnly = true)
    public RequirementResult result(long assessmentId, String requirementId) {
        assessment(assessmentId);
        return assessments.result(assessmentId, requirementId).orElseThrow(() -> new AssessmentNotFound(
                "Assessment " + assessmentId + " has no requirement '" + requirementId + "'."));
    }

    /** Records a rating; opens, updates or closes the requirement's action. */
    @Transactional
    public RequirementResult rate(long assessmentId, String requirementId, Rating rating, String actor) {
        Assessment assessment = assessment(assessmentId);
        RequirementResult before = result(assessmentId, requirementId);
        Map<String, String> problems = new LinkedHashMap<>();
        String justification = text(rating.justification(), "justification", !rating.applicable(), 2000, problems);
        ImplementationStatus status = ImplementationStatus.NOT_STARTED;
        try {
            if (rating.status() != null && !rating.status().isBlank()) {
                status = ImplementationStatus.valueOf(rating.status().strip().toUpperCase(Locale.ROOT));
            }
        } catch (IllegalArgumentException e) {
            problems.put("status", "must be one of NOT_STARTED, PLANNED, PARTIAL, IMPLEMENTED");
        }
        Integer maturity = rating.maturity() == null || rating.maturity().isBlank() ? null
                : level(rating.maturity(), "maturity", problems);
        String owner = text(rating.owner(), "owner", false, MAX_TEXT, problems);
        LocalDate due = date(rating.dueDate(), "dueDate", problems);
        String notes = text(rating.notes(), "notes", false, 4000, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        Instant now = clock.instant();
        RequirementResult after = new RequirementResult(requirementId, rating.applicable(),
                justification, status, rating.applicable() ? maturity : null,
                owner, due, notes, actor, now);
        assessments.update(assessmentId, after);
        assessments.touch(assessmentId, now);
        syncAction(assessment, after, evidenceStates(assessmentId).get(requirementId), now);
        audit.record(AuditEvent.of("compliance.rate").object("assessment", assessmentId)
                .detail("requirement", requirementId).detail("applicable", after.applicable())
                .detail("maturity", after.maturity() == null ? "unrated" : after.maturity())
                .detail("previousMaturity", before.maturity() == null ? "unrated" : before.maturity())
                .detail("status", after.status()));
        return after;
    }

    private void syncAction(Assessment assessment, RequirementResult result, EvidenceState state, Instant now) {
        Requirement requirement = catalogues.requirement(result.requirementId()).orElseThrow();
        Optional<PlannedAction> open = actions.open(assessment.id(), result.requirementId());
        if (Rollups.isGap(result, state, assessment.targetMaturity())) {
            String priority = ActionPriorities.of(requirement, Rollups.effectiveMaturity(result, state),
                    assessment.targetMaturity());
            if (open.isPresent()) {
                actions.update(open.get().id(), priority, result.owner(), result.dueDate());
            } else {
                actions.insert(assessment.id(), result.requirementId(), priority, result.owner(), result.dueDate(), now);
                audit.record(AuditEvent.of("compliance.action.open").object("assessment", assessment.id())
                        .detail("requirement", result.requirementId()).detail("priority", priority));
            }
        } else if (open.isPresent()) {
            actions.close(open.get().id(), now);
            audit.record(AuditEvent.of("compliance.action.close").object("assessment", assessment.id())
                    .detail("requirement", result.requirementId()));
        }
    }

    // ---- action plan ------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<PlannedAction> actions(long assessmentId) {
        assessment(assessmentId);
        return actions.ofAssessment(assessmentId).stream().map(this::titled).toList();
    }

    @Transactional(readOnly = true)
    public List<PlannedAction> openActions() {
        return actions.allOpen().stream().map(this::titled).toList();
    }

    private PlannedAction titled(PlannedAction a) {
        String title = catalogues.requirement(a.requirementId()).map(Requirement::title).orElse(a.requirementId());
        return new PlannedAction(a.id(), a.assessmentId(), a.requirementId(), title, a.priority(), a.owner(),
                a.dueDate(), a.status(), a.openedAt(), a.closedAt());
    }

    // ---- evidence ---------------------------------------------------------------------------

    @Transactional
    public Evidence addEvidence(long assessmentId, String requirementId, NewEvidenceLink command, String actor) {
        Assessment assessment = assessment(assessmentId);
        result(assessmentId, requirementId);
        Map<String, String> problems = new LinkedHashMap<>();
        String title = text(command.title(), "title", true, MAX_TEXT, problems);
        String url = text(command.url(), "url", true, 2000, problems);
        if (url != null && !problems.containsKey("url")) {
            try {
                URI uri = URI.create(url);
                if (uri.getScheme() == null || !List.of("https", "http").contains(uri.getScheme().toLowerCase(Locale.ROOT))
                        || uri.getHost() == null) {
                    problems.put("url", "must be an http or https address with a host, e.g. https://wiki.example.com/review");
                }
            } catch (IllegalArgumentException e) {
                problems.put("url", "is not a valid address: " + e.getMessage());
            }
        }
        Validity validity = validity(command.speaksFor(), command.validUntil(), command.recurrence(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        Instant now = clock.instant();
        long id = evidence.insert(assessmentId, requirementId, title, url, validity.speaksFor(), validity.validUntil(),
                validity.recurrence(), actor, now);
        afterEvidence(assessment, requirementId, id, validity, now, AuditEvent.of("compliance.evidence.add")
                .detail("kind", Evidence.LINK));
        return new Evidence(id, assessmentId, requirementId, Evidence.LINK, title, url, null, null, null,
                validity.speaksFor(), validity.validUntil(), validity.recurrence(), actor, now);
    }

    /**
     * Attaches a file as evidence: stored encrypted in the blob store under its own data key, with the
     * SHA-256 of its content kept (and checked on every download). Larger than
     * {@code vigil.compliance.evidence-max-bytes} is refused and nothing is stored.
     */
    @Transactional
    public Evidence addEvidenceFile(long assessmentId, String requirementId, NewEvidenceFile command, String actor) {
        Assessment assessment = assessment(assessmentId);
        result(assessmentId, requirementId);
        Map<String, String> problems = new LinkedHashMap<>();
        String fileName = fileName(command.fileName(), problems);
        String title = text(command.title(), "title", false, MAX_TEXT, problems);
        if (title == null && !problems.containsKey("title")) {
            title = fileName;
        }
        if (command.content() == null) {
            problems.put("file", "choose a file to upload");
        } else if (command.declaredSize() == 0) {
            problems.put("file", "is empty");
        } else if (command.declaredSize() > evidenceMaxBytes) {
            problems.put("file", tooLarge(command.declaredSize()));
        }
        Validity validity = validity(command.speaksFor(), command.validUntil(), command.recurrence(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        LimitedStream limited = new LimitedStream(command.content(), evidenceMaxBytes);
        BlobStore.StoredBlob blob;
        try {
            blob = blobs.put("compliance.evidence", limited);
        } catch (RuntimeException e) {
            if (limited.exceeded) {
                throw new InvalidInput(Map.of("file", tooLarge(limited.count)));
            }
            throw e;
        }
        if (blob.size() == 0) {
            blobs.delete(blob.id());
            throw new InvalidInput(Map.of("file", "is empty"));
        }
        Instant now = clock.instant();
        long id = evidence.insertFile(assessmentId, requirementId, title, blob.id(), fileName, blob.size(), blob.sha256(),
                validity.speaksFor(), validity.validUntil(), validity.recurrence(), actor, now);
        afterEvidence(assessment, requirementId, id, validity, now, AuditEvent.of("compliance.evidence.add")
                .detail("kind", Evidence.FILE).detail("file", fileName).detail("size", blob.size())
                .detail("sha256", blob.sha256()));
        return new Evidence(id, assessmentId, requirementId, Evidence.FILE, title, null, fileName, blob.size(),
                blob.sha256(), validity.speaksFor(), validity.validUntil(), validity.recurrence(), actor, now);
    }

    /** A file evidence's record and its content, decrypted and checked against its SHA-256 while read. */
    public record EvidenceFile(Evidence evidence, InputStream content) {
    }

    /** Opens a file evidence for download; the download is audited. */
    @Transactional
    public EvidenceFile evidenceFile(long assessmentId, long evidenceId, String actor) {
        assessment(assessmentId);
        EvidenceRecords.StoredFile stored = evidence.file(assessmentId, evidenceId).orElseThrow(() ->
                new AssessmentNotFound("Assessment " + assessmentId + " has no evidence file " + evidenceId + "."));
        InputStream content = blobs.open(stored.blobId());
        audit.record(AuditEvent.of("compliance.evidence.download").object("assessment", assessmentId)
                .detail("evidence", evidenceId).detail("sha256", stored.evidence().sha256()));
        return new EvidenceFile(stored.evidence(), content);
    }

    public long evidenceMaxBytes() {
        return evidenceMaxBytes;
    }

    private String tooLarge(long size) {
        return "has " + size + " bytes or more; at most " + evidenceMaxBytes + " bytes (" + (evidenceMaxBytes >> 20)
                + " MiB) are accepted";
    }

    static String fileName(String raw, Map<String, String> problems) {
        if (raw == null || raw.isBlank()) {
            problems.put("file", "choose a file to upload");
            return null;
        }
        // browsers of old sent the whole client path; keep the last segment only
        String name = raw.strip().replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        if (name.isEmpty() || name.length() > 255 || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            problems.put("file", "needs a name of 1 to 255 printable characters");
            return null;
        }
        return name;
    }

    private record Validity(LocalDate speaksFor, LocalDate validUntil, Recurrence recurrence) {
    }

    private static Validity validity(String speaksForText, String validUntilText, String recurrenceText,
                                     Map<String, String> problems) {
        LocalDate speaksFor = date(speaksForText, "speaksFor", problems);
        if (speaksFor == null && !problems.containsKey("speaksFor")) {
            problems.put("speaksFor", "give the date the evidence speaks for (the review, test or training date)");
        }
        LocalDate validUntil = date(validUntilText, "validUntil", problems);
        if (speaksFor != null && validUntil != null && validUntil.isBefore(speaksFor)) {
            problems.put("validUntil", "must not be before the date the evidence speaks for");
        }
        Recurrence recurrence = Recurrence.NONE;
        try {
            if (recurrenceText != null && !recurrenceText.isBlank()) {
                recurrence = Recurrence.valueOf(recurrenceText.strip().toUpperCase(Locale.ROOT));
            }
        } catch (IllegalArgumentException e) {
            problems.put("recurrence", "must be NONE, MONTHLY, QUARTERLY, SEMIANNUAL or YEARLY");
        }
        return new Validity(speaksFor, validUntil, recurrence);
    }

    private void afterEvidence(Assessment assessment, String requirementId, long evidenceId, Validity validity,
                               Instant now, AuditEvent.Builder event) {
        long assessmentId = assessment.id();
        evidence.fulfilOpen(assessmentId, requirementId, evidenceId, now);
        Optional<LocalDate> next = validity.recurrence().nextDue(validity.speaksFor());
        next.ifPresent(due -> evidence.openRequest(assessmentId, requirementId, due, now));
        assessments.touch(assessmentId, now);
        RequirementResult result = result(assessmentId, requirementId);
        syncAction(assessment, result, evidenceStates(assessmentId).get(requirementId), now);
        audit.record(event.object("assessment", assessmentId).detail("requirement", requirementId)
                .detail("evidence", evidenceId).detail("speaksFor", validity.speaksFor())
                .detail("recurrence", validity.recurrence())
                .detail("nextDue", next.map(LocalDate::toString).orElse("none")));
    }

    /** Counts what passes and fails once more than {@code limit} bytes were read. */
    static final class LimitedStream extends java.io.FilterInputStream {
        private final long limit;
        long count;
        boolean exceeded;

        LimitedStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws java.io.IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws java.io.IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) throws java.io.IOException {
            count += n;
            if (count > limit) {
                exceeded = true;
                throw new java.io.IOException("upload larger than " + limit + " bytes");
            }
        }
    }

    @Transactional(readOnly = true)
    public List<Evidence> evidence(long assessmentId) {
        return evidence.ofAssessment(assessmentId);
    }

    @Transactional(readOnly = true)
    public List<EvidenceRecords.Request> openRequests(long assessmentId) {
        return evidence.openRequests(assessmentId);
    }

    /** The evidence state of every requirement that has evidence or an open request, today. */
    @Transactional(readOnly = true)
    public Map<String, EvidenceState> evidenceStates(long assessmentId) {
        LocalDate today = today();
        Map<String, EvidenceState> states = new LinkedHashMap<>();
        Map<String, List<Evidence>> byRequirement = new LinkedHashMap<>();
        for (Evidence link : evidence.ofAssessment(assessmentId)) {
            byRequirement.computeIfAbsent(link.requirementId(), r -> new ArrayList<>()).add(link);
        }
        byRequirement.forEach((requirement, links) -> states.put(requirement,
                links.stream().allMatch(l -> l.expiredOn(today)) ? EvidenceState.EXPIRED : EvidenceState.CURRENT));
        for (EvidenceRecords.Request request : evidence.openRequests(assessmentId)) {
            if (request.dueDate().isBefore(today)) {
                states.put(request.requirementId(), EvidenceState.OVERDUE);
            }
        }
        // the same evidence serves equivalent requirements of the other catalogues (e.g. CRA and ETSI EN 303 645)
        Map<String, EvidenceState> shared = new LinkedHashMap<>();
        states.forEach((requirement, state) -> {
            if (state == EvidenceState.CURRENT) {
                catalogues.equivalentsOf(requirement).forEach(e -> shared.putIfAbsent(e.id(), EvidenceState.CURRENT));
            }
        });
        shared.forEach(states::putIfAbsent);
        return states;
    }

    /** Every expired or overdue piece of evidence, across assessments. */
    @Transactional(readOnly = true)
    public List<EvidenceTodo> evidenceTodo() {
        LocalDate today = today();
        List<EvidenceTodo> todo = new ArrayList<>();
        for (Assessment assessment : assessments.all()) {
            Map<String, EvidenceState> states = evidenceStates(assessment.id());
            Map<String, LocalDate> since = new LinkedHashMap<>();
            for (EvidenceRecords.Request r : evidence.openRequests(assessment.id())) {
                since.merge(r.requirementId(), r.dueDate(), (a, b) -> a.isBefore(b) ? a : b);
            }
            for (Evidence link : evidence.ofAssessment(assessment.id())) {
                if (link.validUntil() != null && states.get(link.requirementId()) == EvidenceState.EXPIRED) {
                    since.merge(link.requirementId(), link.validUntil(), (a, b) -> a.isAfter(b) ? a : b);
                }
            }
            states.forEach((requirement, state) -> {
                if (state.lowersStatus()) {
                    todo.add(new EvidenceTodo(assessment.id(), assessment.title(), requirement,
                            catalogues.requirement(requirement).map(Requirement::title).orElse(requirement), state,
                            since.getOrDefault(requirement, today)));
                }
            });
        }
        todo.sort(Comparator.comparing(EvidenceTodo::since));
        return todo;
    }

    // ---- roll-ups and comparison -------------------------------------------------------------

    @Transactional(readOnly = true)
    public Rollup rollup(long assessmentId) {
        Assessment assessment = assessment(assessmentId);
        return Rollups.of(assessment, catalogues, assessments.results(assessmentId), evidenceStates(assessmentId));
    }

    /** Everything the CSV, OSCAL and PDF exports show, as of now. */
    @Transactional(readOnly = true)
    public eu.vigil.compliance.internal.AssessmentExports.Data exportData(long assessmentId) {
        Assessment assessment = assessment(assessmentId);
        return new eu.vigil.compliance.internal.AssessmentExports.Data(assessment, requirements(assessment),
                assessments.results(assessmentId), evidenceStates(assessmentId), rollup(assessmentId),
                actions(assessmentId), approvals(assessmentId), catalogues, clock.instant());
    }

    // ---- approval ---------------------------------------------------------------------------

    /** Approves the assessment as it stands now (NIS2 Art. 20(1)); the caller must hold MANAGEMENT. */
    @Transactional
    public Approval approve(long assessmentId, String comment, String actor) {
        Assessment assessment = assessment(assessmentId);
        Map<String, String> problems = new LinkedHashMap<>();
        String text = text(comment, "comment", false, 2000, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        byte[] content = approvedContent(assessment);
        String digest = ApprovedContent.sha256(content);
        // stored with microsecond precision at best: sign the time as it will be read back
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Approval unsigned = new Approval(0, assessmentId, assessment.version(), digest, null, null, actor, now, text,
                Approval.UNSIGNED);
        ApprovalSignatures.Signature signature = signatures.sign(unsigned);
        Approval signed = new Approval(0, assessmentId, assessment.version(), digest, signature.value(),
                signature.keyId(), actor, now, text, Approval.VALID);
        long id = approvals.insert(signed);
        audit.record(AuditEvent.of("compliance.approve").object("assessment", assessmentId)
                .detail("approval", id).detail("version", assessment.version()).detail("sha256", digest)
                .detail("signatureKey", signature.keyId()));
        return new Approval(id, assessmentId, signed.assessmentVersion(), digest, signed.signature(),
                signed.signatureKeyId(), actor, now, text, Approval.VALID);
    }

    /** The canonical content an approval of the current version covers. */
    @Transactional(readOnly = true)
    public byte[] approvedContent(Assessment assessment) {
        List<PlannedAction> open = actions.ofAssessment(assessment.id()).stream()
                .filter(a -> "OPEN".equals(a.status())).toList();
        return ApprovedContent.canonical(assessment, assessments.results(assessment.id()).values(), open);
    }

    @Transactional(readOnly = true)
    public List<Approval> approvals(long assessmentId) {
        return approvals.ofAssessment(assessmentId).stream().map(signatures::checked).toList();
    }

    // ---- reactions --------------------------------------------------------------------------

    /** An entity assessment made under an older profile is flagged, so that its scope is reviewed. */
    @ApplicationModuleListener
    void on(EntityProfileChanged changed) {
        int flagged = assessments.markProfileOutdated(changed.version());
        if (flagged > 0) {
            audit.record(AuditEvent.of("compliance.assessment.profile-outdated").actor("system")
                    .detail("profileVersion", changed.version()).detail("assessments", flagged));
        }
    }

    // ---- input checks -----------------------------------------------------------------------

    static String text(String value, String field, boolean required, int max, Map<String, String> problems) {
        String stripped = value == null ? null : value.strip();
        if (stripped == null || stripped.isEmpty()) {
            if (required) {
                problems.put(field, "is required");
            }
            return null;
        }
        if (stripped.length() > max) {
            problems.put(field, "has " + stripped.length() + " characters; at most " + max);
            return null;
        }
        if (stripped.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
            problems.put(field, "contains control characters");
            return null;
        }
        return stripped;
    }

    private static Integer level(String value, String field, Map<String, String> problems) {
        try {
            int level = Integer.parseInt(value.strip());
            if (level >= Maturity.MIN && level <= Maturity.MAX) {
                return level;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.put(field, "must be a maturity level 0, 1, 2 or 3, not '" + value.strip() + "'");
        return null;
    }

    static LocalDate date(String value, String field, Map<String, String> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.put(field, "must be a date as YYYY-MM-DD, not '" + value.strip() + "'");
            return null;
        }
    }
}
