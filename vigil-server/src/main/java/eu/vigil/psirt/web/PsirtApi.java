package eu.vigil.psirt.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.vigil.core.csaf.CsafValidation;
import eu.vigil.identity.CurrentUser;
import eu.vigil.psirt.internal.AdvisoryService;
import eu.vigil.psirt.internal.CaseState;
import eu.vigil.psirt.internal.InvalidPsirtInput;
import eu.vigil.psirt.internal.PsirtCase;
import eu.vigil.psirt.internal.PsirtService;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** PSIRT cases and advisories over the API. Times are ISO 8601 instants (UTC). */
@RestController
@RequestMapping("/api/v1/psirt")
class PsirtApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PsirtService psirt;
    private final AdvisoryService advisories;

    PsirtApi(PsirtService psirt, AdvisoryService advisories) {
        this.psirt = psirt;
        this.advisories = advisories;
    }

    record CaseView(PsirtCase psirtCase, String reference, List<Map<String, Object>> sla, List<Map<String, Object>> cra) {
    }

    private CaseView view(PsirtCase c) {
        Instant now = psirt.now();
        return new CaseView(c, c.reference(),
                psirt.slaTimers(c).stream().map(t -> Map.<String, Object>of("name", t.name(), "due", t.due(),
                        "overdue", t.overdue(now), "met", t.metAt() != null)).toList(),
                psirt.craDeadlines(c).stream().map(d -> Map.<String, Object>of("stage", d.stage().name(),
                        "due", String.valueOf(d.due()), "status", d.status(now).name())).toList());
    }

    @GetMapping("/cases")
    @PreAuthorize(PsirtPages.READERS)
    @Operation(summary = "List PSIRT cases, newest first (filter by state, 50 a page)")
    List<CaseView> cases(@RequestParam(required = false) CaseState state, @RequestParam(defaultValue = "0") int page) {
        List<PsirtCase> list = psirt.cases(state, Math.max(0, page), 50);
        return list.stream().limit(50).map(this::view).toList();
    }

    @GetMapping("/cases/{id}")
    @PreAuthorize(PsirtPages.READERS)
    @Operation(summary = "A PSIRT case with its SLA timers and CRA Art. 14 deadlines")
    CaseView get(@PathVariable long id) {
        return view(psirt.find(id));
    }

    @PutMapping("/cases/{id}")
    @PreAuthorize(PsirtPages.WRITERS)
    @Operation(summary = "Update a case: title, owner, product and releases, CVSS 3.1/4.0 vectors, CWE, CVE")
    CaseView update(@PathVariable long id, @RequestBody(required = false) PsirtService.CaseUpdate update,
                    @AuthenticationPrincipal CurrentUser user) {
        if (update == null) {
            throw new InvalidPsirtInput("Send the fields to change as JSON.");
        }
        return view(psirt.update(id, update, user.username()));
    }

    record StateRequest(CaseState state) {
    }

    @PostMapping("/cases/{id}/state")
    @PreAuthorize(PsirtPages.WRITERS)
    @Operation(summary = "Move a case to another state (received, triaged, in remediation, fixed, disclosed, rejected, duplicate)")
    CaseView state(@PathVariable long id, @RequestBody(required = false) StateRequest request, @AuthenticationPrincipal CurrentUser user) {
        return view(psirt.changeState(id, request == null ? null : request.state(), user.username()));
    }

    record ExploitedRequest(Instant awareAt) {
    }

    @PostMapping("/cases/{id}/exploited")
    @PreAuthorize(PsirtPages.WRITERS)
    @Operation(summary = "Flag a case actively exploited: starts the CRA Art. 14 clock")
    CaseView exploited(@PathVariable long id, @RequestBody(required = false) ExploitedRequest request,
                       @AuthenticationPrincipal CurrentUser user) {
        return view(psirt.flagExploited(id, request == null ? null : request.awareAt(), user.username()));
    }

    record ValidationView(boolean valid, List<Map<String, String>> failures) {
        static ValidationView of(CsafValidation v) {
            return new ValidationView(v.valid(), v.failures().stream().map(PsirtErrors::failure).toList());
        }
    }

    @PostMapping("/cases/{id}/advisory")
    @PreAuthorize(PsirtPages.WRITERS)
    @Operation(summary = "Draft (or refresh) the case's CSAF advisory and validate it")
    ValidationView draft(@PathVariable long id, @RequestBody(required = false) AdvisoryService.AdvisoryDraft draft,
                         @AuthenticationPrincipal CurrentUser user) {
        return ValidationView.of(advisories.draft(id, draft == null ? new AdvisoryService.AdvisoryDraft(null, null, null)
                : draft, user.username()));
    }

    record PublishRequest(String revision) {
    }

    record PublishedView(String trackingId, int version, String url) {
    }

    @PostMapping("/cases/{id}/advisory/publish")
    @PreAuthorize(PsirtPages.WRITERS)
    @Operation(summary = "Publish the advisory (422 with each failed CSAF test and JSON path when it is not valid)")
    PublishedView publish(@PathVariable long id, @RequestBody(required = false) PublishRequest request,
                          @AuthenticationPrincipal CurrentUser user) {
        var advisory = advisories.publish(id, request == null ? null : request.revision(), user.username());
        return new PublishedView(advisory.trackingId(), advisory.version(), "/advisories/" + advisory.trackingId());
    }

    @GetMapping(value = "/cases/{id}/cve", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(PsirtPages.READERS)
    @Operation(summary = "The case as a CVE JSON 5.1 record, for a CNA to submit")
    ResponseEntity<String> cve(@PathVariable long id) throws Exception {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(JSON.writeValueAsString(advisories.cveRecord(id)));
    }

    @GetMapping("/cases/{id}/cra/{stage}")
    @PreAuthorize(PsirtPages.READERS)
    @Operation(summary = "The content of a CRA Art. 14(2) report (EARLY_WARNING, VULNERABILITY_NOTIFICATION, FINAL_REPORT)")
    Map<String, Object> cra(@PathVariable long id, @PathVariable String stage) {
        return advisories.craReport(id, PsirtPages.stage(stage));
    }
}
