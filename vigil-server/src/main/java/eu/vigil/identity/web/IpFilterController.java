package eu.vigil.identity.web;

import eu.vigil.audit.AuditEvent;
import eu.vigil.audit.AuditTrail;
import eu.vigil.identity.internal.IpRules;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@PreAuthorize("hasRole('ADMIN')")
class IpFilterController {

    private final IpRules rules;
    private final AuditTrail audit;

    IpFilterController(IpRules rules, AuditTrail audit) {
        this.rules = rules;
        this.audit = audit;
    }

    @GetMapping("/admin/ip-filter")
    @PreAuthorize("hasRole('ADMIN')")
    String list(HttpServletRequest request, Model model) {
        model.addAttribute("rules", rules.all());
        model.addAttribute("yourAddress", request.getRemoteAddr());
        return "admin/ip-filter";
    }

    @PostMapping("/admin/ip-filter")
    @PreAuthorize("hasRole('ADMIN')")
    String add(@RequestParam(defaultValue = "DENY") String scope, @RequestParam(defaultValue = "") String cidr,
               @RequestParam(defaultValue = "") String note, HttpServletRequest request, RedirectAttributes redirect) {
        try {
            IpRules.Scope list = IpRules.Scope.valueOf(scope);
            if (note.length() > 200) {
                throw new IllegalArgumentException("Keep the note under 200 characters.");
            }
            rules.add(list, cidr, note.isBlank() ? null : note.strip(), request.getUserPrincipal().getName(), request.getRemoteAddr());
            audit.record(AuditEvent.of("identity.ip-rule-add").object("ip-rule", cidr).detail("scope", list));
            redirect.addFlashAttribute("message", "Rule added.");
        } catch (IllegalArgumentException e) {
            audit.record(AuditEvent.of("identity.ip-rule-add").object("ip-rule", cidr).failed().detail("reason", e.getMessage()));
            redirect.addFlashAttribute("problem", e.getMessage().startsWith("No enum") ? "Unknown list." : e.getMessage());
        }
        return "redirect:/admin/ip-filter";
    }

    @PostMapping("/admin/ip-filter/{id}/delete")
    @PreAuthorize("hasRole('ADMIN')")
    String remove(@PathVariable long id, HttpServletRequest request, RedirectAttributes redirect) {
        try {
            boolean removed = rules.remove(id, request.getRemoteAddr());
            audit.record(AuditEvent.of("identity.ip-rule-remove").object("ip-rule", id)
                    .outcome(removed ? eu.vigil.audit.AuditOutcome.SUCCESS : eu.vigil.audit.AuditOutcome.FAILURE));
            redirect.addFlashAttribute(removed ? "message" : "problem", removed ? "Rule removed." : "No such rule.");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/admin/ip-filter";
    }
}
