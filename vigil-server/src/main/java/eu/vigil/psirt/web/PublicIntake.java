package eu.vigil.psirt.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import eu.vigil.platform.PublicEndpoint;
import eu.vigil.psirt.internal.Advisory;
import eu.vigil.psirt.internal.AdvisoryService;
import eu.vigil.psirt.internal.InvalidPsirtInput;
import eu.vigil.psirt.internal.ProviderKey;
import eu.vigil.psirt.internal.PsirtService;
import eu.vigil.psirt.internal.TooManyReports;
import eu.vigil.psirt.internal.UnknownCase;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

/**
 * What anyone may reach without an account: the vulnerability report form and API, the reporter's
 * status page (the tracking token is the credential), security.txt, the CSAF provider files under
 * /.well-known/csaf/ and the HTML page of each published advisory.
 */
@Controller
class PublicIntake {

    private final PsirtService psirt;
    private final AdvisoryService advisories;
    private final ProviderKey key;

    PublicIntake(PsirtService psirt, AdvisoryService advisories, ProviderKey key) {
        this.psirt = psirt;
        this.advisories = advisories;
        this.key = key;
    }

    @GetMapping("/report-vulnerability")
    @PublicEndpoint("researchers report vulnerabilities without an account")
    String form(Model model) {
        model.addAttribute("publicKey", key.signer().armoredPublicKey());
        model.addAttribute("fingerprint", key.signer().fingerprint());
        model.addAttribute("maxBytes", psirt.settings().maxAttachmentBytes());
        model.addAttribute("types", new java.util.TreeSet<>(List.of("txt", "md", "log", "json", "pdf", "png", "jpg",
                "zip", "pcap")));
        return "psirt/report";
    }

    @PostMapping("/report-vulnerability")
    @PublicEndpoint("researchers report vulnerabilities without an account (CSRF-protected form, rate-limited)")
    String submit(@RequestParam(required = false) String product, @RequestParam(required = false) String version,
                  @RequestParam(required = false) String description, @RequestParam(required = false) String contact,
                  @RequestParam(required = false) String openPgpKey,
                  @RequestParam(required = false) MultipartFile attachment, HttpServletRequest request, Model model)
            throws IOException {
        try {
            var ack = psirt.submitReport(submission(product, version, description, contact, openPgpKey, attachment),
                    request.getRemoteAddr());
            model.addAttribute("ack", ack);
            return "psirt/report-received";
        } catch (InvalidPsirtInput | TooManyReports e) {
            model.addAttribute("problems", e instanceof InvalidPsirtInput invalid ? invalid.problems()
                    : List.of(e.getMessage()));
            model.addAttribute("product", product);
            model.addAttribute("version", version);
            model.addAttribute("description", description);
            model.addAttribute("contact", contact);
            model.addAttribute("openPgpKey", openPgpKey);
            return form(model);
        }
    }

    static PsirtService.ReportSubmission submission(String product, String version, String description, String contact,
            String openPgpKey, MultipartFile attachment) throws IOException {
        byte[] bytes = null;
        String name = null;
        if (attachment != null && !attachment.isEmpty()) {
            name = attachment.getOriginalFilename();
            bytes = attachment.getBytes();
        }
        return new PsirtService.ReportSubmission(product, version, description, contact, openPgpKey, name, bytes);
    }

    @PostMapping("/report-vulnerability/status")
    @PublicEndpoint("the reporter follows the report with the tracking token (sent in the body, never in a URL)")
    String status(@RequestParam(required = false) String token, Model model) {
        try {
            model.addAttribute("view", psirt.reporterView(token));
            model.addAttribute("token", token);
        } catch (UnknownCase e) {
            model.addAttribute("problems", List.of(e.getMessage()));
        }
        return "psirt/report-status";
    }

    @GetMapping("/report-vulnerability/status")
    @PublicEndpoint("the form where a reporter enters the tracking token")
    String statusForm() {
        return "psirt/report-status";
    }

    @PostMapping("/report-vulnerability/message")
    @PublicEndpoint("the reporter answers the team with the tracking token")
    String reporterMessage(@RequestParam(required = false) String token, @RequestParam(required = false) String body,
                           Model model) {
        try {
            psirt.reporterMessage(token, body);
            model.addAttribute("message", "Your message was sent.");
        } catch (InvalidPsirtInput e) {
            model.addAttribute("problems", e.problems());
        }
        return status(token, model);
    }

    // ---- API ------------------------------------------------------------------------------------

    record ReportAccepted(String reference, String trackingToken, String statusUrl) {
    }

    @PostMapping(value = "/api/v1/public/reports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseBody
    @PublicEndpoint("researchers report vulnerabilities without an account (rate-limited per address)")
    @Operation(summary = "Report a vulnerability (multipart: product, version, description, contact, openPgpKey, attachment)")
    ResponseEntity<ReportAccepted> submitApi(@RequestParam(required = false) String product,
                                             @RequestParam(required = false) String version,
                                             @RequestParam(required = false) String description,
                                             @RequestParam(required = false) String contact,
                                             @RequestParam(required = false) String openPgpKey,
                                             @RequestParam(required = false) MultipartFile attachment,
                                             HttpServletRequest request) throws IOException {
        var ack = psirt.submitReport(submission(product, version, description, contact, openPgpKey, attachment),
                request.getRemoteAddr());
        return ResponseEntity.status(HttpStatus.CREATED).body(new ReportAccepted(ack.reference(), ack.trackingToken(),
                "/api/v1/public/reports/status"));
    }

    record ReportStatus(String reference, String state, Instant receivedAt, String advisory, List<Map<String, Object>> messages) {
    }

    @GetMapping("/api/v1/public/reports/status")
    @ResponseBody
    @PublicEndpoint("the reporter follows the report; the tracking token (header X-Tracking-Token) is the credential")
    @Operation(summary = "Status of a reported vulnerability, by tracking token (header X-Tracking-Token)")
    ReportStatus statusApi(@RequestHeader(name = "X-Tracking-Token", required = false) String token) {
        var view = psirt.reporterView(token);
        return new ReportStatus(view.reference(), view.state().name(), view.receivedAt(), view.advisoryTrackingId(),
                view.messages().stream().map(m -> Map.<String, Object>of("from",
                        m.kind().equals("FROM_REPORTER") ? "reporter" : "psirt", "at", m.createdAt(), "body", m.body()))
                        .toList());
    }

    // ---- well-known -----------------------------------------------------------------------------

    @GetMapping(value = "/.well-known/security.txt", produces = "text/plain;charset=UTF-8")
    @ResponseBody
    @PublicEndpoint("RFC 9116: how to report a vulnerability")
    String securityTxt() {
        var s = psirt.settings();
        Instant expires = psirt.now().plus(365, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        return "Contact: " + s.contact() + "\n"
                + "Contact: " + s.publicUrl() + "/report-vulnerability\n"
                + "Expires: " + expires + "\n"
                + "Encryption: " + s.publicUrl() + "/.well-known/csaf/openpgp/" + key.signer().fingerprint() + ".asc\n"
                + "Preferred-Languages: en\n"
                + "Canonical: " + s.publicUrl() + "/.well-known/security.txt\n"
                + "Policy: " + s.publicUrl() + "/report-vulnerability\n"
                + "CSAF: " + s.publicUrl() + "/.well-known/csaf/provider-metadata.json\n";
    }

    @GetMapping("/.well-known/csaf/**")
    @PublicEndpoint("CSAF 2.0 trusted provider: published TLP:WHITE advisories, indexes, feeds, hashes, signatures")
    ResponseEntity<byte[]> csaf(HttpServletRequest request) {
        String path = request.getRequestURI().substring("/.well-known/csaf/".length());
        byte[] file = advisories.providerFiles().get(path);
        if (file == null) {
            return ResponseEntity.notFound().build();
        }
        MediaType type = path.endsWith(".json") ? MediaType.APPLICATION_JSON
                : path.endsWith(".asc") ? MediaType.parseMediaType("application/pgp-signature")
                : MediaType.parseMediaType("text/plain;charset=UTF-8");
        if (path.startsWith("openpgp/")) {
            type = MediaType.parseMediaType("application/pgp-keys");
        }
        return ResponseEntity.ok().contentType(type).body(file);
    }

    @GetMapping("/advisories/{trackingId}")
    @PublicEndpoint("the human-readable page of a published TLP:WHITE advisory")
    String advisoryPage(@PathVariable String trackingId, Model model) {
        Advisory advisory = advisories.byTrackingId(trackingId)
                .filter(a -> a.published() && a.tlp().equals("WHITE"))
                .orElseThrow(() -> new UnknownCase("There is no published advisory " + trackingId + "."));
        model.addAttribute("advisory", advisory);
        model.addAttribute("csafPath", "/.well-known/csaf/white/" + advisory.initialRelease()
                .atOffset(java.time.ZoneOffset.UTC).getYear() + "/" + eu.vigil.core.csaf.CsafWriter.fileName(trackingId));
        model.addAttribute("csaf", AdvisoryView.of(advisory.document().getBytes(StandardCharsets.UTF_8)));
        return "psirt/advisory";
    }
}
