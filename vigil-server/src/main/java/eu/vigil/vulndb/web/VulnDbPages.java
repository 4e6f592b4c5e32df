package eu.vigil.vulndb.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import eu.vigil.identity.CurrentUser;
import eu.vigil.platform.NotFoundException;
import eu.vigil.vulndb.internal.FeedImporter;
import eu.vigil.vulndb.internal.FeedSource;
import eu.vigil.vulndb.internal.ImportRun;
import eu.vigil.vulndb.internal.ImportRuns;
import eu.vigil.vulndb.internal.ImportWorker;
import eu.vigil.vulndb.internal.InvalidImport;
import eu.vigil.vulndb.internal.VulnerabilityBrowser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages: "Vulnerability data" (upload a feed file, import runs with live progress, bad records
 * by id), the vulnerability search, and one vulnerability.
 */
@Controller
class VulnDbPages {

    static final int PAGE_SIZE = 25;
    static final int PROBLEM_PAGE_SIZE = 50;

    private final FeedImporter importer;
    private final ImportWorker worker;
    private final ImportRuns runs;
    private final VulnerabilityBrowser browser;

    VulnDbPages(FeedImporter importer, ImportWorker worker, ImportRuns runs, VulnerabilityBrowser browser) {
        this.importer = importer;
        this.worker = worker;
        this.runs = runs;
        this.browser = browser;
    }

    private static boolean importer(CurrentUser user) {
        return user.roles().stream().anyMatch(r -> r.name().equals("ADMIN") || r.name().equals("SECURITY"));
    }

    @GetMapping("/vulndb")
    @PreAuthorize(VulnDbAccess.READ)
    String overview(@RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal CurrentUser user, Model model) {
        int current = Math.max(page, 0);
        addRuns(model, current);
        model.addAttribute("counts", browser.countsBySource());
        model.addAttribute("sources", FeedSource.values());
        model.addAttribute("canImport", importer(user));
        return "vulndb/overview";
    }

    /** The runs table alone, which the page polls while a run is going. */
    @GetMapping("/vulndb/imports")
    @PreAuthorize(VulnDbAccess.READ)
    String runsTable(@RequestParam(defaultValue = "0") int page, Model model) {
        addRuns(model, Math.max(page, 0));
        return "vulndb/overview :: runs";
    }

    private void addRuns(Model model, int page) {
        List<ImportRun> rows = runs.recent(page * PAGE_SIZE, PAGE_SIZE + 1);
        model.addAttribute("runs", rows.subList(0, Math.min(rows.size(), PAGE_SIZE)));
        model.addAttribute("hasNext", rows.size() > PAGE_SIZE);
        model.addAttribute("page", page);
        model.addAttribute("running", rows.stream().anyMatch(r -> !r.finished()));
    }

    @PostMapping("/vulndb/imports")
    @PreAuthorize(VulnDbAccess.IMPORT)
    String upload(HttpServletRequest request, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect)
            throws IOException {
        MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        MultipartFile file = multipart == null ? null : multipart.getFile("file");
        FeedSource feed = FeedSource.parse(request.getParameter("source"));
        if (file == null || file.isEmpty()) {
            throw new InvalidImport("file", "choose a feed file to import");
        }
        ImportRun run;
        try (InputStream in = file.getInputStream()) {
            run = importer.queueUpload(feed, file.getOriginalFilename(), in, user.username());
        }
        worker.submit(run);
        redirect.addFlashAttribute("message", "Import " + run.id() + " of " + run.origin() + " started.");
        return "redirect:/vulndb";
    }

    @GetMapping("/vulndb/imports/{id}")
    @PreAuthorize(VulnDbAccess.READ)
    String run(@PathVariable long id, @RequestParam(defaultValue = "0") int page, Model model) {
        ImportRun run = runs.find(id).orElseThrow(() -> new NotFoundException("No import run " + id));
        int current = Math.max(page, 0);
        List<ImportRuns.Problem> problems = runs.problems(id, current * PROBLEM_PAGE_SIZE, PROBLEM_PAGE_SIZE + 1);
        model.addAttribute("run", run);
        model.addAttribute("problems", problems.subList(0, Math.min(problems.size(), PROBLEM_PAGE_SIZE)));
        model.addAttribute("hasNext", problems.size() > PROBLEM_PAGE_SIZE);
        model.addAttribute("page", current);
        return "vulndb/run";
    }

    @GetMapping("/vulnerabilities")
    @PreAuthorize(VulnDbAccess.READ)
    String search(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        int current = Math.max(page, 0);
        String text = q == null ? "" : q.length() > 200 ? q.substring(0, 200) : q.strip();
        var found = browser.search(text, current * PAGE_SIZE, PAGE_SIZE);
        model.addAttribute("records", found.items());
        model.addAttribute("hasNext", found.more());
        model.addAttribute("page", current);
        model.addAttribute("q", text);
        return "vulndb/search";
    }

    @GetMapping("/vulnerabilities/{id}")
    @PreAuthorize(VulnDbAccess.READ)
    String vulnerability(@PathVariable String id, Model model) {
        model.addAttribute("v", browser.details(id).orElseThrow(() -> new NotFoundException("No vulnerability " + id)));
        return "vulndb/vulnerability";
    }
}
