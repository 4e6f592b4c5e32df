package eu.vigil.identity.web;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import eu.vigil.identity.CurrentUser;
import eu.vigil.identity.Role;
import eu.vigil.identity.internal.AccountRejected;
import eu.vigil.identity.internal.Accounts;
import eu.vigil.identity.internal.UserAccount;
import eu.vigil.identity.internal.UserAccounts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** User administration: invitations, roles, enabling, unlocking, resetting the second factor. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class UserAdministrationController {

    static final int PAGE_SIZE = 50;

    private final UserAccounts users;
    private final Accounts accounts;
    private final Clock clock;

    UserAdministrationController(UserAccounts users, Accounts accounts, Clock clock) {
        this.users = users;
        this.accounts = accounts;
        this.clock = clock;
    }

    @GetMapping("/admin/users")
    @PreAuthorize("hasRole('ADMIN')")
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        int current = Math.max(page, 0);
        List<UserAccount> rows = users.page(current * PAGE_SIZE, PAGE_SIZE + 1);
        model.addAttribute("users", rows.subList(0, Math.min(rows.size(), PAGE_SIZE)));
        model.addAttribute("hasNext", rows.size() > PAGE_SIZE);
        model.addAttribute("page", current);
        model.addAttribute("roles", Role.values());
        model.addAttribute("now", clock.instant());
        return "admin/users";
    }

    @PostMapping("/admin/users/invite")
    @PreAuthorize("hasRole('ADMIN')")
    String invite(@RequestParam(required = false) List<String> roles, @RequestParam(defaultValue = "") String email,
                  HttpServletRequest request, Model model, RedirectAttributes redirect) {
        String token = accounts.invite(parseRoles(roles), email, currentUsername());
        String link = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort() + "/invite?token=" + token;
        model.addAttribute("heading", "Invitation link");
        model.addAttribute("warning", "Send this one-time link to the person you invite. It is valid for seven days and is not shown again.");
        model.addAttribute("secret", link);
        model.addAttribute("back", "/admin/users");
        return "identity/secret-once";
    }

    @GetMapping("/admin/users/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    String user(@PathVariable long id, Model model) {
        model.addAttribute("u", users.findById(id).orElseThrow(() -> new Accounts.UnknownAccount(id)));
        model.addAttribute("roles", Role.values());
        model.addAttribute("now", clock.instant());
        return "admin/user";
    }

    @PostMapping("/admin/users/{id}/roles")
    @PreAuthorize("hasRole('ADMIN')")
    String setRoles(@PathVariable long id, @RequestParam(required = false) List<String> roles,
                    @AuthenticationPrincipal CurrentUser admin, RedirectAttributes redirect) {
        accounts.setRoles(id, parseRoles(roles), admin.id());
        redirect.addFlashAttribute("message", "Roles saved. The user's sessions were ended so the change applies at once.");
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/admin/users/{id}/enabled")
    @PreAuthorize("hasRole('ADMIN')")
    String setEnabled(@PathVariable long id, @RequestParam boolean enabled, @AuthenticationPrincipal CurrentUser admin,
                      RedirectAttributes redirect) {
        accounts.setEnabled(id, enabled, admin.id());
        redirect.addFlashAttribute("message", enabled ? "The account is enabled." : "The account is disabled and signed out everywhere.");
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/admin/users/{id}/unlock")
    @PreAuthorize("hasRole('ADMIN')")
    String unlock(@PathVariable long id, RedirectAttributes redirect) {
        accounts.unlock(id);
        redirect.addFlashAttribute("message", "The account is unlocked.");
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/admin/users/{id}/reset-mfa")
    @PreAuthorize("hasRole('ADMIN')")
    String resetMfa(@PathVariable long id, RedirectAttributes redirect) {
        accounts.resetMfa(id);
        redirect.addFlashAttribute("message", "Two-factor sign-in was reset; the user sets up a new authenticator at the next sign-in.");
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/admin/users/{id}/end-sessions")
    @PreAuthorize("hasRole('ADMIN')")
    String endSessions(@PathVariable long id, RedirectAttributes redirect) {
        accounts.endAllSessions(id);
        redirect.addFlashAttribute("message", "The user was signed out everywhere.");
        return "redirect:/admin/users/" + id;
    }

    @ExceptionHandler(AccountRejected.class)
    String rejected(AccountRejected rejected, HttpServletRequest request, RedirectAttributes redirect) {
        redirect.addFlashAttribute("problem", rejected.getMessage());
        String path = request.getRequestURI();
        int cut = path.indexOf('/', "/admin/users/".length());
        return "redirect:" + (path.startsWith("/admin/users/") && cut > 0 ? path.substring(0, cut) : "/admin/users");
    }

    private static Set<Role> parseRoles(List<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (names != null) {
            for (String name : names) {
                try {
                    roles.add(Role.valueOf(name));
                } catch (IllegalArgumentException e) {
                    throw AccountRejected.of("roles", "Unknown role: " + name);
                }
            }
        }
        return roles;
    }

    private static String currentUsername() {
        var authentication = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? null : authentication.getName();
    }

}
