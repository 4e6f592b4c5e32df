package eu.vigil.keys.web;

import eu.vigil.keys.KeyRotation;
import eu.vigil.keys.SigningKeys;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The key hierarchy page: status, rotation, public signing keys. Rotation is audited by the audit module. */
@Controller
class KeysPageController {

    private final KeyRotation rotation;
    private final SigningKeys signing;

    KeysPageController(KeyRotation rotation, SigningKeys signing) {
        this.rotation = rotation;
        this.signing = signing;
    }

    @GetMapping("/admin/keys")
    @PreAuthorize("hasRole('ADMIN')")
    String keys(Model model) {
        model.addAttribute("status", rotation.status());
        model.addAttribute("signingKeys", signing.publicKeys());
        return "keys/keys";
    }

    @PostMapping("/admin/keys/rotate")
    @PreAuthorize("hasRole('ADMIN')")
    String rotate(RedirectAttributes redirect) {
        KeyRotation.RotationResult result = rotation.rotate();
        redirect.addFlashAttribute("message", "Key-encryption key " + result.activeVersion() + " is active; "
                + result.rewrapped() + " keys re-wrapped, " + result.retired() + " old key-encryption keys deleted.");
        return "redirect:/admin/keys";
    }
}
