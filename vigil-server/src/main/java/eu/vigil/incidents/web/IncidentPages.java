package eu.vigil.incidents.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import eu.vigil.core.incident.EntityType;
import eu.vigil.core.incident.ReportField;
import eu.vigil.core.incident.ReportStage;
import eu.vigil.core.incident.ReportTemplate;
import eu.vigil.identity.CurrentUser;
import eu.vigil.incidents.internal.Incident;
import eu.vigil.incidents.internal.IncidentCategory;
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
import eu.vigil.incidents.internal.Verdict;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The incident pages: register, incident, significance, reports, and the dashboard of open clocks. */
@Controller
class IncidentPages {

    static final int PAGE_SIZE = 25;

    private final IncidentManagement incidents;
    private final ReportPdf pdf;
    private final IncidentSettings settings;

    IncidentPages(IncidentManagement incidents, ReportPdf pdf, IncidentSettings settings) {
        this.incidents = incidents;
        this.pdf = pdf;
        this.settings = settings;
    }

    @GetMapping("/incidents")
    @PreAuthorize(IncidentAccess.READ)
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) String significance,
                @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        IncidentStatus s = parse(status, IncidentStatus.class);
        Verdict v = parse(significance, Verdict.class);
        int current = Math.max(page, 0);
        List<Incident> rows = incidents.list(new Incidents.Filter(s, v, q), current * PAGE_SIZE, PAGE_SIZE + 1);
        model.addAttribute("incidents", rows.subList(0, Math.min(rows.size(), PAGE_SIZE)).stream()
                .map(i -> incidents.clock(i.id())).toList());
        model.addAttribute("hasNext", rows.size() > PAGE_SIZE);
        model.addAttribute("page", current);
        model.addAttribute("status", s == null ? "" : s.name());
        model.addAttribute("significance", v == null ? "" : v.name());
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("statuses", IncidentStatus.values());
        model.addAttribute("verdicts", Verdict.values());
        model.addAttribute("reminders", incidents.reminders());
        return "incidents/list";
    }

    @GetMapping("/incidents/new")
    @PreAuthorize(IncidentAccess.WRITE)
    String newIncident(Model model) {
        model.addAttribute("form", new HashMap<String, String>());
        return form(model, null);
    }

    @PostMapping("/incidents")
    @PreAuthorize(IncidentAccess.WRITE)
    String create(@RequestParam Map<String, String> form, HttpServletRequest request, HttpServletResponse response,
                  @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        try {
            Incident incident = incidents.record(details(form, zone(request)), user.username());
            redirect.addFlashAttribute("message", "Incident " + incident.reference()
                    + " recorded. The reporting clock runs from the moment of awareness.");
            return "redirect:/incidents/" + incident.id();
        } catch (InvalidIncidentInput e) {
            return refused(form, e, response, model, null);
        }
    }

    @GetMapping("/incidents/{id}")
    @PreAuthorize(IncidentAccess.READ)
    String incident(@PathVariable long id, Model model) {
        model.addAttribute("clock", incidents.clock(id));
        model.addAttribute("incident", incidents.incident(id));
        model.addAttribute("assessment", incidents.assessment(id));
        model.addAttribute("timeline", incidents.timeline(id));
        model.addAttribute("reports", incidents.reports(id));
        model.addAttribute("stages", ReportStage.values());
        model.addAttribute("kinds", eu.vigil.incidents.internal.TimelineEntry.KINDS);
        return "incidents/detail";
    }

    @GetMapping("/incidents/{id}/edit")
    @PreAuthorize(IncidentAccess.WRITE)
    String edit(@PathVariable long id, HttpServletRequest request, Model model) {
        Incident incident = incidents.incident(id);
        model.addAttribute("form", values(IncidentDetails.of(incident), zone(request)));
        return form(model, incident);
    }

    @PostMapping("/incidents/{id}")
    @PreAuthorize(IncidentAccess.WRITE)
    String update(@PathVariable long id, @RequestParam Map<String, String> form, HttpServletRequest request,
                  HttpServletResponse response, @AuthenticationPrincipal CurrentUser user, Model model,
                  RedirectAttributes redirect) {
        Incident incident = incidents.incident(id);
        try {
            incidents.update(id, details(form, zone(request)), user.username());
            redirect.addFlashAttribute("message", "Incident saved.");
            return "redirect:/incidents/" + id;
        } catch (InvalidIncidentInput e) {
            return refused(form, e, response, model, incident);
        }
    }

    @PostMapping("/incidents/{id}/timeline")
    @PreAuthorize(IncidentAccess.WRITE)
    String addToTimeline(@PathVariable long id, @RequestParam(defaultValue = "") String occurredAt,
                         @RequestParam(defaultValue = "EVENT") String kind, @RequestParam(defaultValue = "") String body,
                         HttpServletRequest request, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        try {
            incidents.addToTimeline(id, time("occurredAt", occurredAt, zone(request)), kind, body, user.username());
            redirect.addFlashAttribute("message", "Added to the timeline.");
        } catch (InvalidIncidentInput e) {
            redirect.addFlashAttribute("problem", e.field() + ": " + e.getMessage());
        }
        return "redirect:/incidents/" + id + "#timeline";
    }

    @GetMapping("/incidents/{id}/significance")
    @PreAuthorize(IncidentAccess.WRITE)
    String significance(@PathVariable long id, Model model) {
        model.addAttribute("incident", incidents.incident(id));
        model.addAttribute("input", incidents.significanceInput(id));
        model.addAttribute("assessment", incidents.assessment(id));
        return "incidents/significance";
    }

    @PostMapping("/incidents/{id}/significance")
    @PreAuthorize(IncidentAccess.WRITE)
    String assess(@PathVariable long id, @RequestParam Map<String, String> form, HttpServletResponse response,
                  @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        try {
            var result = incidents.assess(id, significanceInput(form), user.username());
            redirect.addFlashAttribute("message", result.significant()
                    ? "Assessed as significant: the Art. 23 reports are due." : "Assessed as not significant.");
            return "redirect:/incidents/" + id;
        } catch (InvalidIncidentInput e) {
            response.setStatus(400);
            model.addAttribute("problem", e.field() + ": " + e.getMessage());
            model.addAttribute("field", e.field());
            model.addAttribute("incident", incidents.incident(id));
            model.addAttribute("input", incidents.significanceInput(id));
            model.addAttribute("assessment", incidents.assessment(id));
            return "incidents/significance";
        }
    }

    @PostMapping("/incidents/{id}/significance/override")
    @PreAuthorize(IncidentAccess.WRITE)
    String override(@PathVariable long id, @RequestParam(defaultValue = "") String decision,
                    @RequestParam(defaultValue = "") String reason, @AuthenticationPrincipal CurrentUser user,
                    RedirectAttributes redirect) {
        Boolean significant = switch (decision) {
            case "SIGNIFICANT" -> Boolean.TRUE;
            case "NOT_SIGNIFICANT" -> Boolean.FALSE;
            default -> null;
        };
        try {
            incidents.override(id, significant, reason, user.username());
            redirect.addFlashAttribute("message", significant == null ? "Override withdrawn." : "Significance decided and reason recorded.");
        } catch (InvalidIncidentInput e) {
            redirect.addFlashAttribute("problem", e.field() + ": " + e.getMessage());
        }
        return "redirect:/incidents/" + id + "#significance";
    }

    @PostMapping("/incidents/{id}/reports")
    @PreAuthorize(IncidentAccess.WRITE)
    String draft(@PathVariable long id, @RequestParam(defaultValue = "") String stage,
                 @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        try {
            IncidentReport report = incidents.draft(id, stage, user.username());
            return "redirect:/incidents/" + id + "/reports/" + report.id();
        } catch (InvalidIncidentInput | eu.vigil.incidents.internal.ReportFrozen e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            return "redirect:/incidents/" + id + "#reports";
        }
    }

    @GetMapping("/incidents/{id}/reports/{reportId}")
    @PreAuthorize(IncidentAccess.READ)
    String report(@PathVariable long id, @PathVariable long reportId, Model model) {
        IncidentReport report = incidents.report(id, reportId);
        return reportPage(id, report, report.content(), model);
    }

    /** Saves a draft, and with {@code action=submit} submits it to the recipient. */
    @PostMapping("/incidents/{id}/reports/{reportId}")
    @PreAuthorize(IncidentAccess.WRITE)
    String saveReport(@PathVariable long id, @PathVariable long reportId, @RequestParam Map<String, String> form,
                      HttpServletResponse response, @AuthenticationPrincipal CurrentUser user, Model model,
                      RedirectAttributes redirect) {
        IncidentReport report = incidents.report(id, reportId);
        Map<String, String> content = new LinkedHashMap<>();
        for (ReportField field : ReportTemplate.fields(report.stage())) {
            content.put(field.key(), form.getOrDefault(field.key(), ""));
        }
        incidents.saveReport(id, reportId, content, user.username());
        if (!"submit".equals(form.get("action"))) {
            redirect.addFlashAttribute("message", "Draft saved.");
            return "redirect:/incidents/" + id + "/reports/" + reportId;
        }
        try {
            incidents.submit(id, reportId, form.get("recipient"), user.username());
            redirect.addFlashAttribute("message", report.stage().title() + " submitted and frozen.");
            return "redirect:/incidents/" + id + "/reports/" + reportId;
        } catch (InvalidIncidentInput e) {
            response.setStatus(400);
            model.addAttribute("problem", e.getMessage());
            model.addAttribute("field", e.field());
            model.addAttribute("recipient", form.getOrDefault("recipient", ""));
            return reportPage(id, incidents.report(id, reportId), content, model);
        }
    }

    @PostMapping("/incidents/{id}/reports/{reportId}/supersede")
    @PreAuthorize(IncidentAccess.WRITE)
    String supersede(@PathVariable long id, @PathVariable long reportId, @AuthenticationPrincipal CurrentUser user,
                     RedirectAttributes redirect) {
        IncidentReport draft = incidents.supersede(id, reportId, user.username());
        redirect.addFlashAttribute("message", "Version " + draft.version() + " drafted. The submitted version stays as it was until this one is submitted.");
        return "redirect:/incidents/" + id + "/reports/" + draft.id();
    }

    @GetMapping("/incidents/{id}/reports/{reportId}/pdf")
    @PreAuthorize(IncidentAccess.READ)
    ResponseEntity<byte[]> pdf(@PathVariable long id, @PathVariable long reportId, HttpServletRequest request) {
        ReportDocument document = incidents.document(id, reportId);
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, IncidentApi.attachment(document, "pdf"))
                .contentType(MediaType.APPLICATION_PDF).body(pdf.render(document, zone(request)));
    }

    @GetMapping("/incidents/{id}/reports/{reportId}/json")
    @PreAuthorize(IncidentAccess.READ)
    ResponseEntity<ReportDocument> json(@PathVariable long id, @PathVariable long reportId) {
        ReportDocument document = incidents.document(id, reportId);
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, IncidentApi.attachment(document, "json"))
                .contentType(MediaType.APPLICATION_JSON).body(document);
    }

    @GetMapping("/incident-clocks")
    @PreAuthorize(IncidentAccess.READ)
    String clocks(Model model) {
        var clocks = incidents.openClocks();
        model.addAttribute("clocks", clocks);
        model.addAttribute("reminders", clocks.stream().filter(c -> !c.reminders().isEmpty()).toList());
        return "incidents/clocks";
    }

    // ---- helpers ----------------------------------------------------------------------------

    private String reportPage(long id, IncidentReport report, Map<String, String> content, Model model) {
        model.addAttribute("incident", incidents.incident(id));
        model.addAttribute("report", report);
        model.addAttribute("values", content);
        model.addAttribute("fields", ReportTemplate.fields(report.stage()));
        model.addAttribute("missing", ReportTemplate.missing(report.stage(), content).stream().map(ReportField::key).toList());
        model.addAttribute("choices", ReportTemplate.CHOICES);
        model.addAttribute("versions", incidents.reports(id).stream().filter(r -> r.stage() == report.stage()).toList());
        return "incidents/report";
    }

    private String form(Model model, Incident incident) {
        model.addAttribute("incident", incident);
        model.addAttribute("categories", IncidentCategory.values());
        model.addAttribute("statuses", IncidentStatus.values());
        model.addAttribute("entityTypes", EntityType.values());
        model.addAttribute("choices", ReportTemplate.CHOICES);
        return "incidents/form";
    }

    private String refused(Map<String, String> form, InvalidIncidentInput e, HttpServletResponse response, Model model,
                           Incident incident) {
        response.setStatus(400);
        model.addAttribute("form", form);
        model.addAttribute("problem", e.getMessage());
        model.addAttribute("field", e.field());
        return form(model, incident);
    }

    private ZoneId zone(HttpServletRequest request) {
        return IncidentWebSupport.zone(request, settings.displayZone());
    }

    static IncidentDetails details(Map<String, String> f, ZoneId zone) {
        return new IncidentDetails(f.get("title"), f.get("description"), f.get("category"), f.get("status"),
                f.get("entityType"), time("detectedAt", f.get("detectedAt"), zone), time("awareAt", f.get("awareAt"), zone),
                time("handledAt", f.get("handledAt"), zone), f.get("affectedServices"), f.get("affectedAssets"),
                f.get("affectedProducts"), number("affectedUsers", f.get("affectedUsers")),
                number("durationMinutes", f.get("durationMinutes")), f.get("geographicSpread"),
                number("financialLossEur", f.get("financialLossEur")), f.get("suspectedMalicious"), f.get("crossBorder"),
                f.get("rootCause"), f.get("owner"), f.get("team"), f.get("linkedPsirtCases"), f.get("linkedSuppliers"),
                f.get("linkedDevices"));
    }

    private static Map<String, String> values(IncidentDetails d, ZoneId zone) {
        Times times = new Times(zone, Instant.now());
        Map<String, String> f = new HashMap<>();
        f.put("title", d.title());
        f.put("description", d.description());
        f.put("category", d.category());
        f.put("status", d.status());
        f.put("entityType", d.entityType());
        f.put("detectedAt", times.input(d.detectedAt()));
        f.put("awareAt", times.input(d.awareAt()));
        f.put("handledAt", times.input(d.handledAt()));
        f.put("affectedServices", d.affectedServices());
        f.put("affectedAssets", d.affectedAssets());
        f.put("affectedProducts", d.affectedProducts());
        f.put("affectedUsers", d.affectedUsers() == null ? "" : d.affectedUsers().toString());
        f.put("durationMinutes", d.durationMinutes() == null ? "" : d.durationMinutes().toString());
        f.put("geographicSpread", d.geographicSpread());
        f.put("financialLossEur", d.financialLossEur() == null ? "" : d.financialLossEur().toString());
        f.put("suspectedMalicious", d.suspectedMalicious());
        f.put("crossBorder", d.crossBorder());
        f.put("rootCause", d.rootCause());
        f.put("owner", d.owner());
        f.put("team", d.team());
        f.put("linkedPsirtCases", d.linkedPsirtCases());
        f.put("linkedSuppliers", d.linkedSuppliers());
        f.put("linkedDevices", d.linkedDevices());
        return f;
    }

    static SignificanceInput significanceInput(Map<String, String> f) {
        return new SignificanceInput(flag(f, "severeOperationalDisruption"), flag(f, "financialLossForEntity"),
                flag(f, "considerableDamageToOthers"), flag(f, "scheduledMaintenance"),
                number("directFinancialLossEur", f.get("directFinancialLossEur")),
                number("annualTurnoverEur", f.get("annualTurnoverEur")), flag(f, "tradeSecretsExfiltrated"),
                flag(f, "deathOfPerson"), flag(f, "considerableHealthDamage"), flag(f, "maliciousUnauthorisedAccess"),
                number("completeUnavailabilityMinutes", f.get("completeUnavailabilityMinutes")),
                number("usersAffectedByCompleteUnavailability", f.get("usersAffectedByCompleteUnavailability")),
                number("slowResponseMinutes", f.get("slowResponseMinutes")),
                number("averageResponseSeconds", f.get("averageResponseSeconds")),
                number("limitedAvailabilityMinutes", f.get("limitedAvailabilityMinutes")),
                number("usersAffectedByLimitedAvailability", f.get("usersAffectedByLimitedAvailability")),
                number("unavailabilityInCalendarWeekMinutes", f.get("unavailabilityInCalendarWeekMinutes")),
                flag(f, "dataCompromised"), flag(f, "dataCompromiseSuspectedMalicious"),
                number("usersAffectedByDataCompromise", f.get("usersAffectedByDataCompromise")),
                flag(f, "dataCompromiseByMisconfiguration"),
                number("domainNamesWithIncorrectData", f.get("domainNamesWithIncorrectData")),
                number("domainNamesManaged", f.get("domainNamesManaged")), flag(f, "physicalAccessCompromised"),
                number("usersInUnion", f.get("usersInUnion")));
    }

    private static boolean flag(Map<String, String> f, String name) {
        String v = f.get(name);
        return v != null && (v.equals("true") || v.equals("on"));
    }

    static Instant time(String field, String value, ZoneId zone) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidIncidentInput(field, "Give a date and time such as 2026-05-04T10:15.");
        }
    }

    static Long number(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.strip().replace("_", "").replace(" ", ""));
        } catch (NumberFormatException e) {
            throw new InvalidIncidentInput(field, "Give a whole number.");
        }
    }

    private static <E extends Enum<E>> E parse(String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
