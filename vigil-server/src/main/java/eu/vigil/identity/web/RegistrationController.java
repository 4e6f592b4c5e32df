package eu.vigil.identity.web;

import java.util.Map;

import eu.vigil.identity.Role;
import eu.vigil.identity.internal.AccountRejected;
import eu.vigil.identity.internal.Accounts;
import eu.vigil.identity.internal.Activations;
import eu.vigil.identity.internal.QrCodes;
import eu.vigil.identity.internal.Totp;
import eu.vigil.platform.PublicEndpoint;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * One-time links that create accounts: {@code /activate} for the first administrator and
 * {@code /invite} for invited users. The authenticator secret offered on the form is kept in
 * the (anonymous) session, never sent back by the browser.
 */
@Controller
class RegistrationController {

    private static final String SECRET = "vigil.registration.totpSecret";

    private final Activations activations;
    private final Accounts accounts;
    private final Totp totp;
    private final eu.vigil.audit.AuditTrail audit;

    RegistrationController(Activations activations, Accounts accounts, Totp totp, eu.vigil.audit.AuditTrail audit) {
        this.activations = activations;
        this.accounts = accounts;
        this.totp = totp;
        this.audit = audit;
    }

    @GetMapping({"/activate", "/invite"})
    @PublicEndpoint("opened from a one-time link; the token is the credential")
    String form(@RequestParam(defaultValue = "") String token, HttpSession session, Model model) {
        Activations.Pending link = activations.find(token);
        String secret = totp.newSecret();
        session.setAttribute(SECRET, secret);
        return render(model, token, link, secret, new Accounts.Registration("", "", "", null, null, null, null), Map.of());
    }

    @GetMapping("/{kind:activate|invite}/qr.png")
    @PublicEndpoint("the QR code of the secret held in the caller's own session")
    ResponseEntity<byte[]> qr(@PathVariable String kind, @RequestParam(defaultValue = "") String token, HttpSession session) {
        activations.find(token);
        Object secret = session.getAttribute(SECRET);
        if (!(secret instanceof String value)) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore())
                .body(QrCodes.png(totp.provisioningUri(value, "new account"), 220));
    }

    @PostMapping({"/activate", "/invite"})
    @PublicEndpoint("submits a one-time link's form; the token is the credential")
    String register(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String username,
                    @RequestParam(defaultValue = "") String displayName, @RequestParam(defaultValue = "") String email,
                    @RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String passwordRepeated,
                    @RequestParam(defaultValue = "") String totpCode, HttpSession session, Model model,
                    HttpServletResponse response) {
        Activations.Pending link = activations.find(token);
        String secret = session.getAttribute(SECRET) instanceof String s ? s : null;
        boolean enrolling = secret != null && (!totpCode.isBlank() || link.roles().stream().anyMatch(Role::mfaRequired));
        Accounts.Registration form = new Accounts.Registration(username.strip().toLowerCase(java.util.Locale.ROOT),
                displayName, email, password, passwordRepeated, enrolling ? secret : null, totpCode);
        try {
            Accounts.Registered registered = accounts.register(token, form);
            session.removeAttribute(SECRET);
            model.addAttribute("username", registered.username());
            model.addAttribute("recoveryCodes", registered.recoveryCodes());
            response.setHeader("Cache-Control", "no-store");
            return "identity/registered";
        } catch (AccountRejected rejected) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            if (secret == null) {
                secret = totp.newSecret();
                session.setAttribute(SECRET, secret);
            }
            return render(model, token, link, secret, form, rejected.problems());
        }
    }

    private String render(Model model, String token, Activations.Pending link, String secret,
                          Accounts.Registration form, Map<String, String> problems) {
        boolean first = link.purpose() == Activations.Purpose.ACTIVATION;
        model.addAttribute("token", token);
        model.addAttribute("firstAdministrator", first);
        model.addAttribute("formAction", first ? "/activate" : "/invite");
        model.addAttribute("qrPath", (first ? "/activate" : "/invite") + "/qr.png?token=" + token);
        model.addAttribute("roles", Role.format(link.roles()));
        model.addAttribute("mfaRequired", link.roles().stream().anyMatch(Role::mfaRequired));
        model.addAttribute("totpSecret", secret);
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        return "identity/register";
    }

    @ExceptionHandler(Activations.LinkRefused.class)
    String refused(Activations.LinkRefused refused, Model model, HttpServletResponse response) {
        audit.record(eu.vigil.audit.AuditEvent.of("identity.link-refused").object("activation", null).denied()
                .detail("reason", refused.refusal()));
        response.setStatus(refused.refusal() == Activations.Refusal.UNKNOWN ? 404 : 410);
        model.addAttribute("message", refused.getMessage());
        return "identity/link-refused";
    }
}
