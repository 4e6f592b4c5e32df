package eu.vigil.audit.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import eu.vigil.audit.AuditEvent;
import eu.vigil.audit.AuditFilter;
import eu.vigil.audit.AuditIntegrity;
import eu.vigil.audit.AuditLog;
import eu.vigil.audit.AuditOutcome;
import eu.vigil.audit.AuditTrail;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The audit trail page: search and filter, export, verify the chain, sign a checkpoint. */
@Controller
class AuditPageController {

    private static final int PAGE = 50;
    private final AuditLog log;
    private final AuditIntegrity integrity;
    private final AuditTrail trail;

    AuditPageController(AuditLog log, AuditIntegrity integrity, AuditTrail trail) {
        this.log = log;
        this.integrity = integrity;
        this.trail = trail;
    }

    @GetMapping("/audit")
    @PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN')")
    String trail(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                 @RequestParam(required = false) AuditOutcome outcome,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                 @RequestParam(defaultValue = "0") int page, Model model) {
        Instant start = from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        AuditFilter filter = new AuditFilter(start, end, blank(actor), blank(action), null, null, outcome, null);
        long total = log.count(filter);
        int current = Math.max(0, page);
        model.addAttribute("entries", log.search(filter, current * PAGE, PAGE));
        model.addAttribute("total", total);
        model.addAttribute("page", current);
        model.addAttribute("pages", Math.max(1, (total + PAGE - 1) / PAGE));
        model.addAttribute("actor", actor);
        model.addAttribute("action", action);
        model.addAttribute("outcome", outcome);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("outcomes", AuditOutcome.values());
        return "audit/trail";
    }

    @PostMapping("/audit/verify")
    @PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN')")
    String verify(RedirectAttributes redirect) {
        var result = integrity.verify();
        trail.record(AuditEvent.of("audit.verify").outcome(result.intact() ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE)
                .detail("entries", result.entries()).detail("firstBroken", result.firstBrokenSeq()));
        redirect.addFlashAttribute("verification", result);
        return "redirect:/audit";
    }

    @PostMapping("/audit/checkpoint")
    @PreAuthorize("hasRole('ADMIN')")
    String checkpoint(RedirectAttributes redirect) {
        redirect.addFlashAttribute("message", integrity.checkpoint()
                .map(c -> "Checkpoint signed at entry " + c.seq() + ".")
                .orElse("No new entries since the last checkpoint."));
        return "redirect:/audit";
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
