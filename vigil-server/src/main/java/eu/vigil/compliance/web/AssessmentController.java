package eu.vigil.compliance.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.vigil.compliance.Assessment;
import eu.vigil.compliance.ComplianceManagement;
import eu.vigil.compliance.EvidenceState;
import eu.vigil.compliance.ImplementationStatus;
import eu.vigil.compliance.InvalidInput;
import eu.vigil.compliance.Maturity;
import eu.vigil.compliance.NewAssessment;
import eu.vigil.compliance.NewEvidenceLink;
import eu.vigil.compliance.Rating;
import eu.vigil.compliance.Recurrence;
import eu.vigil.compliance.RequirementResult;
import eu.vigil.compliance.Rollup;
import eu.vigil.compliance.Score;
import eu.vigil.compliance.internal.AssessmentExports;
import eu.vigil.core.catalogue.IsoControls;
import eu.vigil.core.catalogue.Requirement;
import eu.vigil.identity.CurrentUser;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Assessment pages: list and start, overview with roll-ups, rating, evidence, approval, exports, comparison. */
@Controller
class AssessmentController {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One requirement row of the overview. */
    record Row(Requirement requirement, RequirementResult result, EvidenceState evidence, boolean gap) {
    }

    /** One line of a comparison. */
    record Delta(String label, Score before, Score after) {
        public String change() {
            if (before == null || after == null || before.score() == null || after.score() == null) {
                return "";
            }
            double d = after.score() - before.score();
            return String.format(java.util.Locale.ROOT, "%+.2f", d);
        }

        public String direction() {
            String change = change();
            return change.startsWith("+") && !change.equals("+0.00") ? "up" : change.startsWith("-") ? "down" : "";
        }
    }

    private final ComplianceManagement compliance;
    private final eu.vigil.compliance.ManagementTraining training;

    AssessmentController(ComplianceManagement compliance, eu.vigil.compliance.ManagementTraining training) {
        this.compliance = compliance;
        this.training = training;
    }

    @GetMapping("/compliance/assessments")
    @PreAuthorize(ComplianceRoles.READ)
    String list(Model model) {
        return showList(model, new NewAssessment("", "ENTITY", "", List.of("nis2", "ir2690"), "2"), Map.of());
    }

    @PostMapping("/compliance/assessments")
    @PreAuthorize(ComplianceRoles.WRITE)
    String create(@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String scopeKind,
                  @RequestParam(defaultValue = "") String productName,
                  @RequestParam(required = false) List<String> catalogues,
                  @RequestParam(defaultValue = "") String targetMaturity, @AuthenticationPrincipal CurrentUser user,
                  Model model, HttpServletResponse response) {
        NewAssessment command = new NewAssessment(title, scopeKind, productName, catalogues, targetMaturity);
        try {
            Assessment created = compliance.create(command, user.username());
            return "redirect:/compliance/assessments/" + created.id();
        } catch (InvalidInput e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return showList(model, command, e.fields());
        }
    }

    private String showList(Model model, NewAssessment form, Map<String, String> errors) {
        model.addAttribute("assessments", compliance.assessments());
        model.addAttribute("catalogues", compliance.catalogues().catalogues());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("levels", Maturity.LEVELS);
        return "compliance/assessments";
    }

    @GetMapping("/compliance/assessments/{id}")
    @PreAuthorize(ComplianceRoles.READ)
    String assessment(@PathVariable long id, Model model) throws JsonProcessingException {
        Assessment assessment = compliance.assessment(id);
        Map<String, RequirementResult> results = compliance.results(id);
        Map<String, EvidenceState> evidence = compliance.evidenceStates(id);
        Rollup rollup = compliance.rollup(id);
        List<Row> rows = new ArrayList<>();
        for (Requirement requirement : compliance.requirements(assessment)) {
            RequirementResult result = results.getOrDefault(requirement.id(), RequirementResult.unrated(requirement.id()));
            EvidenceState state = evidence.getOrDefault(requirement.id(), EvidenceState.NONE);
            rows.add(new Row(requirement, result, state,
                    eu.vigil.compliance.internal.Rollups.isGap(result, state, assessment.targetMaturity())));
        }
        model.addAttribute("a", assessment);
        model.addAttribute("rows", rows);
        model.addAttribute("rollup", rollup);
        model.addAttribute("radarLabels", JSON.writeValueAsString(rollup.areas().stream().map(Score::label).toList()));
        model.addAttribute("radarValues", JSON.writeValueAsString(rollup.areas().stream()
                .map(s -> s.score() == null ? 0.0 : s.score()).toList()));
        model.addAttribute("approvals", compliance.approvals(id));
        model.addAttribute("training", training.status());
        model.addAttribute("trainingMonths", training.periodMonths());
        model.addAttribute("actions", compliance.actions(id).stream().filter(x -> "OPEN".equals(x.status())).toList());
        model.addAttribute("others", compliance.assessments().stream().filter(o -> o.id() != id).toList());
        model.addAttribute("today", compliance.today());
        return "compliance/assessment";
    }

    @GetMapping("/compliance/assessments/{id}/requirements/{requirementId}")
    @PreAuthorize(ComplianceRoles.READ)
    String requirement(@PathVariable long id, @PathVariable String requirementId, Model model) {
        RequirementResult result = compliance.result(id, requirementId);
        Rating form = new Rating(result.applicable(), result.justification(), result.status().name(),
                result.maturity() == null ? "" : result.maturity().toString(), result.owner(),
                result.dueDate() == null ? "" : result.dueDate().toString(), result.notes());
        return showRequirement(id, requirementId, model, form, Map.of(), new NewEvidenceLink("", "", "", "", "NONE"),
                Map.of());
    }

    @PostMapping("/compliance/assessments/{id}/requirements/{requirementId}")
    @PreAuthorize(ComplianceRoles.WRITE)
    String rate(@PathVariable long id, @PathVariable String requirementId,
                @RequestParam(defaultValue = "true") boolean applicable,
                @RequestParam(defaultValue = "") String justification, @RequestParam(defaultValue = "") String status,
                @RequestParam(defaultValue = "") String maturity, @RequestParam(defaultValue = "") String owner,
                @RequestParam(defaultValue = "") String dueDate, @RequestParam(defaultValue = "") String notes,
                @AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
                RedirectAttributes redirect) {
        Rating rating = new Rating(applicable, justification, status, maturity, owner, dueDate, notes);
        try {
            compliance.rate(id, requirementId, rating, user.username());
            redirect.addFlashAttribute("message", "Saved " + requirementId + ".");
            return "redirect:/compliance/assessments/" + id + "/requirements/" + requirementId;
        } catch (InvalidInput e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return showRequirement(id, requirementId, model, rating, e.fields(),
                    new NewEvidenceLink("", "", "", "", "NONE"), Map.of());
        }
    }

    @PostMapping("/compliance/assessments/{id}/requirements/{requirementId}/evidence")
    @PreAuthorize(ComplianceRoles.WRITE)
    String addEvidence(@PathVariable long id, @PathVariable String requirementId,
                       @RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String url,
                       @RequestParam(defaultValue = "") String speaksFor,
                       @RequestParam(defaultValue = "") String validUntil,
                       @RequestParam(defaultValue = "NONE") String recurrence, @AuthenticationPrincipal CurrentUser user,
                       Model model, HttpServletResponse response, RedirectAttributes redirect) {
        NewEvidenceLink link = new NewEvidenceLink(title, url, speaksFor, validUntil, recurrence);
        try {
            compliance.addEvidence(id, requirementId, link, user.username());
            redirect.addFlashAttribute("message", "Evidence attached.");
            return "redirect:/compliance/assessments/" + id + "/requirements/" + requirementId;
        } catch (InvalidInput e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            RequirementResult result = compliance.result(id, requirementId);
            Rating form = new Rating(result.applicable(), result.justification(), result.status().name(),
                    result.maturity() == null ? "" : result.maturity().toString(), result.owner(),
                    result.dueDate() == null ? "" : result.dueDate().toString(), result.notes());
            return showRequirement(id, requirementId, model, form, Map.of(), link, e.fields());
        }
    }

    @PostMapping("/compliance/assessments/{id}/requirements/{requirementId}/evidence-file")
    @PreAuthorize(ComplianceRoles.WRITE)
    String addEvidenceFile(@PathVariable long id, @PathVariable String requirementId,
                           @RequestParam(required = false) MultipartFile file,
                           @RequestParam(defaultValue = "") String title,
                           @RequestParam(defaultValue = "") String speaksFor,
                           @RequestParam(defaultValue = "") String validUntil,
                           @RequestParam(defaultValue = "NONE") String recurrence,
                           @AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
                           RedirectAttributes redirect) throws java.io.IOException {
        try {
            var saved = EvidenceUploads.attach(compliance, id, requirementId, file, title, speaksFor, validUntil,
                    recurrence, user.username());
            redirect.addFlashAttribute("message", "File attached: " + saved.fileName() + ", SHA-256 " + saved.sha256() + ".");
            return "redirect:/compliance/assessments/" + id + "/requirements/" + requirementId;
        } catch (InvalidInput e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            RequirementResult result = compliance.result(id, requirementId);
            Rating form = new Rating(result.applicable(), result.justification(), result.status().name(),
                    result.maturity() == null ? "" : result.maturity().toString(), result.owner(),
                    result.dueDate() == null ? "" : result.dueDate().toString(), result.notes());
            model.addAttribute("fileErrors", e.fields());
            model.addAttribute("fileForm", new NewEvidenceLink(title, "", speaksFor, validUntil, recurrence));
            return showRequirement(id, requirementId, model, form, Map.of(), new NewEvidenceLink("", "", "", "", "NONE"),
                    Map.of());
        }
    }

    @GetMapping("/compliance/assessments/{id}/evidence/{evidenceId}/file")
    @PreAuthorize(ComplianceRoles.READ)
    ResponseEntity<org.springframework.core.io.Resource> evidenceFile(@PathVariable long id, @PathVariable long evidenceId,
                                                                       @AuthenticationPrincipal CurrentUser user) {
        return EvidenceUploads.download(compliance.evidenceFile(id, evidenceId, user.username()));
    }

    private String showRequirement(long id, String requirementId, Model model, Rating form, Map<String, String> errors,
                                   NewEvidenceLink evidenceForm, Map<String, String> evidenceErrors) {
        if (!model.containsAttribute("fileErrors")) {
            model.addAttribute("fileErrors", Map.of());
            model.addAttribute("fileForm", new NewEvidenceLink("", "", "", "", "NONE"));
        }
        model.addAttribute("maxUpload", compliance.evidenceMaxBytes() >> 20);
        Assessment assessment = compliance.assessment(id);
        Requirement requirement = compliance.catalogues().requirement(requirementId).orElseThrow();
        model.addAttribute("a", assessment);
        model.addAttribute("r", requirement);
        model.addAttribute("result", compliance.result(id, requirementId));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("evidenceForm", evidenceForm);
        model.addAttribute("evidenceErrors", evidenceErrors);
        model.addAttribute("levels", Maturity.LEVELS);
        model.addAttribute("statuses", ImplementationStatus.values());
        model.addAttribute("recurrences", Recurrence.values());
        model.addAttribute("iso", requirement.isoControls().stream()
                .map(c -> c + " " + IsoControls.title(c).orElse("")).toList());
        model.addAttribute("equivalents", compliance.catalogues().equivalentsOf(requirementId));
        model.addAttribute("evidence", compliance.evidence(id).stream()
                .filter(e -> e.requirementId().equals(requirementId)).toList());
        model.addAttribute("requests", compliance.openRequests(id).stream()
                .filter(r -> r.requirementId().equals(requirementId)).toList());
        model.addAttribute("evidenceState", compliance.evidenceStates(id).getOrDefault(requirementId, EvidenceState.NONE));
        model.addAttribute("today", compliance.today());
        return "compliance/rate";
    }

    @PostMapping("/compliance/assessments/{id}/approvals")
    @PreAuthorize(ComplianceRoles.APPROVE)
    String approve(@PathVariable long id, @RequestParam(defaultValue = "") String comment,
                   @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        try {
            var approval = compliance.approve(id, comment, user.username());
            redirect.addFlashAttribute("message", "Version " + approval.assessmentVersion()
                    + " approved. SHA-256 of the approved content: " + approval.digest());
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/compliance/assessments/" + id;
    }

    @GetMapping("/compliance/assessments/{id}/export.csv")
    @PreAuthorize(ComplianceRoles.READ)
    ResponseEntity<byte[]> csv(@PathVariable long id) {
        return download(AssessmentExports.csv(compliance.exportData(id)), "assessment-" + id + ".csv",
                MediaType.parseMediaType("text/csv;charset=UTF-8"));
    }

    @GetMapping("/compliance/assessments/{id}/export.oscal.json")
    @PreAuthorize(ComplianceRoles.READ)
    ResponseEntity<byte[]> oscal(@PathVariable long id) {
        return download(AssessmentExports.oscal(compliance.exportData(id)), "assessment-" + id + "-oscal-ar.json",
                MediaType.APPLICATION_JSON);
    }

    @GetMapping("/compliance/assessments/{id}/report.pdf")
    @PreAuthorize(ComplianceRoles.READ)
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        return download(AssessmentExports.pdf(compliance.exportData(id)), "assessment-" + id + ".pdf",
                MediaType.APPLICATION_PDF);
    }

    private static ResponseEntity<byte[]> download(byte[] body, String name, MediaType type) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
    }

    @GetMapping("/compliance/compare")
    @PreAuthorize(ComplianceRoles.READ)
    String compare(@RequestParam(required = false) Long a, @RequestParam(required = false) Long b, Model model)
            throws JsonProcessingException, org.springframework.web.bind.MissingServletRequestParameterException {
        // optional in the mapping so that the role check runs before parameters are judged
        if (a == null || b == null) {
            throw new org.springframework.web.bind.MissingServletRequestParameterException(a == null ? "a" : "b", "long");
        }
        Assessment before = compliance.assessment(a);
        Assessment after = compliance.assessment(b);
        Rollup rb = compliance.rollup(a);
        Rollup ra = compliance.rollup(b);
        List<Delta> areas = new ArrayList<>();
        for (int i = 0; i < ra.areas().size(); i++) {
            areas.add(new Delta(ra.areas().get(i).label(), rb.areas().get(i), ra.areas().get(i)));
        }
        Map<String, Score> beforeSections = new LinkedHashMap<>();
        rb.sections().forEach(s -> beforeSections.put(s.key(), s));
        Map<String, Score> afterSections = new LinkedHashMap<>();
        ra.sections().forEach(s -> afterSections.put(s.key(), s));
        List<Delta> sections = new ArrayList<>();
        java.util.Set<String> keys = new java.util.LinkedHashSet<>(beforeSections.keySet());
        keys.addAll(afterSections.keySet());
        for (String key : keys) {
            Score s = afterSections.getOrDefault(key, beforeSections.get(key));
            sections.add(new Delta(s.label(), beforeSections.get(key), afterSections.get(key)));
        }
        Map<String, RequirementResult> resultsBefore = compliance.results(a);
        List<String[]> changed = new ArrayList<>();
        compliance.results(b).forEach((requirementId, r) -> {
            RequirementResult old = resultsBefore.get(requirementId);
            if (old != null && !java.util.Objects.equals(old.maturity(), r.maturity())) {
                changed.add(new String[] {requirementId, Maturity.name(old.maturity()), Maturity.name(r.maturity())});
            }
        });
        model.addAttribute("before", before);
        model.addAttribute("after", after);
        model.addAttribute("overall", new Delta("Overall", rb.overall(), ra.overall()));
        model.addAttribute("areas", areas);
        model.addAttribute("sections", sections);
        model.addAttribute("changed", changed);
        model.addAttribute("radarLabels", JSON.writeValueAsString(ra.areas().stream().map(Score::label).toList()));
        model.addAttribute("radarValues", JSON.writeValueAsString(ra.areas().stream().map(s -> s.score() == null ? 0.0 : s.score()).toList()));
        model.addAttribute("radarCompare", JSON.writeValueAsString(rb.areas().stream().map(s -> s.score() == null ? 0.0 : s.score()).toList()));
        return "compliance/compare";
    }

    @GetMapping("/compliance/actions")
    @PreAuthorize(ComplianceRoles.READ)
    String actions(Model model) {
        Map<Long, String> titles = new LinkedHashMap<>();
        compliance.assessments().forEach(x -> titles.put(x.id(), x.title()));
        model.addAttribute("actions", compliance.openActions());
        model.addAttribute("titles", titles);
        model.addAttribute("today", compliance.today());
        return "compliance/actions";
    }

    @GetMapping("/compliance/evidence")
    @PreAuthorize(ComplianceRoles.READ)
    String evidenceTodo(Model model) {
        model.addAttribute("todo", compliance.evidenceTodo());
        return "compliance/evidence";
    }
}
