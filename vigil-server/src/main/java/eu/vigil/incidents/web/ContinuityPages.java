package eu.vigil.incidents.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import eu.vigil.identity.CurrentUser;
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
    private final java.time.Clock clock;

    ContinuityPages(Continuity continuity, java.time.Clock clock) {
        this.continuity = continuity;
        this.clock = clock;
    }

    @GetMapping("/continuity")
    @PreAuthorize(IncidentAccess.READ)
    String overview(Model model) {
        model.addAttribute("plans", continuity.plans());
        model.addAttribute("drills", continuity.drills());
        model.addAttribute("kinds", ContinuityPlan.Kind.values());
        model.addAttribute("today", LocalDate.now(clock));
        return "incidents/continuity";
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
