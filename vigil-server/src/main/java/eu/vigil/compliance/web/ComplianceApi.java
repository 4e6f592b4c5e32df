package eu.vigil.compliance.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import eu.vigil.compliance.Approval;
import eu.vigil.compliance.Assessment;
import eu.vigil.compliance.ComplianceManagement;
import eu.vigil.compliance.Evidence;
import eu.vigil.compliance.EvidenceState;
import eu.vigil.compliance.NewEvidenceLink;
import eu.vigil.compliance.InvalidInput;
import eu.vigil.compliance.NewAssessment;
import eu.vigil.compliance.PlannedAction;
import eu.vigil.compliance.Rating;
import eu.vigil.compliance.RequirementResult;
import eu.vigil.compliance.Rollup;
import eu.vigil.identity.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import io.swagger.v3.oas.annotations.Operation;

/** Catalogues, assessments, requirement results, actions and approvals over the API. */
@RestController
@RequestMapping("/api/v1/compliance")
class ComplianceApi {

    record CatalogueSummary(String id, String version, String title, String source, int requirements, long assessable) {
    }

    record AssessmentView(Assessment assessment, Rollup rollup) {
    }

    record ResultView(String requirementId, String title, boolean applicable, String justification, String status,
                      Integer maturity, String evidence, String owner, java.time.LocalDate dueDate, String notes,
                      String updatedBy, Instant updatedAt) {
    }

    record ApprovalRequest(String comment) {
    }

    private final ComplianceManagement compliance;

    ComplianceApi(ComplianceManagement compliance) {
        this.compliance = compliance;
    }

    @GetMapping("/catalogues")
    @PreAuthorize(ComplianceRoles.READ)
    List<CatalogueSummary> catalogues() {
        return compliance.catalogues().catalogues().stream().map(c -> new CatalogueSummary(c.id(), c.version(),
                c.title(), c.source(), c.requirements().size(), c.assessableCount())).toList();
    }

    @GetMapping("/assessments")
    @PreAuthorize(ComplianceRoles.READ)
    List<Assessment> assessments() {
        return compliance.assessments();
    }

    // Bodies are read as bytes and parsed after the role check: a typed @RequestBody would be converted (and
    // refused with 415 or 400) before @PreAuthorize runs, telling callers without the role about the shape.
    @PostMapping("/assessments")
    @PreAuthorize(ComplianceRoles.WRITE)
    ResponseEntity<AssessmentView> create(@RequestBody(required = false) byte[] body,
                                          @AuthenticationPrincipal CurrentUser user) {
        NewAssessment command = read(body, NewAssessment.class);
        Assessment created = compliance.create(command, user.username());
        return ResponseEntity.created(URI.create("/api/v1/compliance/assessments/" + created.id()))
                .body(new AssessmentView(created, compliance.rollup(created.id())));
    }

    @GetMapping("/assessments/{id}")
    @PreAuthorize(ComplianceRoles.READ)
    AssessmentView assessment(@PathVariable long id) {
        return new AssessmentView(compliance.assessment(id), compliance.rollup(id));
    }

    @GetMapping("/assessments/{id}/results")
    @PreAuthorize(ComplianceRoles.READ)
    List<ResultView> results(@PathVariable long id) {
        Assessment assessment = compliance.assessment(id);
        Map<String, RequirementResult> results = compliance.results(id);
        Map<String, EvidenceState> evidence = compliance.evidenceStates(id);
        return compliance.requirements(assessment).stream().map(r -> view(r.id(), r.title(),
                results.getOrDefault(r.id(), RequirementResult.unrated(r.id())),
                evidence.getOrDefault(r.id(), EvidenceState.NONE))).toList();
    }

    @PutMapping("/assessments/{id}/results/{requirementId}")
    @PreAuthorize(ComplianceRoles.WRITE)
    ResultView rate(@PathVariable long id, @PathVariable String requirementId,
                    @RequestBody(required = false) byte[] body, @AuthenticationPrincipal CurrentUser user) {
        Rating rating = read(body, Rating.class);
        RequirementResult saved = compliance.rate(id, requirementId, rating, user.username());
        String title = compliance.catalogues().requirement(requirementId).map(r -> r.title()).orElse(requirementId);
        return view(requirementId, title, saved,
                compliance.evidenceStates(id).getOrDefault(requirementId, EvidenceState.NONE));
    }

    @GetMapping("/assessments/{id}/actions")
    @PreAuthorize(ComplianceRoles.READ)
    List<PlannedAction> actions(@PathVariable long id) {
        return compliance.actions(id);
    }

    @GetMapping("/assessments/{id}/approvals")
    @PreAuthorize(ComplianceRoles.READ)
    List<Approval> approvals(@PathVariable long id) {
        compliance.assessment(id);
        return compliance.approvals(id);
    }

    @PostMapping("/assessments/{id}/approvals")
    @PreAuthorize(ComplianceRoles.APPROVE)
    ResponseEntity<Approval> approve(@PathVariable long id, @RequestBody(required = false) byte[] body,
                                     @AuthenticationPrincipal CurrentUser user) {
        ApprovalRequest request = body == null || body.length == 0 ? new ApprovalRequest(null)
                : read(body, ApprovalRequest.class);
        return ResponseEntity.status(HttpStatus.CREATED).body(compliance.approve(id, request.comment(), user.username()));
    }

    @GetMapping("/assessments/{id}/evidence")
    @PreAuthorize(ComplianceRoles.READ)
    @Operation(summary = "The evidence of an assessment: links and files (name, size, SHA-256, the date it speaks for, validity, recurrence)")
    List<Evidence> evidence(@PathVariable long id) {
        compliance.assessment(id);
        return compliance.evidence(id);
    }

    @PostMapping("/assessments/{id}/results/{requirementId}/evidence")
    @PreAuthorize(ComplianceRoles.WRITE)
    @Operation(summary = "Attach evidence to a requirement: multipart/form-data with a 'file' part (stored encrypted, "
            + "SHA-256 kept) or a 'url' field for a link; fields title, speaksFor, validUntil, recurrence")
    ResponseEntity<Evidence> addEvidence(@PathVariable long id, @PathVariable String requirementId,
                                         @RequestParam(required = false) MultipartFile file,
                                         @RequestParam(required = false) String title,
                                         @RequestParam(required = false) String url,
                                         @RequestParam(required = false) String speaksFor,
                                         @RequestParam(required = false) String validUntil,
                                         @RequestParam(required = false) String recurrence,
                                         @AuthenticationPrincipal CurrentUser user) throws java.io.IOException {
        Evidence saved;
        if (file != null) {
            saved = EvidenceUploads.attach(compliance, id, requirementId, file, title, speaksFor, validUntil, recurrence,
                    user.username());
        } else if (url != null) {
            saved = compliance.addEvidence(id, requirementId,
                    new NewEvidenceLink(title, url, speaksFor, validUntil, recurrence), user.username());
        } else {
            throw EvidenceUploads.neither();
        }
        return ResponseEntity.created(URI.create("/api/v1/compliance/assessments/" + id + "/evidence/" + saved.id()
                + (saved.isFile() ? "/file" : ""))).body(saved);
    }

    @GetMapping("/assessments/{id}/evidence/{evidenceId}/file")
    @PreAuthorize(ComplianceRoles.READ)
    @Operation(summary = "Download an evidence file (decrypted, checked against its SHA-256 while read)")
    ResponseEntity<org.springframework.core.io.Resource> evidenceFile(@PathVariable long id, @PathVariable long evidenceId,
                                                                       @AuthenticationPrincipal CurrentUser user) {
        return EvidenceUploads.download(compliance.evidenceFile(id, evidenceId, user.username()));
    }

    /** Every field at fault, named: {@code errors: [{field, problem}]}. */
    @ExceptionHandler(InvalidInput.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInput e, HttpServletRequest request) {
        return problem(e, request);
    }

    static ResponseEntity<ProblemDetail> problem(InvalidInput e, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Nothing was changed: " + e.fields().size() + " field(s) need correcting.");
        problem.setTitle("Invalid input");
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("errors", e.fields().entrySet().stream()
                .map(f -> Map.of("field", f.getKey(), "problem", f.getValue())).toList());
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper()
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    /** Parses a JSON body; an unreadable one is refused naming the field (or {@code $}) at fault. */
    static <T> T read(byte[] body, Class<T> type) {
        if (body == null || body.length == 0) {
            throw new InvalidInput(Map.of("$", "the request needs a JSON body"));
        }
        try {
            return JSON.readValue(body, type);
        } catch (com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException e) {
            throw new InvalidInput(Map.of(e.getPropertyName(), "unknown field; known fields: "
                    + e.getKnownPropertyIds()));
        } catch (com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
            String field = e.getPath().isEmpty() ? "$" : e.getPath().get(e.getPath().size() - 1).getFieldName();
            throw new InvalidInput(Map.of(field == null ? "$" : field, "has the wrong type: " + e.getOriginalMessage()));
        } catch (java.io.IOException e) {
            throw new InvalidInput(Map.of("$", "not valid JSON: " + e.getMessage().lines().findFirst().orElse("")));
        }
    }

    private static ResultView view(String requirementId, String title, RequirementResult r, EvidenceState evidence) {
        return new ResultView(requirementId, title, r.applicable(), r.justification(), r.status().name(), r.maturity(),
                evidence.name(), r.owner(), r.dueDate(), r.notes(), r.updatedBy(), r.updatedAt());
    }
}
