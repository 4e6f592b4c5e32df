package eu.vigil.compliance.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;

import eu.vigil.compliance.InvalidInput;
import eu.vigil.compliance.ManagementMemberTraining;
import eu.vigil.compliance.ManagementTraining;
import eu.vigil.compliance.NewTrainingSession;
import eu.vigil.compliance.TrainingSession;
import eu.vigil.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
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
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The management training register (NIS2 Art. 20(2)): page and API. */
@Controller
class TrainingController {

    /** What a session form held, to show it again with the problems. */
    record Form(String heldOn, String title, String provider, String durationMinutes, List<String> attendees) {
    }

    private final ManagementTraining training;

    TrainingController(ManagementTraining training) {
        this.training = training;
    }

    @GetMapping("/compliance/training")
    @PreAuthorize(ComplianceRoles.READ)
    String page(Model model) {
        return show(model, new Form("", "", "", "", List.of()), Map.of());
    }

    @PostMapping("/compliance/training")
    @PreAuthorize(ComplianceRoles.TRAINING_WRITE)
    String record(@RequestParam(defaultValue = "") String heldOn, @RequestParam(defaultValue = "") String title,
                  @RequestParam(defaultValue = "") String provider,
                  @RequestParam(defaultValue = "") String durationMinutes,
                  @RequestParam(required = false) List<String> attendees,
                  @RequestParam(required = false) MultipartFile certificate, @AuthenticationPrincipal CurrentUser user,
                  Model model, HttpServletResponse response, RedirectAttributes redirect) throws IOException {
        List<String> who = attendees == null ? List.of() : attendees;
        try {
            TrainingSession saved = save(heldOn, title, provider, durationMinutes, who, certificate, user);
            redirect.addFlashAttribute("message", "Recorded \u201c" + saved.title() + "\u201d on " + saved.heldOn()
                    + " for " + String.join(", ", saved.attendees()) + ".");
            return "redirect:/compliance/training";
        } catch (InvalidInput e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return show(model, new Form(heldOn, title, provider, durationMinutes, who), e.fields());
        }
    }

    @GetMapping("/compliance/training/{id}/certificate")
    @PreAuthorize(ComplianceRoles.READ)
    ResponseEntity<Resource> certificate(@PathVariable long id) {
        return download(training.certificate(id));
    }

    @GetMapping("/api/v1/compliance/training/sessions")
    @PreAuthorize(ComplianceRoles.READ)
    @ResponseBody
    @Operation(summary = "Management cybersecurity training sessions (NIS2 Art. 20(2)) with their attendees, newest first")
    List<TrainingSession> sessions() {
        return training.sessions();
    }

    @PostMapping("/api/v1/compliance/training/sessions")
    @PreAuthorize(ComplianceRoles.TRAINING_WRITE)
    @ResponseBody
    @Operation(summary = "Record a management training session: form or multipart fields heldOn, title, provider, "
            + "durationMinutes, attendees (repeated, MANAGEMENT user names) and an optional 'certificate' file")
    ResponseEntity<TrainingSession> recordViaApi(@RequestParam(required = false) String heldOn,
                                                 @RequestParam(required = false) String title,
                                                 @RequestParam(required = false) String provider,
                                                 @RequestParam(required = false) String durationMinutes,
                                                 @RequestParam(required = false) List<String> attendees,
                                                 @RequestParam(required = false) MultipartFile certificate,
                                                 @AuthenticationPrincipal CurrentUser user) throws IOException {
        TrainingSession saved = save(heldOn, title, provider, durationMinutes, attendees == null ? List.of() : attendees,
                certificate, user);
        return ResponseEntity.created(URI.create("/api/v1/compliance/training/sessions/" + saved.id())).body(saved);
    }

    @GetMapping("/api/v1/compliance/training/status")
    @PreAuthorize(ComplianceRoles.READ)
    @ResponseBody
    @Operation(summary = "For each member of the management body, the last training attended and whether it is within the required period")
    List<ManagementMemberTraining> status() {
        return training.status();
    }

    @GetMapping("/api/v1/compliance/training/sessions/{id}/certificate")
    @PreAuthorize(ComplianceRoles.READ)
    @Operation(summary = "Download a session's attendance certificate (decrypted, checked against its SHA-256)")
    ResponseEntity<Resource> certificateViaApi(@PathVariable long id) {
        return download(training.certificate(id));
    }

    /** Only the API lets this escape (the page shows the problems in the form): problem+json naming each field. */
    @org.springframework.web.bind.annotation.ExceptionHandler(InvalidInput.class)
    ResponseEntity<org.springframework.http.ProblemDetail> invalid(InvalidInput e,
                                                                   jakarta.servlet.http.HttpServletRequest request) {
        return ComplianceApi.problem(e, request);
    }

    private TrainingSession save(String heldOn, String title, String provider, String durationMinutes,
                                 List<String> attendees, MultipartFile certificate, CurrentUser user) throws IOException {
        boolean withFile = certificate != null && certificate.getOriginalFilename() != null
                && !certificate.getOriginalFilename().isEmpty();
        if (!withFile) {
            return training.record(new NewTrainingSession(heldOn, title, provider, durationMinutes, attendees, null, -1,
                    null), user.username());
        }
        try (InputStream content = certificate.getInputStream()) {
            return training.record(new NewTrainingSession(heldOn, title, provider, durationMinutes, attendees,
                    certificate.getOriginalFilename(), certificate.getSize(), content), user.username());
        }
    }

    private String show(Model model, Form form, Map<String, String> errors) {
        model.addAttribute("status", training.status());
        model.addAttribute("sessions", training.sessions());
        model.addAttribute("members", training.managementMembers());
        model.addAttribute("months", training.periodMonths());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "compliance/training";
    }

    private static ResponseEntity<Resource> download(ManagementTraining.Certificate certificate) {
        TrainingSession session = certificate.session();
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM).contentLength(session.certificateSize())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(session.certificateName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-SHA256", session.certificateSha256())
                .body(new InputStreamResource(certificate.content()));
    }
}
