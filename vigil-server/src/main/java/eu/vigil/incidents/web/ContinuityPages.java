package eu.vigil.incidents.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import eu.vigil.backup.BackupFolder;
import eu.vigil.backup.BackupStatus;
import eu.vigil.identity.CurrentUser;
import eu.vigil.incidents.internal.ContinuityDocument;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.multipart.MultipartFile;
import eu.vigil.incidents.internal.Continuity;
import eu.vigil.incidents.internal.ContinuityPlan;
import eu.vigil.incidents.internal.InvalidIncidentInput;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Business continuity: plans with their documents, and drills with lessons and follow-ups. */
@Controller
class ContinuityPages {

    private final Continuity continuity;
    private final BackupFolder backups;
    private final java.time.Clock clock;

    ContinuityPages(Continuity continuity, BackupFolder backups, java.time.Clock clock) {
        this.continuity = continuity;
        this.backups = backups;
        this.clock = clock;
    }

    @GetMapping("/continuity")
    @PreAuthorize(IncidentAccess.READ)
    String overview(Model model) {
        var plans = continuity.plans();
        var documents = continuity.documents();
        plans.forEach(p -> documents.putIfAbsent(p.id(), java.util.List.of()));
        model.addAttribute("plans", plans);
        model.addAttribute("drills", continuity.drills());
        model.addAttribute("kinds", ContinuityPlan.Kind.values());
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("documents", documents);
        model.addAttribute("backup", backupStatus(backups));
        return "incidents/continuity";
    }

    /** The backup module's status, or {@code null} when it cannot be read (the page says so). */
    static BackupStatus backupStatus(BackupFolder backups) {
        try {
            return backups.status();
        } catch (RuntimeException e) {
            return null;
        }
    }

    @PostMapping("/continuity/plans/{id}/documents")
    @PreAuthorize(IncidentAccess.WRITE)
    String attach(@PathVariable long id, @RequestParam(required = false) MultipartFile file,
                  @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw new InvalidIncidentInput("file", "Choose a file to attach.");
            }
            try (InputStream in = file.getInputStream()) {
                ContinuityDocument d = continuity.attach(id, file.getOriginalFilename(), in, user.username());
                redirect.addFlashAttribute("message", "Attached " + d.fileName() + " (" + d.sizeBytes() + " bytes).");
            }
        } catch (InvalidIncidentInput e) {
            redirect.addFlashAttribute("problem", e.field() + ": " + e.getMessage());
        }
        return "redirect:/continuity";
    }

    @GetMapping("/continuity/plans/{id}/documents/{documentId}")
    @PreAuthorize(IncidentAccess.READ)
    ResponseEntity<InputStreamResource> download(@PathVariable long id, @PathVariable long documentId) {
        return documentResponse(continuity.open(id, documentId));
    }

    /** The stored file as a download, never rendered by the browser. */
    static ResponseEntity<InputStreamResource> documentResponse(Continuity.DocumentContent content) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
                .contentLength(content.document().sizeBytes())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(content.document().fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(new InputStreamResource(content.content()));
    }

    @PostMapping("/continuity/plans")
    @PreAuthorize(IncidentAccess.WRITE)
    String addPlan(@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String kind,
                   @RequestParam(defaultValue = "") String owner, @RequestParam(defaultValue = "") String summary,
                   @RequestParam(defaultValue = "") String documentLinks, @RequestParam(defaultValue = "") String approvedOn,
                   @RequestParam(defaultValue = "") String nextReviewOn, @AuthenticationPrincipal CurrentUser user,
                   RedirectAttributes redirect) {
        try {
            continuity.addPlan(title, kind, owner, summary, documentLinks, date("approvedOn", approvedOn),
                    date("nextReviewOn", nextReviewOn), user.username());
            redirect.addFlashAttribute("message", "Plan recorded.");
        } catch (InvalidIncidentInput e) {
            redirect.addFlashAttribute("problem", e.field() + ": " + e.getMessage());
        }
        return "redirect:/continuity";
    }

    @PostMapping("/continuity/drills")
    @PreAuthorize(IncidentAccess.WRITE)
    String addDrill(@RequestParam(defaultValue = "") String planId, @RequestParam(defaultValue = "") String heldOn,
                    @RequestParam(defaultValue = "") String scenario, @RequestParam(defaultValue = "") String participants,
                    @RequestParam(defaultValue = "") String lessons, @RequestParam(defaultValue = "") String followUps,
                    @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        try {
            continuity.addDrill(IncidentPages.number("planId", planId), date("heldOn", heldOn), scenario, participants,
                    lessons, followUps, user.username());
            redirect.addFlashAttribute("message", "Drill recorded.");
        } catch (InvalidIncidentInput e) {
            redirect.addFlashAttribute("problem", e.field() + ": " + e.getMessage());
        }
        return "redirect:/continuity";
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidIncidentInput(field, "Give a date such as 2026-05-04.");
        }
    }
}
