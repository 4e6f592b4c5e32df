package eu.vigil.notifications.web;

import eu.vigil.identity.CurrentUser;
import eu.vigil.notifications.Notice;
import eu.vigil.notifications.internal.InvalidNotificationInput;
import eu.vigil.notifications.internal.MailSettings;
import eu.vigil.notifications.internal.NotificationCenter;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The inbox and one's own e-mail preference; for administrators, subscriptions, SMTP and the outbox. */
@Controller
class NotificationPages {

    private static final int PAGE = 25;

    private final NotificationCenter center;

    NotificationPages(NotificationCenter center) {
        this.center = center;
    }

    @GetMapping("/notifications")
    @PreAuthorize(NotificationAccess.SIGNED_IN)
    String inbox(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "false") boolean unread,
                 @AuthenticationPrincipal CurrentUser user, Model model) {
        int p = Math.max(page, 0);
        long total = center.inboxSize(user, unread);
        model.addAttribute("entries", center.inbox(user, unread, p * PAGE, PAGE));
        model.addAttribute("page", p);
        model.addAttribute("unread", unread);
        model.addAttribute("unreadCount", center.inboxSize(user, true));
        model.addAttribute("hasNext", (long) (p + 1) * PAGE < total);
        model.addAttribute("total", total);
        return "notifications/inbox";
    }

    @PostMapping("/notifications/{id}/read")
    @PreAuthorize(NotificationAccess.SIGNED_IN)
    String markRead(@PathVariable long id, @RequestParam(defaultValue = "0") int page,
                    @RequestParam(defaultValue = "false") boolean unread, @AuthenticationPrincipal CurrentUser user) {
        center.markRead(id, user);
        return "redirect:/notifications?page=" + Math.max(page, 0) + "&unread=" + unread;
    }

    @PostMapping("/notifications/read-all")
    @PreAuthorize(NotificationAccess.SIGNED_IN)
    String markAllRead(@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        redirect.addFlashAttribute("message", center.markAllRead(user) + " marked read.");
        return "redirect:/notifications";
    }

    @GetMapping("/notifications/preference")
    @PreAuthorize(NotificationAccess.SIGNED_IN)
    String preference(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("preference", center.preference(user).orElse(null));
        model.addAttribute("topics", center.topicsFor(user));
        model.addAttribute("urgencies", Notice.Urgency.values());
        return "notifications/preference";
    }

    @PostMapping("/notifications/preference")
    @PreAuthorize(NotificationAccess.SIGNED_IN)
    String savePreference(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String topics,
                          @RequestParam(defaultValue = "") String minUrgency, @RequestParam(defaultValue = "false") boolean enabled,
                          @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        try {
            center.savePreference(user, email, topics, minUrgency, enabled);
            redirect.addFlashAttribute("message", "Your e-mail preference is saved.");
        } catch (InvalidNotificationInput e) {
            redirect.addFlashAttribute("problem", e.field() + ": " + e.getMessage());
        }
        return "redirect:/notifications/preference";
    }

    @PostMapping("/notifications/preference/test")
    @PreAuthorize(NotificationAccess.SIGNED_IN)
    String testPreference(@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        center.preference(user).ifPresentOrElse(p -> {
            center.sendTest(p.id(), user);
            redirect.addFlashAttribute("message", "A test e-mail is on its way to " + p.target() + ".");
        }, () -> redirect.addFlashAttribute("problem", "Save an e-mail address first."));
        return "redirect:/notifications/preference";
    }

    @GetMapping("/admin/notifications")
    @PreAuthorize(NotificationAccess.ADMIN)
    String administration(@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
                          Model model) {
        int p = Math.max(page, 0);
        model.addAttribute("subscriptions", center.subscriptions());
        model.addAttribute("mail", center.mailSettings());
        model.addAttribute("securities", MailSettings.Security.values());
        model.addAttribute("urgencies", Notice.Urgency.values());
        var deliveries = center.deliveries(status, p * PAGE, PAGE + 1);
        model.addAttribute("deliveries", deliveries.size() > PAGE ? deliveries.subList(0, PAGE) : deliveries);
        model.addAttribute("hasNext", deliveries.size() > PAGE);
        model.addAttribute("page", p);
        model.addAttribute("status", status == null ? "" : status);
        return "notifications/admin";
    }

    @PostMapping("/admin/notifications/subscriptions")
    @PreAuthorize(NotificationAccess.ADMIN)
    String create(@RequestParam(defaultValue = "") String channel, @RequestParam(defaultValue = "") String target,
                  @RequestParam(defaultValue = "") String label, @RequestParam(defaultValue = "") String topics,
                  @RequestParam(defaultValue = "") String minUrgency, @RequestParam(defaultValue = "") String tagFilter,
                  @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        try {
            NotificationCenter.Created created = center.create(
                    new NotificationCenter.Form(channel, target, label, topics, minUrgency, tagFilter, true), user);
            redirect.addFlashAttribute("message", "Subscription " + created.subscription().id() + " made.");
            if (created.secret() != null) {
                redirect.addFlashAttribute("secret", created.secret());
            }
        } catch (InvalidNotificationInput e) {
            redirect.addFlashAttribute("problem", e.field() + ": " + e.getMessage());
        }
        return "redirect:/admin/notifications";
    }

    @PostMapping("/admin/notifications/subscriptions/{id}/enabled")
    @PreAuthorize(NotificationAccess.ADMIN)
    String enable(@PathVariable long id, @RequestParam(defaultValue = "false") boolean enabled,
                  @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        var s = center.subscription(id);
        center.update(id, new NotificationCenter.Form(null, s.target(), s.label(), s.topicsText(), s.minUrgency().name(),
                s.tagFilterText(), enabled), user);
        redirect.addFlashAttribute("message", "Subscription " + id + (enabled ? " enabled." : " paused."));
        return "redirect:/admin/notifications";
    }

    @PostMapping("/admin/notifications/subscriptions/{id}/delete")
    @PreAuthorize(NotificationAccess.ADMIN)
    String delete(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        center.delete(id, user);
        redirect.addFlashAttribute("message", "Subscription " + id + " deleted.");
        return "redirect:/admin/notifications";
    }

    @PostMapping("/admin/notifications/subscriptions/{id}/test")
    @PreAuthorize(NotificationAccess.ADMIN)
    String test(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        center.subscription(id);
        center.sendTest(id, user);
        redirect.addFlashAttribute("message", "Test notice queued for subscription " + id
                + "; its delivery appears below.");
        return "redirect:/admin/notifications";
    }

    @PostMapping("/admin/notifications/deliveries/{id}/retry")
    @PreAuthorize(NotificationAccess.ADMIN)
    String retry(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        center.retry(id, user);
        redirect.addFlashAttribute("message", "Delivery " + id + " queued again.");
        return "redirect:/admin/notifications";
    }

    @PostMapping("/admin/notifications/mail")
    @PreAuthorize(NotificationAccess.ADMIN)
    String saveMail(@RequestParam(defaultValue = "") String host, @RequestParam(defaultValue = "587") String port,
                    @RequestParam(defaultValue = "STARTTLS") String security, @RequestParam(defaultValue = "") String username,
                    @RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "false") boolean clearPassword,
                    @RequestParam(defaultValue = "") String fromAddress, @AuthenticationPrincipal CurrentUser user,
                    RedirectAttributes redirect) {
        try {
            Integer p;
            try {
                p = Integer.valueOf(port.strip());
            } catch (NumberFormatException e) {
                throw new InvalidNotificationInput("port", "A port from 1 to 65535.");
            }
            center.saveMailSettings(host, p, security, username, password, clearPassword, fromAddress, user);
            redirect.addFlashAttribute("message", "SMTP settings saved.");
        } catch (InvalidNotificationInput e) {
            redirect.addFlashAttribute("problem", e.field() + ": " + e.getMessage());
        }
        return "redirect:/admin/notifications";
    }
}
