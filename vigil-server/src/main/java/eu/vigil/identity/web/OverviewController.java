package eu.vigil.identity.web;

import java.util.List;
import java.util.Map;

import eu.vigil.identity.CurrentUser;
import eu.vigil.identity.internal.UserAccounts;
import eu.vigil.platform.NavigationEntry;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The start page after sign-in: who you are and where you can go. */
@Controller
class OverviewController {

    private final UserAccounts users;

    OverviewController(UserAccounts users) {
        this.users = users;
    }

    @GetMapping("/")
    @PreAuthorize("isAuthenticated()")
    String overview(@AuthenticationPrincipal CurrentUser user,
                    @ModelAttribute("navigation") Map<String, List<NavigationEntry>> navigation, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("sections", navigation);
        model.addAttribute("mfaEnabled", users.findById(user.id()).map(u -> u.mfaEnabled()).orElse(false));
        return "home";
    }
}
