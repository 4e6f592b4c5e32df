package eu.vigil.sbom.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import eu.vigil.identity.CurrentUser;
import eu.vigil.sbom.Portfolio.Product;
import eu.vigil.sbom.Portfolio.Release;
import eu.vigil.sbom.internal.Findings;
import eu.vigil.sbom.internal.Impact;
import eu.vigil.sbom.internal.InvalidSbomInput;
import eu.vigil.sbom.internal.Licences;
import eu.vigil.sbom.internal.Products;
import eu.vigil.sbom.internal.Repository;
import eu.vigil.sbom.internal.SbomManagement;
import eu.vigil.sbom.internal.UnknownSbomObject;
import eu.vigil.sbom.internal.VexExchange;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The SBOM repository's pages: portfolio overview (products × severity, trend), product, release
 * (SBOMs, findings, components tree, licences, VEX), findings with triage, impact search,
 * component (where used), vulnerability (what it hits) and the licence policy. Every list is paged.
 */
@Controller
class SbomPages {

    static final int PAGE_SIZE = 25;

    private final SbomManagement management;
    private final Products products;
    private final Findings findings;
    private final Impact impact;
    private final Repository repository;
    private final Licences licences;
    private final VexExchange vex;

    SbomPages(SbomManagement management, Products products, Findings findings, Impact impact, Repository repository,
              Licences licences, VexExchange vex) {
        this.management = management;
        this.products = products;
        this.findings = findings;
        this.impact = impact;
        this.repository = repository;
        this.licences = licences;
        this.vex = vex;
    }

    @ModelAttribute("writer")
    boolean writer(Authentication authentication) {
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> Set.of("ROLE_ADMIN", "ROLE_SECURITY").contains(a.getAuthority()));
    }

    @GetMapping("/sbom")
    @PreAuthorize(SbomAccess.READ)
    String portfolio(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        int current = Math.max(page, 0);
        List<Product> rows = products.products(q, current * PAGE_SIZE, PAGE_SIZE + 1);
        List<Product> shown = rows.subList(0, Math.min(rows.size(), PAGE_SIZE));
        model.addAttribute("products", shown);
        model.addAttribute("counts", repository.openCounts(shown.stream().map(Product::id).toList()));
        model.addAttribute("hasNext", rows.size() > PAGE_SIZE);
        model.addAttribute("page", current);
        model.addAttribute("q", q == null ? "" : q);
        var trend = repository.trend(LocalDate.now().minusDays(90));
        model.addAttribute("trendLabels", json(trend.stream().map(t -> t.day().toString()).toList()));
        model.addAttribute("trendCritical", json(trend.stream().map(Repository.TrendPoint::critical).toList()));
        model.addAttribute("trendHigh", json(trend.stream().map(Repository.TrendPoint::high).toList()));
        model.addAttribute("trendMedium", json(trend.stream().map(Repository.TrendPoint::medium).toList()));
        model.addAttribute("trendLow", json(trend.stream().map(Repository.TrendPoint::low).toList()));
        return "sbom/portfolio";
    }

    @PostMapping("/sbom/products")
    @PreAuthorize(SbomAccess.WRITE)
    String createProduct(@RequestParam(required = false) String key, @RequestParam(required = false) String name,
                         @RequestParam(required = false) String vendor, @RequestParam(required = false) String owner,
                         @RequestParam(required = false) String purl, @RequestParam(required = false) String cpe,
                         @RequestParam(required = false) String craCategory, @RequestParam(required = false) String supportEnds,
                         @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        Product created = management.createProduct(new Product(0, key, name, vendor, owner, purl, cpe, craCategory,
                date("supportEnds", supportEnds)), user.username());
        redirect.addFlashAttribute("message", "Product " + created.name() + " created.");
        return "redirect:/sbom/products/" + created.id();
    }

    @GetMapping("/sbom/products/{id}")
    @PreAuthorize(SbomAccess.READ)
    String product(@PathVariable long id, Model model) {
        model.addAttribute("product", management.product(id));
        model.addAttribute("releases", products.releases(id));
        model.addAttribute("counts", repository.openCounts(List.of(id)).get(id));
        return "sbom/product";
    }

    @PostMapping("/sbom/products/{id}/releases")
    @PreAuthorize(SbomAccess.WRITE)
    String createRelease(@PathVariable long id, @RequestParam(required = false) String version,
                         @RequestParam(required = false) String releasedOn, @RequestParam(required = false) String status,
                         @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        Release created = management.createRelease(id, version, date("releasedOn", releasedOn), status, user.username());
        redirect.addFlashAttribute("message", "Release " + created.version() + " created.");
        return "redirect:/sbom/releases/" + created.id();
    }

    @GetMapping("/sbom/releases/{id}")
    @PreAuthorize(SbomAccess.READ)
    String release(@PathVariable long id, @RequestParam(required = false) String severity,
                   @RequestParam(required = false) String state, @RequestParam(required = false) String q,
                   @RequestParam(defaultValue = "0") int page, @RequestParam(required = false) String cq,
                   @RequestParam(defaultValue = "0") int cpage, Model model) {
        Release release = management.release(id);
        model.addAttribute("release", release);
        model.addAttribute("product", management.product(release.productId()));
        model.addAttribute("documents", repository.documents(id));
        Findings.Filter filter = new Findings.Filter(null, id, null, null, SeverityParam.rank(severity),
                SeverityParam.state(state), q, false);
        int current = Math.max(page, 0);
        model.addAttribute("findings", findings.page(filter, current * PAGE_SIZE, PAGE_SIZE));
        model.addAttribute("findingCount", findings.count(filter));
        model.addAttribute("page", current);
        model.addAttribute("severity", severity == null ? "" : severity);
        model.addAttribute("state", state == null ? "" : state);
        model.addAttribute("q", q == null ? "" : q);
        int componentPage = Math.max(cpage, 0);
        model.addAttribute("components", repository.releaseComponents(id, cq, componentPage * PAGE_SIZE, PAGE_SIZE));
        model.addAttribute("componentCount", repository.countReleaseComponents(id, cq));
        model.addAttribute("cpage", componentPage);
        model.addAttribute("cq", cq == null ? "" : cq);
        model.addAttribute("licences", licences.report(id));
        return "sbom/release";
    }

    @PostMapping("/sbom/releases/{id}")
    @PreAuthorize(SbomAccess.WRITE)
    String updateRelease(@PathVariable long id, @RequestParam(required = false) String status,
                         @RequestParam(required = false) String releasedOn, RedirectAttributes redirect) {
        management.updateRelease(id, date("releasedOn", releasedOn), status);
        redirect.addFlashAttribute("message", "Release updated.");
        return "redirect:/sbom/releases/" + id;
    }

    @PostMapping("/sbom/releases/{id}/sboms")
    @PreAuthorize(SbomAccess.WRITE)
    String upload(@PathVariable long id, @RequestParam(value = "file", required = false) MultipartFile file,
                  @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new InvalidSbomInput("file", "Choose an SBOM file to upload.");
        }
        try (InputStream in = file.getInputStream()) {
            var result = management.upload(id, file.getOriginalFilename(), in, user.username());
            redirect.addFlashAttribute("message", "SBOM stored: " + result.format() + " " + result.specVersion() + ", "
                    + result.components() + " components, " + result.newFindings() + " new findings.");
        }
        return "redirect:/sbom/releases/" + id;
    }

    @GetMapping("/sbom/releases/{id}/vex")
    @PreAuthorize(SbomAccess.READ)
    ResponseEntity<byte[]> exportVex(@PathVariable long id, @RequestParam(required = false) String format) {
        VexExchange.Format f = VexExchange.Format.of(format);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("release-" + id + (switch (f) {
            case CYCLONEDX -> ".cdx-vex.json";
            case OPENVEX -> ".openvex.json";
            case CSAF -> ".csaf-vex.json";
        }))
                        .build().toString())
                .body(vex.export(id, f));
    }

    @PostMapping("/sbom/releases/{id}/vex")
    @PreAuthorize(SbomAccess.WRITE)
    String importVex(@PathVariable long id, @RequestParam(required = false) String format,
                     @RequestParam(value = "file", required = false) MultipartFile file,
                     @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new InvalidSbomInput("file", "Choose a VEX file to import.");
        }
        var result = vex.importVex(id, VexExchange.Format.of(format), file.getBytes(), user.username());
        redirect.addFlashAttribute("message", "VEX imported: " + result.applied() + " of " + result.statements()
                + " statements applied" + (result.notFound().isEmpty() ? "." : "; not in this release: "
                + String.join(", ", result.notFound().stream().limit(5).toList())));
        return "redirect:/sbom/releases/" + id;
    }

    @GetMapping("/sbom/findings")
    @PreAuthorize(SbomAccess.READ)
    String findings(@RequestParam(required = false) String severity, @RequestParam(required = false) String state,
                    @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        Findings.Filter filter = new Findings.Filter(null, null, null, null, SeverityParam.rank(severity),
                SeverityParam.state(state), q, false);
        int current = Math.max(page, 0);
        List<Findings.Finding> rows = findings.page(filter, current * PAGE_SIZE, PAGE_SIZE + 1);
        model.addAttribute("findings", rows.subList(0, Math.min(rows.size(), PAGE_SIZE)));
        model.addAttribute("hasNext", rows.size() > PAGE_SIZE);
        model.addAttribute("page", current);
        model.addAttribute("severity", severity == null ? "" : severity);
        model.addAttribute("state", state == null ? "" : state);
        model.addAttribute("q", q == null ? "" : q);
        return "sbom/findings";
    }

    @GetMapping("/sbom/findings/{id}")
    @PreAuthorize(SbomAccess.READ)
    String finding(@PathVariable long id, Model model) {
        model.addAttribute("f", findings.find(id).orElseThrow(() -> new UnknownSbomObject("finding", id)));
        model.addAttribute("history", findings.history(id));
        model.addAttribute("justifications", eu.vigil.core.vex.VexJustification.values());
        return "sbom/finding";
    }

    @PostMapping("/sbom/findings/{id}/analysis")
    @PreAuthorize(SbomAccess.WRITE)
    String analyse(@PathVariable long id, @RequestParam(required = false) String state,
                   @RequestParam(required = false) String justification, @RequestParam(required = false) String detail,
                   @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        var result = management.analyse(id, state, justification, detail, user.username());
        redirect.addFlashAttribute("message", "Analysis saved" + (result.carriedTo() > 0
                ? " and carried to " + result.carriedTo() + " finding(s) of other releases." : "."));
        return "redirect:/sbom/findings/" + id;
    }

    @GetMapping("/sbom/impact")
    @PreAuthorize(SbomAccess.READ)
    String impact(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        int current = Math.max(page, 0);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("page", current);
        if (q != null && !q.isBlank()) {
            Impact.Answer answer = impact.query(q, current * PAGE_SIZE, PAGE_SIZE);
            model.addAttribute("answer", answer);
            model.addAttribute("hasNext", (long) (current + 1) * PAGE_SIZE < answer.total());
        }
        return "sbom/impact";
    }

    @GetMapping("/sbom/components/{id}")
    @PreAuthorize(SbomAccess.READ)
    String component(@PathVariable long id, @RequestParam(defaultValue = "0") int page, Model model) {
        var c = repository.component(id).orElseThrow(() -> new UnknownSbomObject("component", id));
        int current = Math.max(page, 0);
        model.addAttribute("c", c);
        model.addAttribute("usages", repository.usages(id, current * PAGE_SIZE, PAGE_SIZE));
        model.addAttribute("hasNext", (long) (current + 1) * PAGE_SIZE < c.releases());
        model.addAttribute("page", current);
        Findings.Filter filter = new Findings.Filter(null, null, id, null, null, null, null, false);
        model.addAttribute("findings", findings.page(filter, 0, PAGE_SIZE));
        return "sbom/component";
    }

    @GetMapping("/sbom/vulnerabilities/{id}")
    @PreAuthorize(SbomAccess.READ)
    String vulnerability(@PathVariable String id, @RequestParam(defaultValue = "0") int page, Model model) {
        var v = repository.vulnerability(id).orElseThrow(() -> new UnknownSbomObject("matched vulnerability", id));
        int current = Math.max(page, 0);
        Impact.Answer answer = impact.query(v.id(), current * PAGE_SIZE, PAGE_SIZE);
        model.addAttribute("v", v);
        model.addAttribute("answer", answer);
        model.addAttribute("page", current);
        model.addAttribute("hasNext", (long) (current + 1) * PAGE_SIZE < answer.total());
        return "sbom/vulnerability";
    }

    @GetMapping("/sbom/licences")
    @PreAuthorize(SbomAccess.READ)
    String licencePolicy(Model model) {
        model.addAttribute("policy", licences.policy());
        return "sbom/licences";
    }

    @PostMapping("/sbom/licences")
    @PreAuthorize(SbomAccess.WRITE)
    String decide(@RequestParam(required = false) String licenceId, @RequestParam(required = false) String decision,
                  @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        licences.decide(licenceId, decision, user.username());
        redirect.addFlashAttribute("message", "Policy updated for " + licenceId + ".");
        return "redirect:/sbom/licences";
    }

    private static LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidSbomInput(field, "The date " + text + " is not of the form 2027-12-31.");
        }
    }

    private static String json(List<?> values) {
        StringBuilder s = new StringBuilder("[");
        for (Object v : values) {
            s.append(s.length() > 1 ? "," : "").append(v instanceof Number ? v.toString() : "\"" + v + "\"");
        }
        return s.append(']').toString();
    }

    static Map<String, String> severityOptions() {
        return Map.of();
    }
}
