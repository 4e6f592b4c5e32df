package eu.vigil.psirt.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import eu.vigil.core.InvalidInputException;
import eu.vigil.core.cra.CraStage;
import eu.vigil.core.cvss.Cvss;
import eu.vigil.core.cvss.CvssVector;
import eu.vigil.identity.CurrentUser;
import eu.vigil.identity.Role;
import eu.vigil.psirt.internal.AdvisoryInvalid;
import eu.vigil.psirt.internal.AdvisoryService;
import eu.vigil.psirt.internal.CaseState;
import eu.vigil.psirt.internal.InvalidPsirtInput;
import eu.vigil.psirt.internal.PsirtCase;
import eu.vigil.psirt.internal.PsirtService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The PSIRT's pages: the case list and the case page with scoring, CRA clock and advisory. */
@Controller
class PsirtPages {

    static final String READERS = "hasAnyRole('ADMIN','SECURITY','MANAGEMENT','COMPLIANCE','AUDITOR')";
    static final String WRITERS = "hasAnyRole('ADMIN','SECURITY')";
    private static final int PAGE_SIZE = 25;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final PsirtService psirt;
    private final AdvisoryService advisories;

    PsirtPages(PsirtService psirt, AdvisoryService advisories) {
        this.psirt = psirt;
        this.advisories = advisories;
    }

    private static boolean writer(CurrentUser user) {
        return user.has(Role.ADMIN) || user.has(Role.SECURITY);
    }

    @GetMapping("/psirt")
    @PreAuthorize(READERS)
    String list(@RequestParam(required = false) String state, @RequestParam(defaultValue = "0") int page,
                @AuthenticationPrincipal CurrentUser user, Model model) {
        CaseState filter = null;
        if (state != null && !state.isBlank()) {
            filter = Arrays.stream(CaseState.values()).filter(s -> s.name().equals(state)).findFirst().orElse(null);
        }
        int current = Math.max(0, page);
        List<PsirtCase> cases = psirt.cases(filter, current, PAGE_SIZE);
        model.addAttribute("cases", cases.size() > PAGE_SIZE ? cases.subList(0, PAGE_SIZE) : cases);
        model.addAttribute("hasNext", cases.size() > PAGE_SIZE);
        model.addAttribute("page", current);
        model.addAttribute("state", filter == null ? "" : filter.name());
        model.addAttribute("states", CaseState.values());
        model.addAttribute("now", psirt.now());
        model.addAttribute("overdue", (java.util.function.Function<PsirtCase, Boolean>) c ->
                !c.state().closed() && psirt.slaTimers(c).stream().anyMatch(t -> t.metAt() == null && t.overdue(psirt.now())));
        model.addAttribute("writer", writer(user));
        return "psirt/list";
    }

    @GetMapping("/psirt/cases/{id}")
    @PreAuthorize(READERS)
    String show(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        PsirtCase c = psirt.find(id);
        Instant now = psirt.now();
        model.addAttribute("c", c);
        model.addAttribute("now", now);
        model.addAttribute("timers", psirt.slaTimers(c));
        model.addAttribute("cra", psirt.craDeadlines(c));
        model.addAttribute("messages", psirt.messages(id));
        model.addAttribute("reporter", psirt.reporter(id).orElse(null));
        model.addAttribute("nextStates", c.state().next().stream().sorted().toList());
        model.addAttribute("products", psirt.portfolio().products());
        model.addAttribute("releases", c.productId() == null ? List.of() : psirt.portfolio().releases(c.productId()));
        var advisory = advisories.ofCase(id);
        model.addAttribute("advisory", advisory.orElse(null));
        model.addAttribute("validation", advisory.filter(a -> a.currentDocument() != null).map(a -> advisories.validation(id))
                .orElse(null));
        model.addAttribute("writer", writer(user));
        return "psirt/case";
    }

    @PostMapping("/psirt/cases/{id}")
    @PreAuthorize(WRITERS)
    String update(@PathVariable long id, @RequestParam(required = false) String title,
                  @RequestParam(required = false) String owner, @RequestParam(required = false) Long productId,
                  @RequestParam(required = false) List<Long> affectedReleaseIds,
                  @RequestParam(required = false) Long fixedReleaseId, @RequestParam(required = false) String cvss31,
                  @RequestParam(required = false) String cvss40, @RequestParam(required = false) String cweId,
                  @RequestParam(required = false) String cveId, @AuthenticationPrincipal CurrentUser user,
                  RedirectAttributes redirect) {
        return act(id, redirect, "Saved.", () -> psirt.update(id, new PsirtService.CaseUpdate(title, owner,
                productId, affectedReleaseIds == null ? List.of() : affectedReleaseIds, fixedReleaseId == null ? 0L
                : fixedReleaseId, cvss31, cvss40, cweId, cveId), user.username()));
    }

    @PostMapping("/psirt/cases/{id}/state")
    @PreAuthorize(WRITERS)
    String state(@PathVariable long id, @RequestParam(required = false) String state, @AuthenticationPrincipal CurrentUser user,
                 RedirectAttributes redirect) {
        CaseState target = state == null ? null : Arrays.stream(CaseState.values()).filter(s -> s.name().equals(state)).findFirst().orElse(null);
        return act(id, redirect, "State changed.", () -> psirt.changeState(id, target, user.username()));
    }

    @PostMapping("/psirt/cases/{id}/acknowledge")
    @PreAuthorize(WRITERS)
    String acknowledge(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        return act(id, redirect, "Acknowledged.", () -> psirt.acknowledge(id, user.username()));
    }

    @PostMapping("/psirt/cases/{id}/exploited")
    @PreAuthorize(WRITERS)
    String exploited(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        return act(id, redirect, "Flagged actively exploited: the CRA Art. 14 clock runs.",
                () -> psirt.flagExploited(id, null, user.username()));
    }

    @PostMapping("/psirt/cases/{id}/measure")
    @PreAuthorize(WRITERS)
    String measure(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        return act(id, redirect, "Corrective measure recorded as available.",
                () -> psirt.measureAvailable(id, null, user.username()));
    }

    @PostMapping("/psirt/cases/{id}/cra/{stage}/submitted")
    @PreAuthorize(WRITERS)
    String craSubmitted(@PathVariable long id, @PathVariable String stage, @AuthenticationPrincipal CurrentUser user,
                        RedirectAttributes redirect) {
        return act(id, redirect, "Recorded as submitted.", () -> psirt.craSubmitted(id, stage(stage), user.username()));
    }

    @GetMapping("/psirt/cases/{id}/cra/{stage}.json")
    @PreAuthorize(READERS)
    ResponseEntity<byte[]> craJson(@PathVariable long id, @PathVariable String stage) throws Exception {
        Map<String, Object> report = advisories.craReport(id, stage(stage));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("PSIRT-" + id + "-" + stage.toLowerCase() + ".json").build().toString())
                .body(JSON.writeValueAsBytes(report));
    }

    @GetMapping("/psirt/cases/{id}/cra/{stage}.pdf")
    @PreAuthorize(READERS)
    ResponseEntity<byte[]> craPdf(@PathVariable long id, @PathVariable String stage) {
        Map<String, Object> report = advisories.craReport(id, stage(stage));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("PSIRT-" + id + "-" + stage.toLowerCase() + ".pdf").build().toString())
                .body(CraPdf.render(report));
    }

    static CraStage stage(String text) {
        return Arrays.stream(CraStage.values()).filter(s -> s.name().equalsIgnoreCase(text)).findFirst()
                .orElseThrow(() -> new InvalidPsirtInput("Unknown CRA report '" + PsirtServiceText.clip(text) + "'."));
    }

    @PostMapping("/psirt/cases/{id}/messages")
    @PreAuthorize(WRITERS)
    String message(@PathVariable long id, @RequestParam(defaultValue = "INTERNAL") String kind,
                   @RequestParam(required = false) String body, @AuthenticationPrincipal CurrentUser user,
                   RedirectAttributes redirect) {
        return act(id, redirect, "Added.", () -> psirt.addMessage(id, kind, body, user.username()));
    }

    @PostMapping("/psirt/cases/{id}/advisory")
    @PreAuthorize(WRITERS)
    String draft(@PathVariable long id, @RequestParam(required = false) String title,
                 @RequestParam(required = false) String summary, @RequestParam(required = false) String tlp,
                 @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        return act(id, redirect, "Advisory drafted.",
                () -> advisories.draft(id, new AdvisoryService.AdvisoryDraft(title, summary, tlp), user.username()));
    }

    @PostMapping("/psirt/cases/{id}/advisory/publish")
    @PreAuthorize(WRITERS)
    String publish(@PathVariable long id, @RequestParam(required = false) String revision,
                   @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        try {
            var published = advisories.publish(id, revision, user.username());
            redirect.addFlashAttribute("message", "Published " + published.trackingId() + " version "
                    + published.version() + ".");
        } catch (AdvisoryInvalid e) {
            redirect.addFlashAttribute("problems", List.of(e.getMessage()));
            redirect.addFlashAttribute("failures", e.failures());
        } catch (InvalidPsirtInput e) {
            redirect.addFlashAttribute("problems", e.problems());
        }
        return "redirect:/psirt/cases/" + id;
    }

    @GetMapping("/psirt/cases/{id}/advisory.json")
    @PreAuthorize(READERS)
    ResponseEntity<byte[]> advisoryJson(@PathVariable long id) {
        var advisory = advisories.ofCase(id).filter(a -> a.currentDocument() != null)
                .orElseThrow(() -> new InvalidPsirtInput("The case has no advisory yet."));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(advisory.currentDocument().getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/psirt/cases/{id}/cve.json")
    @PreAuthorize(READERS)
    ResponseEntity<byte[]> cve(@PathVariable long id) throws Exception {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("PSIRT-" + id + "-cve.json").build().toString())
                .body(JSON.writeValueAsBytes(advisories.cveRecord(id)));
    }

    @PostMapping("/psirt/findings/{findingId}/promote")
    @PreAuthorize(WRITERS)
    String promote(@PathVariable long findingId, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        PsirtCase c = psirt.promoteFinding(findingId, user.username());
        redirect.addFlashAttribute("message", "Finding " + findingId + " is now case " + c.reference() + ".");
        return "redirect:/psirt/cases/" + c.id();
    }

    /** The CVSS calculator's scoring: one implementation (vigil-core) for the page and the server. */
    @GetMapping(value = "/psirt/cvss", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    @PreAuthorize(READERS)
    Map<String, Object> score(@RequestParam(required = false) String vector) {
        if (vector == null || vector.isBlank()) {
            return Map.of("error", "Give a vector.");
        }
        try {
            CvssVector parsed = Cvss.parse(vector);
            return Map.of("vector", vector, "version", parsed.version().label(), "baseScore", parsed.baseScore(),
                    "severity", PsirtServiceText.severity(parsed.baseScore()));
        } catch (InvalidInputException e) {
            return Map.of("vector", vector, "error", e.getMessage());
        }
    }

    private String act(long id, RedirectAttributes redirect, String done, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("message", done);
        } catch (InvalidPsirtInput e) {
            redirect.addFlashAttribute("problems", e.problems());
        }
        return "redirect:/psirt/cases/" + id;
    }
}
