package eu.vigil.identity.web;

import eu.vigil.platform.PublicEndpoint;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

    @GetMapping("/login")
    @PublicEndpoint("the sign-in page")
    String login(HttpSession session, Model model, @org.springframework.web.bind.annotation.RequestParam(required = false) String error) {
        if (error != null && session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) instanceof AuthenticationException e) {
            model.addAttribute("error", e.getMessage());
            session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        } else if (error != null) {
            model.addAttribute("error", "Sign-in failed. Try again.");
        }
        return "identity/login";
    }
}
