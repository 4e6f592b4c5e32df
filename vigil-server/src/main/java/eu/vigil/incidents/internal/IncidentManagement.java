package eu.vigil.incidents.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import eu.vigil.audit.AuditEvent;
import eu.vigil.audit.AuditTrail;
import eu.vigil.core.incident.ClockFacts;
import eu.vigil.core.incident.Deadline;
import eu.vigil.core.incident.EntityType;
import eu.vigil.core.incident.PriorIncident;
import eu.vigil.core.incident.ReportField;
import eu.vigil.core.incident.ReportStage;
import eu.vigil.core.incident.ReportTemplate;
import eu.vigil.core.incident.ReportingClock;
import eu.vigil.core.incident.ReportingSchedule;
import eu.vigil.core.incident.SignificanceAssessment;
import eu.vigil.core.incident.SignificanceAssessor;
import eu.vigil.incidents.IncidentOpened;
import eu.vigil.incidents.IncidentReportSubmitted;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The incidents module's facade: records incidents, keeps their timeline, assesses significance,
 * runs the reporting clock and the reports. Every change is audited; every rule about input is
 * checked here, so the API and the pages answer the same.
 */
@Service
@Transactional
public class IncidentManagement {

    private static final List<String> CHOICES = ReportTemplate.CHOICES;
    private static final DateTimeFormatter UTC_TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final Incidents incidents;
    private final Timeline timeline;
    private final IncidentReports reports;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final IncidentSettings settings;
    private final Clock clock;

    IncidentManagement(Incidents incidents, Timeline timeline, IncidentReports reports, AuditTrail audit,
                       ApplicationEventPublisher events, JsonMapper json, IncidentSettings settings, Clock clock) {
        this.incidents = incidents;
        this.timeline = timeline;
        this.reports = reports;
        this.audit = audit;
        this.events = events;
        this.json = json;
        this.settings = settings;
        this.clock = clock;
    }

    // ---- register ---------------------------------------------------------------------------

    public Incident record(IncidentDetails details, String user) {
        Instant now = clock.instant();
        IncidentDetails valid = validate(details, now);
        long id = incidents.insert(valid, now, user);
        timeline.add(id, valid.detectedAt(), "RECORD", "Incident detected.", user, now);
        timeline.add(id, valid.awareAt(), "RECORD", "Became aware of the incident: the reporting clock starts.", user, now);
        audit.record(AuditEvent.of("incidents.create").object("incident", id).detail("title", valid.title())
                .detail("awareAt", valid.awareAt()));
        events.publishEvent(new IncidentOpened(id, valid.awareAt()));
        return incident(id);
    }

    public Incident update(long id, IncidentDetails details, String user) {
        Incident before = incident(id);
        Instant now = clock.instant();
        IncidentDetails valid = validate(details, now);
        if (before.status() != IncidentStatus.valueOf(valid.status())) {
            timeline.add(id, now, "RECORD", "Status changed from " + before.status().title() + " to "
                    + IncidentStatus.valueOf(valid.status()).title() + ".", user, now);
        }
        incidents.update(id, valid, now, user);
        audit.record(AuditEvent.of("incidents.update").object("incident", id).detail("status", valid.status()));
        return incident(id);
    }

    @Transactional(readOnly = true)
    public Incident incident(long id) {
        return incidents.find(id).orElseThrow(() -> new UnknownIncident("incident", id));
    }

    @Transactional(readOnly = true)
    public List<Incident> list(Incidents.Filter filter, int offset, int limit) {
        return incidents.page(filter, Math.max(offset, 0), Math.min(Math.max(limit, 1), 200));
    }

    @Transactional(readOnly = true)
    public List<TimelineEntry> timeline(long id) {
        incident(id);
        return timeline.of(id);
    }

    public void addToTimeline(long id, Instant occurredAt, String kind, String body, String user) {
        incident(id);
        Instant now = clock.instant();
        String k = kind == null || kind.isBlank() ? "EVENT" : kind.strip().toUpperCase(Locale.ROOT);
        if (!TimelineEntry.KINDS.contains(k)) {
            throw new InvalidIncidentInput("kind", "The kind must be one of " + TimelineEntry.KINDS + ".");
        }
        if (body == null || body.isBlank()) {
            throw new InvalidIncidentInput("body", "Say what happened or what was done.");
        }
        if (body.length() > 4000) {
            throw new InvalidIncidentInput("body", "At most 4000 characters.");
        }
        Instant at = occurredAt == null ? now : occurredAt;
        notInFuture("occurredAt", at, now);
        timeline.add(id, at, k, body.strip(), user, now);
        audit.record(AuditEvent.of("incidents.timeline").object("incident", id).detail("kind", k));
    }

    // ---- significance -----------------------------------------------------------------------

    /** The facts last assessed, or a first set taken from the register. */
    @Transactional(readOnly = true)
    public SignificanceInput significanceInput(long id) {
        Incident incident = incident(id);
        StoredAssessment stored = stored(incident);
        return stored == null ? SignificanceInput.from(incident) : stored.input();
    }

    /** The last assessment's full answer, or {@code null} when none was made. */
    @Transactional(readOnly = true)
    public StoredAssessment assessment(long id) {
        return stored(incident(id));
    }

    public StoredAssessment assess(long id, SignificanceInput input, String user) {
        Incident incident = incident(id);
        if (input == null) {
            throw new InvalidIncidentInput("facts", "Give the facts to assess.");
        }
        String negative = input.negativeField();
        if (negative != null) {
            throw new InvalidIncidentInput(negative, "Must not be negative.");
        }
        List<PriorIncident> prior = new ArrayList<>();
        for (Incident other : incidents.withRootCause(incident.rootCause(), id)) {
            StoredAssessment s = stored(other);
            Long loss = s != null && s.input().directFinancialLossEur() != null
                    ? s.input().directFinancialLossEur() : other.financialLossEur();
            prior.add(new PriorIncident(other.reference(), other.detectedAt(), other.rootCause(), loss,
                    other.significance().individuallySignificant()));
        }
        SignificanceAssessment result = SignificanceAssessor.assess(input.toFacts(incident).priorIncidents(prior).build());
        StoredAssessment stored = new StoredAssessment(input, result.significant(), result.fired(), result.excluded(),
                result.notes());
        Instant now = clock.instant();
        incidents.saveAssessment(id, json.writeValueAsString(stored), result.significant(), result.codes(), now, user);
        timeline.add(id, now, "RECORD", "Significance assessed: " + (result.significant() ? "significant" : "not significant")
                + (result.codes().isEmpty() ? "." : " (" + String.join(", ", result.codes()) + ")."), user, now);
        audit.record(AuditEvent.of("incidents.significance.assess").object("incident", id)
                .detail("significant", result.significant()).detail("criteria", String.join(",", result.codes())));
        return stored;
    }

    /** A person's decision that overrides the assessment; {@code significant == null} withdraws it. */
    public void override(long id, Boolean significant, String reason, String user) {
        incident(id);
        if (significant != null && (reason == null || reason.isBlank())) {
            throw new InvalidIncidentInput("reason", "Give the reason for overriding the assessment.");
        }
        if (reason != null && reason.length() > 2000) {
            throw new InvalidIncidentInput("reason", "At most 2000 characters.");
        }
        Instant now = clock.instant();
        incidents.saveOverride(id, significant, reason == null ? null : reason.strip(), now, user);
        timeline.add(id, now, "RECORD", significant == null ? "Significance override withdrawn."
                : "Significance set to " + (significant ? "significant" : "not significant") + " by a person: "
                + reason.strip(), user, now);
        audit.record(AuditEvent.of("incidents.significance.override").object("incident", id)
                .detail("significant", significant).detail("reason", reason));
    }

    // ---- clock ------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public IncidentClock clock(long id) {
        return clockOf(incident(id), clock.instant());
    }

    /** Every incident whose clock may still run, soonest deadline first. */
    @Transactional(readOnly = true)
    public List<IncidentClock> openClocks() {
        Instant now = clock.instant();
        return incidents.withOpenClocks(500).stream().map(i -> clockOf(i, now)).filter(IncidentClock::running)
                .sorted(java.util.Comparator.comparing((IncidentClock c) -> c.schedule().next().map(Deadline::due).orElse(Instant.MAX)))
                .toList();
    }

    /** In-app reminders: outstanding deadlines that are overdue or within their reminder window. */
    @Transactional(readOnly = true)
    public List<IncidentClock> reminders() {
        return openClocks().stream().filter(c -> !c.reminders().isEmpty()).toList();
    }

    private IncidentClock clockOf(Incident incident, Instant now) {
        ClockFacts facts = new ClockFacts(incident.awareAt(), incident.trustService(),
                reports.firstSubmissions(incident.id()), incident.status().handled() ? incident.handledAt() : null);
        ReportingSchedule schedule = ReportingClock.schedule(facts, now);
        List<Deadline> reminders = schedule.outstanding().stream()
                .filter(d -> d.due() != null && d.remaining(now).compareTo(window(d.stage())) <= 0).toList();
        return new IncidentClock(incident, schedule, reminders, now);
    }

    private Duration window(ReportStage stage) {
        return switch (stage) {
            case EARLY_WARNING -> settings.remindEarlyWarning();
            case INCIDENT_NOTIFICATION -> settings.remindNotification();
            default -> settings.remindReport();
        };
    }

    // ---- reports ----------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<IncidentReport> reports(long id) {
        incident(id);
        return reports.of(id);
    }

    @Transactional(readOnly = true)
    public IncidentReport report(long incidentId, long reportId) {
        incident(incidentId);
        return reports.find(reportId).filter(r -> r.incidentId() == incidentId)
                .orElseThrow(() -> new UnknownIncident("report on incident " + incidentId, reportId));
    }

    /**
     * Opens a draft of a stage's report, pre-filled from the incident and from earlier reports. An
     * open draft of the stage is returned as it is; a stage already submitted must be superseded
     * (except intermediate reports and notices, which may be sent several times).
     */
    public IncidentReport draft(long incidentId, String stageName, String user) {
        Incident incident = incident(incidentId);
        ReportStage stage = stage(stageName);
        List<IncidentReport> existing = reports.of(incidentId);
        for (IncidentReport r : existing) {
            if (r.stage() == stage && r.draft()) {
                return r;
            }
        }
        boolean repeatable = stage == ReportStage.INTERMEDIATE_REPORT || stage == ReportStage.RECIPIENT_NOTICE;
        if (!repeatable && existing.stream().anyMatch(r -> r.stage() == stage && r.status() == IncidentReport.Status.SUBMITTED)) {
            throw new ReportFrozen("The " + stage.title().toLowerCase(Locale.ROOT)
                    + " was already submitted; supersede it with a new version instead.");
        }
        Instant now = clock.instant();
        long id = reports.insert(incidentId, stage, reports.nextVersion(incidentId, stage), prefill(incident, stage, existing),
                null, now, user);
        audit.record(AuditEvent.of("incidents.report.draft").object("incident-report", id).detail("incident", incidentId)
                .detail("stage", stage));
        return reports.find(id).orElseThrow();
    }

    public IncidentReport saveReport(long incidentId, long reportId, Map<String, String> content, String user) {
        IncidentReport report = report(incidentId, reportId);
        if (!report.draft()) {
            throw new ReportFrozen(reportId, report.status().name());
        }
        Map<String, String> clean = clean(report.stage(), content);
        if (!reports.saveDraft(reportId, clean, clock.instant(), user)) {
            throw new ReportFrozen(reportId, "submitted");
        }
        audit.record(AuditEvent.of("incidents.report.save").object("incident-report", reportId).detail("incident", incidentId));
        return reports.find(reportId).orElseThrow();
    }

    /** Submits a draft to its recipient and freezes it; a version that supersedes another marks that one superseded. */
    public IncidentReport submit(long incidentId, long reportId, String recipient, String user) {
        IncidentReport report = report(incidentId, reportId);
        if (!report.draft()) {
            throw new ReportFrozen(reportId, report.status().name());
        }
        if (recipient == null || recipient.isBlank()) {
            throw new InvalidIncidentInput("recipient", "Name the recipient: the CSIRT or competent authority the report goes to.");
        }
        if (recipient.length() > 300) {
            throw new InvalidIncidentInput("recipient", "At most 300 characters.");
        }
        List<ReportField> missing = ReportTemplate.missing(report.stage(), report.content());
        if (!missing.isEmpty()) {
            ReportField first = missing.getFirst();
            throw new InvalidIncidentInput("content." + first.key(), "The " + report.stage().title().toLowerCase(Locale.ROOT)
                    + " needs " + String.join(", ", missing.stream().map(f -> "'" + f.label() + "' (" + f.key() + ")").toList())
                    + (first.choice() ? "; answer yes, no or unknown." : "."));
        }
        Instant now = clock.instant();
        if (!reports.submit(reportId, recipient.strip(), now, user)) {
            throw new ReportFrozen(reportId, "submitted");
        }
        if (report.supersedesId() != null) {
            reports.markSuperseded(report.supersedesId());
        }
        timeline.add(incidentId, now, "RECORD", report.stage().title() + " version " + report.version() + " submitted to "
                + recipient.strip() + ".", user, now);
        audit.record(AuditEvent.of("incidents.report.submit").object("incident-report", reportId)
                .detail("incident", incidentId).detail("stage", report.stage()).detail("version", report.version())
                .detail("recipient", recipient.strip()));
        events.publishEvent(new IncidentReportSubmitted(incidentId, reportId, report.stage().name(), report.version(), now));
        return reports.find(reportId).orElseThrow();
    }

    /** Opens a new draft version of a submitted report, to correct or complete it. */
    public IncidentReport supersede(long incidentId, long reportId, String user) {
        IncidentReport report = report(incidentId, reportId);
        if (report.status() != IncidentReport.Status.SUBMITTED) {
            throw new ReportFrozen("Only a submitted report can be superseded; report " + reportId + " is "
                    + report.status().name().toLowerCase(Locale.ROOT) + ".");
        }
        for (IncidentReport r : reports.of(incidentId)) {
            if (r.draft() && Long.valueOf(reportId).equals(r.supersedesId())) {
                return r;
            }
        }
        Instant now = clock.instant();
        long id = reports.insert(incidentId, report.stage(), reports.nextVersion(incidentId, report.stage()),
                report.content(), reportId, now, user);
        audit.record(AuditEvent.of("incidents.report.supersede").object("incident-report", id).detail("incident", incidentId)
                .detail("supersedes", reportId));
        return reports.find(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public ReportDocument document(long incidentId, long reportId) {
        Incident incident = incident(incidentId);
        IncidentReport report = report(incidentId, reportId);
        List<ReportDocument.Item> items = ReportTemplate.fields(report.stage()).stream()
                .map(f -> new ReportDocument.Item(f.key(), f.label(), f.reference(), report.value(f.key()))).toList();
        return new ReportDocument("vigil-nis2-incident-report/1", new ReportDocument.IncidentFacts(incident.id(),
                incident.reference(), incident.title(), incident.category().title(), incident.entityType().title(),
                incident.detectedAt(), incident.awareAt(), incident.significance().verdict().title(),
                incident.significance().criteria()), report.id(), report.stage().name(), report.stage().title(),
                report.stage().legalReference(), report.version(), report.status().name(), report.supersedesId(),
                report.recipient(), report.submittedAt(), report.submittedBy(), items, clock.instant());
    }

    // ---- rules ------------------------------------------------------------------------------

    private IncidentDetails validate(IncidentDetails d, Instant now) {
        if (d == null) {
            throw new InvalidIncidentInput("body", "Give the incident's details.");
        }
        String title = required("title", d.title(), 200);
        if (d.detectedAt() == null) {
            throw new InvalidIncidentInput("detectedAt", "Give when the incident was detected (ISO 8601 instant).");
        }
        if (d.awareAt() == null) {
            throw new InvalidIncidentInput("awareAt", "Give when the entity became aware of the incident (ISO 8601 instant).");
        }
        notInFuture("detectedAt", d.detectedAt(), now);
        notInFuture("awareAt", d.awareAt(), now);
        if (d.awareAt().isBefore(d.detectedAt())) {
            throw new InvalidIncidentInput("awareAt", "Awareness (" + UTC_TEXT.format(d.awareAt())
                    + ") cannot come before detection (" + UTC_TEXT.format(d.detectedAt()) + ").");
        }
        IncidentCategory category = choose("category", d.category(), IncidentCategory.class, IncidentCategory.OTHER);
        IncidentStatus status = choose("status", d.status(), IncidentStatus.class, IncidentStatus.OPEN);
        EntityType entityType = choose("entityType", d.entityType(), EntityType.class, EntityType.OTHER);
        Instant handledAt = d.handledAt();
        if (handledAt != null) {
            notInFuture("handledAt", handledAt, now);
            if (handledAt.isBefore(d.detectedAt())) {
                throw new InvalidIncidentInput("handledAt", "The incident cannot be handled before it was detected.");
            }
        } else if (status.handled()) {
            handledAt = now;
        }
        return new IncidentDetails(title, optional("description", d.description(), 10000), category.name(), status.name(),
                entityType.name(), d.detectedAt(), d.awareAt(), handledAt,
                optional("affectedServices", d.affectedServices(), 2000), optional("affectedAssets", d.affectedAssets(), 2000),
                optional("affectedProducts", d.affectedProducts(), 2000), notNegative("affectedUsers", d.affectedUsers()),
                notNegative("durationMinutes", d.durationMinutes()), optional("geographicSpread", d.geographicSpread(), 1000),
                notNegative("financialLossEur", d.financialLossEur()), choice("suspectedMalicious", d.suspectedMalicious()),
                choice("crossBorder", d.crossBorder()), optional("rootCause", d.rootCause(), 200),
                optional("owner", d.owner(), 200), optional("team", d.team(), 1000),
                optional("linkedPsirtCases", d.linkedPsirtCases(), 1000), optional("linkedSuppliers", d.linkedSuppliers(), 1000),
                optional("linkedDevices", d.linkedDevices(), 1000));
    }

    private void notInFuture(String field, Instant value, Instant now) {
        if (value.isAfter(now.plus(settings.futureTolerance()))) {
            throw new InvalidIncidentInput(field, "The time " + UTC_TEXT.format(value) + " lies in the future.");
        }
    }

    private static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidIncidentInput(field, "This field is required.");
        }
        return optional(field, value, max);
    }

    private static String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > max) {
            throw new InvalidIncidentInput(field, "At most " + max + " characters.");
        }
        return value.strip();
    }

    private static Long notNegative(String field, Long value) {
        if (value != null && value < 0) {
            throw new InvalidIncidentInput(field, "Must not be negative.");
        }
        return value;
    }

    private static String choice(String field, String value) {
        if (value == null || value.isBlank()) {
            return "unknown";
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (!CHOICES.contains(v)) {
            throw new InvalidIncidentInput(field, "Answer yes, no or unknown.");
        }
        return v;
    }

    private static <E extends Enum<E>> E choose(String field, String value, Class<E> type, E fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidIncidentInput(field, "Unknown value '" + value + "'; one of "
                    + Arrays.toString(type.getEnumConstants()) + ".");
        }
    }

    private static ReportStage stage(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidIncidentInput("stage", "Name the report stage; one of " + Arrays.toString(ReportStage.values()) + ".");
        }
        return choose("stage", name, ReportStage.class, null);
    }

    private static Map<String, String> clean(ReportStage stage, Map<String, String> content) {
        Map<String, String> clean = new LinkedHashMap<>();
        if (content == null) {
            return clean;
        }
        for (ReportField field : ReportTemplate.fields(stage)) {
            String value = content.get(field.key());
            if (value != null) {
                if (value.length() > 20000) {
                    throw new InvalidIncidentInput("content." + field.key(), "At most 20000 characters.");
                }
                if (field.choice() && !value.isBlank() && !CHOICES.contains(value.strip().toLowerCase(Locale.ROOT))) {
                    throw new InvalidIncidentInput("content." + field.key(), "Answer yes, no or unknown.");
                }
                clean.put(field.key(), field.choice() ? value.strip().toLowerCase(Locale.ROOT) : value.strip());
            }
        }
        return clean;
    }

    private StoredAssessment stored(Incident incident) {
        String facts = incident.significance().factsJson();
        return facts == null ? null : json.readValue(facts, StoredAssessment.class);
    }

    /** The Art. 23(4) content of a stage, drafted from the register, the assessment and earlier reports. */
    private Map<String, String> prefill(Incident incident, ReportStage stage, List<IncidentReport> earlier) {
        Map<String, String> from = new LinkedHashMap<>();
        String summary = incident.title() + (incident.description() == null ? "" : "\n\n" + incident.description());
        StringBuilder impact = new StringBuilder();
        line(impact, "Affected services", incident.affectedServices());
        line(impact, "Affected assets", incident.affectedAssets());
        line(impact, "Affected products", incident.affectedProducts());
        line(impact, "Affected users", incident.affectedUsers());
        line(impact, "Duration (minutes)", incident.durationMinutes());
        line(impact, "Geographic spread", incident.geographicSpread());
        line(impact, "Estimated financial loss (EUR)", incident.financialLossEur());
        StoredAssessment assessment = stored(incident);
        StringBuilder severity = new StringBuilder(incident.significance().verdict().title());
        if (assessment != null) {
            assessment.fired().forEach(c -> severity.append("\n- ").append(c.reference()).append(": ").append(c.finding()));
        }
        if (incident.significance().overridden()) {
            severity.append("\nDecided by a person: ").append(incident.significance().overrideReason());
        }
        List<TimelineEntry> entries = timeline.of(incident.id());
        String actions = String.join("\n", entries.stream().filter(e -> e.kind().equals("ACTION"))
                .map(e -> UTC_TEXT.format(e.occurredAt()) + ": " + e.body()).toList());
        String history = String.join("\n", entries.stream().filter(e -> !e.kind().equals("NOTE"))
                .map(e -> UTC_TEXT.format(e.occurredAt()) + ": " + e.body()).toList());
        from.put("summary", summary);
        from.put("suspectedMalicious", incident.suspectedMalicious());
        from.put("crossBorderImpact", incident.crossBorder());
        from.put("initialAssessment", "Category: " + incident.category().title() + "\n" + severity);
        from.put("severity", severity.toString());
        from.put("impact", impact.toString().strip());
        from.put("indicatorsOfCompromise", "");
        from.put("statusUpdate", "Status: " + incident.status().title() + "\n" + history);
        from.put("detailedDescription", summary + "\n\nTimeline:\n" + history);
        from.put("severityAndImpact", severity + "\n" + impact.toString().strip());
        from.put("rootCause", incident.rootCause() == null ? incident.category().title()
                : incident.category().title() + ": " + incident.rootCause());
        from.put("mitigation", actions);
        from.put("crossBorderImpactDescription", "yes".equals(incident.crossBorder()) ? nz(incident.geographicSpread()) : "");
        from.put("progress", "Status: " + incident.status().title() + "\n" + history);
        from.put("expectedResolution", "");
        from.put("audience", nz(incident.affectedServices()));
        from.put("message", summary);
        from.put("measures", "");
        // what people wrote in earlier submitted reports wins over the register's wording
        for (IncidentReport r : earlier) {
            if (r.submittedAt() != null) {
                r.content().forEach((k, v) -> {
                    if (v != null && !v.isBlank() && !k.equals("statusUpdate") && !k.equals("progress")) {
                        from.put(k, v);
                    }
                });
            }
        }
        Map<String, String> content = new LinkedHashMap<>();
        for (ReportField field : ReportTemplate.fields(stage)) {
            content.put(field.key(), nz(from.get(field.key())));
        }
        return content;
    }

    private static void line(StringBuilder out, String label, Object value) {
        if (value != null && !value.toString().isBlank()) {
            out.append(label).append(": ").append(value).append('\n');
        }
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
