package eu.vigil.vulndb.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;

import eu.vigil.identity.CurrentUser;
import eu.vigil.platform.NotFoundException;
import eu.vigil.vulndb.internal.FeedSource;
import eu.vigil.vulndb.internal.FeedImporter;
import eu.vigil.vulndb.internal.ImportRun;
import eu.vigil.vulndb.internal.ImportRuns;
import eu.vigil.vulndb.internal.ImportWorker;
import eu.vigil.vulndb.internal.InvalidImport;
import eu.vigil.vulndb.internal.StoredRecord;
import eu.vigil.vulndb.internal.VulnerabilityBrowser;
import eu.vigil.vulndb.internal.VulnerabilityDetails;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The knowledge base over the API: feed imports with their progress, and vulnerability records. */
@RestController
@RequestMapping("/api/v1")
class VulnDbApi {

    record ProblemView(String ref, String message) {
    }

    record ImportView(long id, String source, String origin, String state, Instant startedAt, String startedBy,
                      Instant finishedAt, long itemsDone, long read, long added, long updated, long unchanged, long failed,
                      String message, List<ProblemView> badRecords) {

        static ImportView of(ImportRun r, List<ImportRuns.Problem> problems) {
            return new ImportView(r.id(), r.source().label(), r.origin(), r.state().name(), r.startedAt(), r.startedBy(),
                    r.finishedAt(), r.cursor(), r.read(), r.added(), r.updated(), r.unchanged(), r.failed(), r.message(),
                    problems.stream().map(p -> new ProblemView(p.ref(), p.message())).toList());
        }
    }

    record RecordSummary(String id, String source, Instant modified, Instant published, boolean withdrawn, String summary,
                         String severity, Double cvssScore) {

        static RecordSummary of(StoredRecord r) {
            return new RecordSummary(r.id(), r.source().toLowerCase(java.util.Locale.ROOT), r.modified(), r.published(),
                    r.withdrawn() != null, r.summary(), r.severity(), r.cvssScore() == null ? null : r.cvssScore().doubleValue());
        }
    }

    record VulnerabilityView(String id, String source, Instant modified, Instant published, Instant withdrawn,
                             String summary, String severity, Double cvssScore, String cvssVector, List<String> aliases,
                             List<String> related, List<String> cweIds, JsonNode osv) {
    }

    record SearchView(List<RecordSummary> items, int page, int size, boolean more) {
    }

    private static final int PROBLEMS_SHOWN = 1000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final FeedImporter importer;
    private final ImportWorker worker;
    private final ImportRuns runs;
    private final VulnerabilityBrowser browser;

    VulnDbApi(FeedImporter importer, ImportWorker worker, ImportRuns runs, VulnerabilityBrowser browser) {
        this.importer = importer;
        this.worker = worker;
        this.runs = runs;
        this.browser = browser;
    }

    @PostMapping("/vulndb/imports")
    @PreAuthorize(VulnDbAccess.IMPORT)
    @Operation(summary = "Import a feed file (OSV zip or JSON, NVD CVE API 2.0 JSON, CSAF 2.0 advisory) in the background")
    ResponseEntity<ImportView> startImport(HttpServletRequest request, @AuthenticationPrincipal CurrentUser user)
            throws IOException {
        // the file is taken from the request here, after the role check, so that a caller without the
        // role is refused whatever the request's shape
        MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        MultipartFile file = multipart == null ? null : multipart.getFile("file");
        FeedSource feed = FeedSource.parse(request.getParameter("source"));
        if (file == null || file.isEmpty()) {
            throw new InvalidImport("file", "send the feed as the multipart part \"file\"");
        }
        ImportRun run;
        try (InputStream in = file.getInputStream()) {
            run = importer.queueUpload(feed, file.getOriginalFilename(), in, user.username());
        }
        worker.submit(run);
        return ResponseEntity.accepted().location(URI.create("/api/v1/vulndb/imports/" + run.id()))
                .body(ImportView.of(run, List.of()));
    }

    @GetMapping("/vulndb/imports/{id}")
    @PreAuthorize(VulnDbAccess.READ)
    @Operation(summary = "An import run: its state, counts, and the records it could not import, by id")
    ImportView importRun(@PathVariable long id) {
        ImportRun run = runs.find(id).orElseThrow(() -> new NotFoundException("No import run " + id));
        return ImportView.of(run, runs.problems(id, 0, PROBLEMS_SHOWN));
    }

    @GetMapping("/vulnerabilities/{id}")
    @PreAuthorize(VulnDbAccess.READ)
    @Operation(summary = "A vulnerability record by its id or an alias (CVE, GHSA ...), with the record as OSV JSON")
    VulnerabilityView vulnerability(@PathVariable String id) {
        VulnerabilityDetails d = browser.details(id).orElseThrow(() -> new NotFoundException("No vulnerability " + id));
        StoredRecord r = d.record();
        return new VulnerabilityView(r.id(), r.source().toLowerCase(java.util.Locale.ROOT), r.modified(), r.published(),
                r.withdrawn(), r.summary(), r.severity(), r.cvssScore() == null ? null : r.cvssScore().doubleValue(),
                r.cvssVector(), d.aliases(), d.related(), d.cweIds(), JSON.readTree(d.osvJson()));
    }

    @GetMapping("/vulnerabilities")
    @PreAuthorize(VulnDbAccess.READ)
    @Operation(summary = "Search vulnerability records by id prefix, alias or package name, newest change first")
    SearchView search(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
                      @RequestParam(defaultValue = "50") int size) {
        int limit = Math.min(Math.max(size, 1), 200);
        int current = Math.max(page, 0);
        var found = browser.search(q == null ? null : q.length() > 200 ? q.substring(0, 200) : q, current * limit, limit);
        return new SearchView(found.items().stream().map(RecordSummary::of).toList(), current, limit, found.more());
    }
}
