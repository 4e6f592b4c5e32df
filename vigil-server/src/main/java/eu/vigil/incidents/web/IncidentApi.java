package eu.vigil.incidents.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import eu.vigil.backup.BackupFolder;
import eu.vigil.backup.BackupStatus;
import eu.vigil.core.incident.Criterion;
import eu.vigil.core.incident.Deadline;
import eu.vigil.core.incident.ReportField;
import eu.vigil.core.incident.ReportTemplate;
import eu.vigil.identity.CurrentUser;
import eu.vigil.incidents.internal.Continuity;
import eu.vigil.incidents.internal.ContinuityDocument;
import eu.vigil.incidents.internal.ContinuityDrill;
import eu.vigil.incidents.internal.ContinuityPlan;
import eu.vigil.incidents.internal.Incident;
import eu.vigil.incidents.internal.IncidentClock;
import eu.vigil.incidents.internal.IncidentDetails;
import eu.vigil.incidents.internal.IncidentManagement;
import eu.vigil.incidents.internal.IncidentReport;
import eu.vigil.incidents.internal.IncidentSettings;
import eu.vigil.incidents.internal.IncidentStatus;
import eu.vigil.incidents.internal.Incidents;
import eu.vigil.incidents.internal.InvalidIncidentInput;
import eu.vigil.incidents.internal.ReportDocument;
import eu.vigil.incidents.internal.ReportPdf;
import eu.vigil.incidents.internal.SignificanceInput;
import eu.vigil.incidents.internal.StoredAssessment;
import eu.vigil.incidents.internal.TimelineEntry;
import eu.vigil.incidents.internal.Verdict;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Incidents over the API, so that a SIEM or ticketing system can open incidents and follow their
 * reporting clock. Times are ISO 8601 instants (UTC).
 */
@RestController
@RequestMapping("/api/v1")
class IncidentApi {

    /** An incident as given by a client; absent fields are "not given". */
    record IncidentRequest(String title, String description, String category, String status, String entityType,
                           Instant detectedAt, Instant awareAt, Instant handledAt, String affectedServices,
                           String affectedAssets, String affectedProducts, Long affectedUsers, Long durationMinutes,
                           String geographicSpread, Long financialLossEur, String suspectedMalicious, String crossBorder,
                           String rootCause, String owner, String team, String linkedPsirtCases, String linkedSuppliers,
                           String linkedDevices) {

        IncidentDetails details() {
            return new IncidentDetails(title, description, category, status, entityType, detectedAt, awareAt, handledAt,
                    affectedServices, affectedAssets, affectedProducts, affectedUsers, durationMinutes, geographicSpread,
                    financialLossEur, suspectedMalicious, crossBorder, rootCause, owner, team, linkedPsirtCases,
                    linkedSuppliers, linkedDevices);
        }
    }

    record DeadlineView(String stage, String title, String legalReference, Instant due, String basis, String status,
                        Instant submittedAt) {

        static DeadlineView of(Deadline d, Instant now) {
            return new DeadlineView(d.stage().name(), d.stage().title(), d.stage().legalReference(), d.due(),
                    d.basis().description(), d.status(now).name(), d.submittedAt());
        }
    }

    record SignificanceView(String verdict, Boolean assessedSignificant, List<String> criteria, Instant assessedAt,
                            String assessedBy, Boolean overrideSignificant, String overrideReason, String overrideBy,
                            Instant overrideAt) {
    }

    record IncidentView(long id, String reference, String title, String description, String category, String status,
                        String entityType, Instant detectedAt, Instant awareAt, Instant handledAt, String affectedServices,
                        String affectedAssets, String affectedProducts, Long affectedUsers, Long durationMinutes,
                        String geographicSpread, Long financialLossEur, String suspectedMalicious, String crossBorder,
                        String rootCause, String owner, String team, String linkedPsirtCases, String linkedSuppliers,
                        String linkedDevices, SignificanceView significance, boolean reportingRequired,
                        Instant earlyWarningDue, Instant notificationDue, Instant finalReportDue,
                        Instant progressReportDue, List<DeadlineView> deadlines, Instant createdAt, String createdBy,
                        Instant updatedAt, String updatedBy) {

        static IncidentView of(IncidentClock clock) {
            Incident i = clock.incident();
            var s = i.significance();
            return new IncidentView(i.id(), i.reference(), i.title(), i.description(), i.category().name(),
                    i.status().name(), i.entityType().name(), i.detectedAt(), i.awareAt(), i.handledAt(),
                    i.affectedServices(), i.affectedAssets(), i.affectedProducts(), i.affectedUsers(),
                    i.durationMinutes(), i.geographicSpread(), i.financialLossEur(), i.suspectedMalicious(),
                    i.crossBorder(), i.rootCause(), i.owner(), i.team(), i.linkedPsirtCases(), i.linkedSuppliers(),
                    i.linkedDevices(), new SignificanceView(s.verdict().name(), s.assessedSignificant(), s.criteria(),
                    s.assessedAt(), s.assessedBy(), s.overrideSignificant(), s.overrideReason(), s.overrideBy(),
                    s.overrideAt()), clock.verdict() == Verdict.SIGNIFICANT,
                    clock.schedule().earlyWarningDue(), clock.schedule().notificationDue(),
                    clock.schedule().finalReportDue(), clock.schedule().progressReportDue(),
                    clock.schedule().deadlines().stream().map(d -> DeadlineView.of(d, clock.now())).toList(),
                    i.createdAt(), i.createdBy(), i.updatedAt(), i.updatedBy());
        }
    }

    record ClockView(long incidentId, String reference, String title, String significance, List<DeadlineView> outstanding,
                     List<DeadlineView> reminders) {
    }

    record TimelineRequest(Instant occurredAt, String kind, String body) {
    }

    record OverrideRequest(Boolean significant, String reason) {
    }

    record AssessmentView(String verdict, SignificanceInput input, Boolean significant, List<Criterion> fired,
                          boolean excluded, List<String> notes) {
    }

    record DraftRequest(String stage) {
    }

    record ContentRequest(Map<String, String> content) {
    }

    record SubmitRequest(String recipient) {
    }

    record ReportView(long id, long incidentId, String stage, String title, String legalReference, int version,
                      String status, Map<String, String> content, List<String> missingMandatory, String recipient,
                      Instant submittedAt, String submittedBy, Long supersedesId, Instant createdAt, String createdBy,
                      Instant updatedAt, String updatedBy) {

        static ReportView of(IncidentReport r) {
            return new ReportView(r.id(), r.incidentId(), r.stage().name(), r.stage().title(), r.stage().legalReference(),
                    r.version(), r.status().name(), r.content(),
                    ReportTemplate.missing(r.stage(), r.content()).stream().map(ReportField::key).toList(),
                    r.recipient(), r.submittedAt(), r.submittedBy(), r.supersedesId(), r.createdAt(), r.createdBy(),
                    r.updatedAt(), r.updatedBy());
        }
    }

    record PlanRequest(String title, String kind, String owner, String summary, List<String> documentLinks,
                       LocalDate approvedOn, LocalDate nextReviewOn) {
    }

    record DrillRequest(Long planId, LocalDate heldOn, String scenario, String participants, String lessons,
                        String followUps) {
    }

    private final IncidentManagement incidents;
    private final Continuity continuity;
    private final ReportPdf pdf;
    private final IncidentSettings settings;
    private final BackupFolder backups;

    IncidentApi(IncidentManagement incidents, Continuity continuity, ReportPdf pdf, IncidentSettings settings,
                BackupFolder backups) {
        this.backups = backups;
        this.incidents = incidents;
        this.continuity = continuity;
        this.pdf = pdf;
        this.settings = settings;
    }

    @PostMapping("/incidents")
    @PreAuthorize(IncidentAccess.WRITE)
    ResponseEntity<IncidentView> create(@RequestBody(required = false) IncidentRequest request,
                                        @AuthenticationPrincipal CurrentUser user) {
        if (request == null) {
            throw new InvalidIncidentInput("body", "Send the incident as JSON with at least title, detectedAt and awareAt.");
        }
        Incident incident = incidents.record(request.details(), user.username());
        return ResponseEntity.created(URI.create("/api/v1/incidents/" + incident.id()))
                .body(IncidentView.of(incidents.clock(incident.id())));
    }

    @GetMapping("/incidents")
    @PreAuthorize(IncidentAccess.READ)
    List<IncidentView> list(@RequestParam(required = false) String status, @RequestParam(required = false) String significance,
                            @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
                            @RequestParam(defaultValue = "50") int size) {
        int limit = Math.min(Math.max(size, 1), 200);
        Incidents.Filter filter = new Incidents.Filter(parse("status", status, IncidentStatus.class),
                parse("significance", significance, Verdict.class), q);
        return incidents.list(filter, Math.max(page, 0) * limit, limit).stream()
                .map(i -> IncidentView.of(incidents.clock(i.id()))).toList();
    }

    @GetMapping("/incidents/{id}")
    @PreAuthorize(IncidentAccess.READ)
    IncidentView incident(@PathVariable long id) {
        return IncidentView.of(incidents.clock(id));
    }

    @PutMapping("/incidents/{id}")
    @PreAuthorize(IncidentAccess.WRITE)
    IncidentView update(@PathVariable long id, @RequestBody(required = false) IncidentRequest request,
                        @AuthenticationPrincipal CurrentUser user) {
        if (request == null) {
            throw new InvalidIncidentInput("body", "Send the incident as JSON.");
        }
        incidents.update(id, request.details(), user.username());
        return IncidentView.of(incidents.clock(id));
    }

    @GetMapping("/incidents/{id}/timeline")
    @PreAuthorize(IncidentAccess.READ)
    List<TimelineEntry> timeline(@PathVariable long id) {
        return incidents.timeline(id);
    }

    @PostMapping("/incidents/{id}/timeline")
    @PreAuthorize(IncidentAccess.WRITE)
    ResponseEntity<List<TimelineEntry>> addToTimeline(@PathVariable long id, @RequestBody(required = false) TimelineRequest request,
                                                      @AuthenticationPrincipal CurrentUser user) {
        if (request == null) {
            throw new InvalidIncidentInput("body", "Send kind, body and optionally occurredAt.");
        }
        incidents.addToTimeline(id, request.occurredAt(), request.kind(), request.body(), user.username());
        return ResponseEntity.status(201).body(incidents.timeline(id));
    }

    @GetMapping("/incidents/{id}/significance")
    @PreAuthorize(IncidentAccess.READ)
    AssessmentView significance(@PathVariable long id) {
        return assessmentView(id, incidents.assessment(id));
    }

    @PutMapping("/incidents/{id}/significance")
    @PreAuthorize(IncidentAccess.WRITE)
    AssessmentView assess(@PathVariable long id, @RequestBody(required = false) SignificanceInput input,
                          @AuthenticationPrincipal CurrentUser user) {
        return assessmentView(id, incidents.assess(id, input, user.username()));
    }

    @PutMapping("/incidents/{id}/significance/override")
    @PreAuthorize(IncidentAccess.WRITE)
    AssessmentView override(@PathVariable long id, @RequestBody(required = false) OverrideRequest request,
                            @AuthenticationPrincipal CurrentUser user) {
        if (request == null) {
            throw new InvalidIncidentInput("body", "Send significant (true, false or null to withdraw) and reason.");
        }
        incidents.override(id, request.significant(), request.reason(), user.username());
        return assessmentView(id, incidents.assessment(id));
    }

    @GetMapping("/incidents/{id}/reports")
    @PreAuthorize(IncidentAccess.READ)
    List<ReportView> reports(@PathVariable long id) {
        return incidents.reports(id).stream().map(ReportView::of).toList();
    }

    @PostMapping("/incidents/{id}/reports")
    @PreAuthorize(IncidentAccess.WRITE)
    ResponseEntity<ReportView> draft(@PathVariable long id, @RequestBody(required = false) DraftRequest request,
                                     @AuthenticationPrincipal CurrentUser user) {
        IncidentReport report = incidents.draft(id, request == null ? null : request.stage(), user.username());
        return ResponseEntity.created(URI.create("/api/v1/incidents/" + id + "/reports/" + report.id()))
                .body(ReportView.of(report));
    }

    @GetMapping("/incidents/{id}/reports/{reportId}")
    @PreAuthorize(IncidentAccess.READ)
    ReportView report(@PathVariable long id, @PathVariable long reportId) {
        return ReportView.of(incidents.report(id, reportId));
    }

    @PutMapping("/incidents/{id}/reports/{reportId}")
    @PreAuthorize(IncidentAccess.WRITE)
    ReportView save(@PathVariable long id, @PathVariable long reportId, @RequestBody(required = false) ContentRequest request,
                    @AuthenticationPrincipal CurrentUser user) {
        if (request == null || request.content() == null) {
            throw new InvalidIncidentInput("content", "Send the report's content as an object of field to text.");
        }
        return ReportView.of(incidents.saveReport(id, reportId, request.content(), user.username()));
    }

    @PostMapping("/incidents/{id}/reports/{reportId}/submit")
    @PreAuthorize(IncidentAccess.WRITE)
    ReportView submit(@PathVariable long id, @PathVariable long reportId, @RequestBody(required = false) SubmitRequest request,
                      @AuthenticationPrincipal CurrentUser user) {
        return ReportView.of(incidents.submit(id, reportId, request == null ? null : request.recipient(), user.username()));
    }

    @PostMapping("/incidents/{id}/reports/{reportId}/supersede")
    @PreAuthorize(IncidentAccess.WRITE)
    ResponseEntity<ReportView> supersede(@PathVariable long id, @PathVariable long reportId,
                                         @AuthenticationPrincipal CurrentUser user) {
        IncidentReport report = incidents.supersede(id, reportId, user.username());
        return ResponseEntity.created(URI.create("/api/v1/incidents/" + id + "/reports/" + report.id()))
                .body(ReportView.of(report));
    }

    @GetMapping("/incidents/{id}/reports/{reportId}/export")
    @PreAuthorize(IncidentAccess.READ)
    ResponseEntity<ReportDocument> export(@PathVariable long id, @PathVariable long reportId) {
        ReportDocument document = incidents.document(id, reportId);
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, attachment(document, "json"))
                .contentType(MediaType.APPLICATION_JSON).body(document);
    }

    @GetMapping("/incidents/{id}/reports/{reportId}/pdf")
    @PreAuthorize(IncidentAccess.READ)
    ResponseEntity<byte[]> pdf(@PathVariable long id, @PathVariable long reportId) {
        ReportDocument document = incidents.document(id, reportId);
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, attachment(document, "pdf"))
                .contentType(MediaType.APPLICATION_PDF).body(pdf.render(document, settings.displayZone()));
    }

    @GetMapping("/incident-clocks")
    @PreAuthorize(IncidentAccess.READ)
    List<ClockView> clocks() {
        return incidents.openClocks().stream().map(c -> new ClockView(c.incident().id(), c.incident().reference(),
                c.incident().title(), c.verdict().name(),
                c.schedule().outstanding().stream().map(d -> DeadlineView.of(d, c.now())).toList(),
                c.reminders().stream().map(d -> DeadlineView.of(d, c.now())).toList())).toList();
    }

    @GetMapping("/continuity/plans")
    @PreAuthorize(IncidentAccess.READ)
    List<ContinuityPlan> plans() {
        return continuity.plans();
    }

    @PostMapping("/continuity/plans")
    @PreAuthorize(IncidentAccess.WRITE)
    ResponseEntity<ContinuityPlan> addPlan(@RequestBody(required = false) PlanRequest r, @AuthenticationPrincipal CurrentUser user) {
        if (r == null) {
            throw new InvalidIncidentInput("body", "Send the plan as JSON.");
        }
        long id = continuity.addPlan(r.title(), r.kind(), r.owner(), r.summary(),
                r.documentLinks() == null ? null : String.join("\n", r.documentLinks()), r.approvedOn(), r.nextReviewOn(),
                user.username());
        return ResponseEntity.created(URI.create("/api/v1/continuity/plans/" + id)).body(continuity.plan(id));
    }

    @GetMapping("/continuity/plans/{id}/documents")
    @PreAuthorize(IncidentAccess.READ)
    @Operation(summary = "Documents attached to a continuity plan")
    List<ContinuityDocument> documents(@PathVariable long id) {
        continuity.plan(id);
        return continuity.documents(id);
    }

    @PostMapping("/continuity/plans/{id}/documents")
    @PreAuthorize(IncidentAccess.WRITE)
    @Operation(summary = "Attach a document to a continuity plan (multipart field 'file'; stored encrypted)")
    ResponseEntity<ContinuityDocument> attach(@PathVariable long id,
                                              @RequestParam(required = false) org.springframework.web.multipart.MultipartFile file,
                                              @AuthenticationPrincipal CurrentUser user) throws java.io.IOException {
        if (file == null || file.isEmpty()) {
            throw new InvalidIncidentInput("file", "Send the document as multipart field 'file'.");
        }
        try (java.io.InputStream in = file.getInputStream()) {
            ContinuityDocument d = continuity.attach(id, file.getOriginalFilename(), in, user.username());
            return ResponseEntity.created(URI.create("/api/v1/continuity/plans/" + id + "/documents/" + d.id())).body(d);
        }
    }

    @GetMapping("/continuity/plans/{id}/documents/{documentId}")
    @PreAuthorize(IncidentAccess.READ)
    @Operation(summary = "Download a plan's document")
    ResponseEntity<org.springframework.core.io.InputStreamResource> document(@PathVariable long id, @PathVariable long documentId) {
        return ContinuityPages.documentResponse(continuity.open(id, documentId));
    }

    @GetMapping("/continuity/backup-status")
    @PreAuthorize(IncidentAccess.READ)
    @Operation(summary = "The last backup (time, size, verified or not, age against the schedule) and the next run")
    BackupStatusView backupStatus() {
        BackupStatus status = backups.status();
        var latest = status.latest();
        return new BackupStatusView(latest == null ? null : latest.name(), latest == null ? null : latest.modified(),
                latest == null ? null : latest.bytes(), status.verification().name(), status.checkedAt(), status.problem(),
                status.age() == null ? null : status.age().toSeconds(), status.maxAge() == null ? null : status.maxAge().toSeconds(),
                status.stale(), status.nextRun());
    }

    record BackupStatusView(String archive, Instant writtenAt, Long bytes, String verification, Instant checkedAt,
                            String problem, Long ageSeconds, Long maxAgeSeconds, boolean stale, Instant nextRun) {
    }

    @GetMapping("/continuity/drills")
    @PreAuthorize(IncidentAccess.READ)
    List<ContinuityDrill> drills() {
        return continuity.drills();
    }

    @PostMapping("/continuity/drills")
    @PreAuthorize(IncidentAccess.WRITE)
    ResponseEntity<ContinuityDrill> addDrill(@RequestBody(required = false) DrillRequest r, @AuthenticationPrincipal CurrentUser user) {
        if (r == null) {
            throw new InvalidIncidentInput("body", "Send the drill as JSON.");
        }
        long id = continuity.addDrill(r.planId(), r.heldOn(), r.scenario(), r.participants(), r.lessons(), r.followUps(),
                user.username());
        ContinuityDrill drill = continuity.drills().stream().filter(d -> d.id() == id).findFirst().orElseThrow();
        return ResponseEntity.status(201).body(drill);
    }

    private AssessmentView assessmentView(long id, StoredAssessment stored) {
        Verdict verdict = incidents.incident(id).significance().verdict();
        if (stored == null) {
            return new AssessmentView(verdict.name(), incidents.significanceInput(id), null, List.of(), false, List.of());
        }
        return new AssessmentView(verdict.name(), stored.input(), stored.significant(), stored.fired(), stored.excluded(),
                stored.notes());
    }

    static String attachment(ReportDocument d, String extension) {
        return ContentDisposition.attachment().filename(d.incident().reference() + "-"
                + d.stage().toLowerCase(Locale.ROOT).replace('_', '-') + "-v" + d.version() + "." + extension).build().toString();
    }

    private static <E extends Enum<E>> E parse(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidIncidentInput(field, "Unknown value '" + value + "'.");
        }
    }
}
