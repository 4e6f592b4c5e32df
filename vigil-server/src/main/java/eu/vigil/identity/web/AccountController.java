package eu.vigil.identity.web;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import eu.vigil.audit.AuditEvent;
import eu.vigil.audit.AuditTrail;
import eu.vigil.identity.CurrentUser;
import eu.vigil.identity.Role;
import eu.vigil.identity.internal.AccountRejected;
import eu.vigil.identity.internal.Accounts;
import eu.vigil.identity.internal.ApiTokens;
import eu.vigil.identity.internal.QrCodes;
import eu.vigil.identity.internal.RecoveryCodes;
import eu.vigil.identity.internal.Sessions;
import eu.vigil.identity.internal.SignedInUsers;
import eu.vigil.identity.internal.Totp;
import eu.vigil.identity.internal.UserAccount;
import eu.vigil.identity.internal.UserAccounts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.CacheControl;
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

/** The signed-in user's own account: password, authenticator, recovery codes, API tokens, sessions. */
@Controller
@PreAuthorize("isAuthenticated()")
class AccountController {

    private static final String ENROLMENT_SECRET = "vigil.account.totpSecret";

    private final UserAccounts users;
    private final Accounts accounts;
    private final ApiTokens tokens;
    private final RecoveryCodes recoveryCodes;
    private final Sessions sessions;
    private final SignedInUsers signedIn;
    private final Totp totp;
    private final AuditTrail audit;
    private final Clock clock;

    AccountController(UserAccounts users, Accounts accounts, ApiTokens tokens, RecoveryCodes recoveryCodes,
                      Sessions sessions, SignedInUsers signedIn, Totp totp, AuditTrail audit, Clock clock) {
        this.users = users;
        this.accounts = accounts;
        this.tokens = tokens;
        this.recoveryCodes = recoveryCodes;
        this.sessions = sessions;
        this.signedIn = signedIn;
        this.totp = totp;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/account")
    @PreAuthorize("isAuthenticated()")
    String account(@AuthenticationPrincipal CurrentUser user, Model model) {
        return render(user, model, Map.of());
    }

    private String render(CurrentUser user, Model model, Map<String, String> problems) {
        UserAccount account = users.findById(user.id()).orElseThrow();
        model.addAttribute("account", account);
        model.addAttribute("recoveryCodesLeft", recoveryCodes.remaining(user.id()));
        model.addAttribute("tokens", tokens.ofUser(user.id()));
        model.addAttribute("sessionCount", sessions.count(user.username()));
        model.addAttribute("problems", problems);
        model.addAttribute("now", clock.instant());
        return "identity/account";
    }

    @PostMapping("/account/password")
    @PreAuthorize("isAuthenticated()")
    String changePassword(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String currentPassword,
                          @RequestParam(defaultValue = "") String newPassword, @RequestParam(defaultValue = "") String repeatPassword,
                          Model model, RedirectAttributes redirect, HttpServletResponse response) {
        try {
            accounts.changePassword(user.id(), currentPassword, newPassword, repeatPassword);
        } catch (AccountRejected rejected) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return render(user, model, rejected.problems());
        }
        redirect.addFlashAttribute("message", "Your password was changed.");
        return "redirect:/account";
    }

    @GetMapping("/account/mfa")
    @PreAuthorize("isAuthenticated()")
    String mfa(@AuthenticationPrincipal CurrentUser user, HttpSession session, Model model) {
        UserAccount account = users.findById(user.id()).orElseThrow();
        if (account.mfaEnabled()) {
            return "redirect:/account";
        }
        String secret = session.getAttribute(ENROLMENT_SECRET) instanceof String s ? s : totp.newSecret();
        session.setAttribute(ENROLMENT_SECRET, secret);
        model.addAttribute("secret", secret);
        model.addAttribute("required", account.mfaRequired());
        return "identity/mfa";
    }

    @GetMapping("/account/mfa/qr.png")
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<byte[]> mfaQr(@AuthenticationPrincipal CurrentUser user, HttpSession session) {
        if (!(session.getAttribute(ENROLMENT_SECRET) instanceof String secret)) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore())
                .body(QrCodes.png(totp.provisioningUri(secret, user.username()), 220));
    }

    @PostMapping("/account/mfa")
    @PreAuthorize("isAuthenticated()")
    String enrol(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String totpCode,
                 HttpSession session, HttpServletRequest request, Model model, HttpServletResponse response) {
        String secret = session.getAttribute(ENROLMENT_SECRET) instanceof String s ? s : null;
        try {
            List<String> codes = accounts.enrolMfa(user.id(), secret, totpCode);
            session.removeAttribute(ENROLMENT_SECRET);
            signedIn.refresh(user.id(), request);
            response.setHeader("Cache-Control", "no-store");
            return shown(model, "Your recovery codes", "Two-factor sign-in is on. Store these recovery codes somewhere safe now: "
                    + "each signs you in once if you lose your authenticator. They are not shown again.", null, codes, "/");
        } catch (AccountRejected rejected) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problem", rejected.getMessage());
            return mfa(user, session, model);
        }
    }

    @PostMapping("/account/recovery-codes")
    @PreAuthorize("isAuthenticated()")
    String newRecoveryCodes(@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response) {
        UserAccount account = users.findById(user.id()).orElseThrow();
        if (!account.mfaEnabled()) {
            return "redirect:/account/mfa";
        }
        response.setHeader("Cache-Control", "no-store");
        return shown(model, "Your new recovery codes", "Your old recovery codes no longer work. Store these now; they are not shown again.",
                null, accounts.regenerateRecoveryCodes(user.id()), "/account");
    }

    @PostMapping("/account/tokens")
    @PreAuthorize("isAuthenticated()")
    String createToken(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String name,
                       @RequestParam(defaultValue = "90") String validDays, @RequestParam(required = false) List<String> roles,
                       Model model, HttpServletResponse response) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (name.isBlank() || name.length() > 100) {
            problems.put("name", "Give the token a name of 1 to 100 characters, e.g. the pipeline that uses it.");
        }
        int days = 0;
        try {
            days = Integer.parseInt(validDays.strip());
        } catch (NumberFormatException e) {
            // reported below
        }
        if (days < 1 || days > 365) {
            problems.put("validDays", "Choose a validity of 1 to 365 days.");
        }
        Set<Role> chosen = EnumSet.noneOf(Role.class);
        try {
            if (roles != null) {
                roles.forEach(r -> chosen.add(Role.valueOf(r)));
            }
        } catch (IllegalArgumentException e) {
            problems.put("roles", "Unknown role.");
        }
        if (chosen.isEmpty()) {
            problems.put("roles", "Choose at least one role.");
        } else if (!user.roles().containsAll(chosen)) {
            problems.put("roles", "A token can only carry roles you hold.");
        }
        if (!problems.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return render(user, model, problems);
        }
        String token = tokens.create(user.id(), name.strip(), chosen, clock.instant().plus(Duration.ofDays(days)));
        audit.record(AuditEvent.of("identity.create-api-token").object("api-token", token.substring(0, 10))
                .detail("name", name.strip()).detail("roles", Role.format(chosen)).detail("days", days));
        response.setHeader("Cache-Control", "no-store");
        return shown(model, "Your new API token", "Copy the token now: it is not shown again.", token, null, "/account");
    }

    @PostMapping("/account/tokens/{id}/revoke")
    @PreAuthorize("isAuthenticated()")
    String revokeToken(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        // Only the caller's own tokens match: another user's token id revokes nothing.
        boolean revoked = tokens.revoke(user.id(), id);
        audit.record(AuditEvent.of("identity.revoke-api-token").object("api-token", id)
                .outcome(revoked ? eu.vigil.audit.AuditOutcome.SUCCESS : eu.vigil.audit.AuditOutcome.DENIED));
        redirect.addFlashAttribute("message", revoked ? "The token was revoked." : "No such active token of yours.");
        return "redirect:/account";
    }

    @PostMapping("/account/sessions/end-all")
    @PreAuthorize("isAuthenticated()")
    String endAllSessions(@AuthenticationPrincipal CurrentUser user) {
        accounts.endAllSessions(user.id());
        return "redirect:/login?logout";
    }

    private static String shown(Model model, String heading, String warning, String secret, List<String> codes, String back) {
        model.addAttribute("heading", heading);
        model.addAttribute("warning", warning);
        model.addAttribute("secret", secret);
        model.addAttribute("codes", codes);
        model.addAttribute("back", back);
        return "identity/secret-once";
    }
}
