package eu.vigil.backup.web;

import eu.vigil.backup.ArchiveCheck;
import eu.vigil.backup.BackupFolder;
import eu.vigil.backup.BackupReport;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The backups page: archives of the backup folder, back up now, check an archive. */
@Controller
class BackupPageController {

    private final BackupFolder backups;

    BackupPageController(BackupFolder backups) {
        this.backups = backups;
    }

    @GetMapping("/admin/backups")
    @PreAuthorize("hasRole('ADMIN')")
    String list(Model model) {
        model.addAttribute("folder", backups.folder());
        model.addAttribute("archives", backups.archives());
        return "backup/backups";
    }

    @PostMapping("/admin/backups")
    @PreAuthorize("hasRole('ADMIN')")
    String backUpNow(RedirectAttributes redirect) {
        try {
            BackupReport report = backups.backUpNow();
            redirect.addFlashAttribute("message", "Backup written: " + report.file().getFileName() + " (" + report.rows()
                    + " rows, " + report.blobs() + " files).");
        } catch (RuntimeException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/admin/backups";
    }

    @PostMapping("/admin/backups/check")
    @PreAuthorize("hasRole('ADMIN')")
    String check(@RequestParam String name, RedirectAttributes redirect) {
        try {
            ArchiveCheck check = backups.check(name);
            redirect.addFlashAttribute(check.valid() ? "message" : "problem", check.valid()
                    ? name + " checks out: " + check.tables() + " tables, " + check.rows() + " rows, " + check.blobs()
                    + " files, signed by key " + check.signingKeyId() + "."
                    : name + " does not check out: " + check.problem());
        } catch (RuntimeException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/admin/backups";
    }
}
