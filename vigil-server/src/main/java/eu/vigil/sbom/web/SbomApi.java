package eu.vigil.sbom.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import eu.vigil.identity.CurrentUser;
import eu.vigil.keys.BlobStore;
import eu.vigil.sbom.Portfolio.Product;
import eu.vigil.sbom.Portfolio.Release;
import eu.vigil.sbom.internal.Findings;
import eu.vigil.sbom.internal.Impact;
import eu.vigil.sbom.internal.InvalidSbomInput;
import eu.vigil.sbom.internal.Licences;
import eu.vigil.sbom.internal.Matching;
import eu.vigil.sbom.internal.Products;
import eu.vigil.sbom.internal.Repository;
import eu.vigil.sbom.internal.SbomManagement;
import eu.vigil.sbom.internal.UnknownSbomObject;
import eu.vigil.sbom.internal.VexExchange;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The SBOM repository over the API: products, releases, SBOM upload (also by product key and
 * version, for CI pipelines), components, findings with triage, impact analysis, VEX and licences.
 * Lists are paged ({@code page} from 0, {@code size} up to 200).
 */
@RestController
@RequestMapping("/api/v1")
class SbomApi {

    private final SbomManagement management;
    private final Products products;
    private final Findings findings;
    private final Impact impact;
    private final Repository repository;
    private final Licences licences;
    private final VexExchange vex;
    private final Matching matching;
    private final BlobStore blobs;

    SbomApi(SbomManagement management, Products products, Findings findings, Impact impact, Repository repository,
            Licences licences, VexExchange vex, Matching matching, BlobStore blobs) {
        this.management = management;
        this.products = products;
        this.findings = findings;
        this.impact = impact;
        this.repository = repository;
        this.licences = licences;
        this.vex = vex;
        this.matching = matching;
        this.blobs = blobs;
    }

    /** A page of a list. */
    record Page<T>(List<T> items, long total, int page, int size) {
    }

    record ProductRequest(String key, String name, String vendor, String owner, String purl, String cpe,
                          String craCategory, LocalDate supportEnds) {
        Product product() {
            return new Product(0, key, name, vendor, owner, purl, cpe, craCategory, supportEnds);
        }
    }

    record ReleaseRequest(String version, LocalDate releasedOn, String status) {
    }

    record AnalysisRequest(String state, String justification, String detail) {
    }

    record PolicyRequest(String decision) {
    }

    static int size(Integer size) {
        if (size == null) {
            return 50;
        }
        if (size < 1 || size > 200) {
            throw new InvalidSbomInput("size", "The page size is between 1 and 200.");
        }
        return size;
    }

    static int page(Integer page) {
        if (page == null) {
            return 0;
        }
        if (page < 0 || page > 1_000_000) {
            throw new InvalidSbomInput("page", "The page number starts at 0.");
        }
        return page;
    }

    // ---- products and releases ---------------------------------------------------------------

    @GetMapping("/products")
    @PreAuthorize(SbomAccess.READ)
    @Operation(summary = "List products (paged, filtered by text)")
    Page<Product> products(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
                           @RequestParam(required = false) Integer size) {
        int s = size(size);
        int p = page(page);
        return new Page<>(products.products(q, p * s, s), products.count(q), p, s);
    }

    @PostMapping("/products")
    @PreAuthorize(SbomAccess.WRITE)
    @Operation(summary = "Create a product")
    ResponseEntity<Product> createProduct(@RequestBody(required = false) ProductRequest request, @AuthenticationPrincipal CurrentUser user) {
        if (request == null) {
            throw new InvalidSbomInput("body", "A product is needed.");
        }
        Product created = management.createProduct(request.product(), user.username());
        return ResponseEntity.created(URI.create("/api/v1/products/" + created.id())).body(created);
    }

    @GetMapping("/products/{id}")
    @PreAuthorize(SbomAccess.READ)
    @Operation(summary = "Get a product")
    Product product(@PathVariable long id) {
        return management.product(id);
    }

    @PutMapping("/products/{id}")
    @PreAuthorize(SbomAccess.WRITE)
    @Operation(summary = "Update a product (the key stays)")
    Product updateProduct(@PathVariable long id, @RequestBody(required = false) ProductRequest request) {
        if (request == null) {
            throw new InvalidSbomInput("body", "A product is needed.");
        }
        return management.updateProduct(id, request.product());
    }

    @GetMapping("/products/{id}/releases")
    @PreAuthorize(SbomAccess.READ)
    @Operation(summary = "List a product's releases, newest first")
    List<Release> releases(@PathVariable long id) {
        management.product(id);
        return products.releases(id);
    }

    @PostMapping("/products/{id}/releases")
    @PreAuthorize(SbomAccess.WRITE)
    @Operation(summary = "Create a release of a product")
    ResponseEntity<Release> createRelease(@PathVariable long id, @RequestBody(required = false) ReleaseRequest request,
                                          @AuthenticationPrincipal CurrentUser user) {
        if (request == null) {
            throw new InvalidSbomInput("body", "A release is needed.");
        }
        Release created = management.createRelease(id, request.version(), request.releasedOn(), request.status(),
                user.username());
        return ResponseEntity.created(URI.create("/api/v1/releases/" + created.id())).body(created);
    }

    @GetMapping("/releases/{id}")
    @PreAuthorize(SbomAccess.READ)
    @Operation(summary = "Get a release")
    Release release(@PathVariable long id) {
        return management.release(id);
    }

    @PutMapping("/releases/{id}")
    @PreAuthorize(SbomAccess.WRITE)
    @Operation(summary = "Change a release's status or date")
    Release updateRelease(@PathVariable long id, @RequestBody(required = false) ReleaseRequest request) {
        if (request == null) {
            throw new InvalidSbomInput("body", "A release is needed.");
        }
        return management.updateRelease(id, request.releasedOn(), request.status());
    }

    // ---- SBOMs ------------------------------------------------------------------------------

    @PostMapping("/releases/{id}/sboms")
    @PreAuthorize(SbomAccess.WRITE)
    @Operation(summary = "Upload an SBOM (CycloneDX 1.4-1.6 JSON/XML, SPDX 2.3) for a release; it is matched at once")
    ResponseEntity<SbomManagement.UploadResult> upload(@PathVariable long id, HttpServletRequest request,
                                                       @AuthenticationPrincipal CurrentUser user) throws IOException {
        return upload(id, file(request), user);
    }

    /** The multipart part 'file' (read here rather than bound, so that role checks come before any body check). */
    static MultipartFile file(HttpServletRequest request) {
        MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        MultipartFile file = multipart == null ? null : multipart.getFile("file");
        if (file == null) {
            throw new InvalidSbomInput("file", "Send the file as a multipart/form-data part named 'file'.");
        }
        return file;
    }

    private ResponseEntity<SbomManagement.UploadResult> upload(long id, MultipartFile file, CurrentUser user)
            throws IOException {
        try (InputStream in = file.getInputStream()) {
            var result = management.upload(id, file.getOriginalFilename(), in, user.username());
            return ResponseEntity.created(URI.create("/api/v1/releases/" + id + "/sboms/" + result.documentId())).body(result);
        }
    }

    @PostMapping("/sboms")
    @PreAuthorize(SbomAccess.WRITE)
    @Operation(summary = "Upload an SBOM by product key and version (the release is created when missing), for CI")
    ResponseEntity<SbomManagement.UploadResult> uploadFor(@RequestParam(required = false) String product,
                                                          @RequestParam(required = false) String version,
                                                          HttpServletRequest request,
                                                          @AuthenticationPrincipal CurrentUser user) throws IOException {
        MultipartFile file = file(request);
        Release release = management.releaseFor(product, version, user.username());
        return upload(release.id(), file, user);
    }

    @GetMapping("/releases/{id}/sboms")
    @PreAuthorize(SbomAccess.READ)
    @Operation(summary = "List the SBOM documents of a release")
    List<Repository.Document> documents(@PathVariable long id) {
        management.release(id);
        return repository.documents(id);
    }

    @GetMapping("/releases/{id}/sboms/{documentId}")
    @PreAuthorize(SbomAccess.READ)
    @Operation(summary = "Download an SBOM document as uploaded")
    ResponseEntity<InputStreamResource> document(@PathVariable long id, @PathVariable long documentId) {
        Repository.Document d = repository.document(id, documentId)
                .orElseThrow(() -> new UnknownSbomObject("SBOM document", documentId));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(d.fileName() == null ? "sbom-" + d.id() : d.fileName()).build().toString())
                .body(new InputStreamResource(blobs.open(d.blobId())));
    }

    @GetMapping("/releases/{id}/components")
    @PreAuthorize(SbomAccess.READ)
    @Operation(summary = "List a release's components in tree order with their paths (paged)")
    Page<Repository.ReleaseComponent> components(@PathVariable long id, @RequestParam(required = false) String q,
                                                 @RequestParam(required = false) Integer page,
                                                 @RequestParam(required = false) Integer size) {
        management.release(id);
        int s = size(size);
        int p = page(page);
        return new Page<>(repository.releaseComponents(id, q, p * s, s), repository.countReleaseComponents(id, q), p, s);
    }

    @GetMapping("/releases/{id}/licences")
    @PreAuthorize(SbomAccess.READ)
    @Operation(summary = "A release's licence report against the policy")
    Licences.Report licenceReport(@PathVariable long id) {
        management.release(id);
        return licences.report(id);
    }

    @GetMapping("/components/{id}")
    @PreAuthorize(SbomAccess.READ)
    @Operation(summary = "A component with the releases that use it (paged)")
    Map<String, Object> component(@PathVariable long id, @RequestParam(required = false) Integer page,
                                  @RequestParam(required = false) Integer size) {
        var c = repository.component(id).orElseThrow(() -> new UnknownSbomObject("component", id));
        int s = size(size);
        int p = page(page);
        return Map.of("component", c, "usedIn", new Page<>(repository.usages(id, p * s, s), c.releases(), p, s));
    }

    // ---- findings, triage, impact, VEX -------------------------------------------------------

    @GetMapping("/findings")
    @PreAuthorize(SbomAccess.READ)
    @Operation(summary = "List findings (paged; filter by product, release, component, vulnerability, minimum severity, state, text)")
    Page<Findings.Finding> findings(@RequestParam(required = false) Long productId,
                                    @RequestParam(required = false) Long releaseId,
                                    @RequestParam(required = false) Long componentId,
                                    @RequestParam(required = false) String vulnerability,
                                    @RequestParam(required = false) String severity,
                                    @RequestParam(required = false) String state,
                                    @RequestParam(required = false) String q,
                                    @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        Findings.Filter filter = new Findings.Filter(productId, releaseId, componentId, vulnerability,
                SeverityParam.rank(severity), SeverityParam.state(state), q, false);
        int s = size(size);
        int p = page(page);
        return new Page<>(findings.page(filter, p * s, s), findings.count(filter), p, s);
    }

    record FindingView(Findings.Finding finding, List<Findings.Analysis> history) {
    }

    @GetMapping("/findings/{id}")
    @PreAuthorize(SbomAccess.READ)
    @Operation(summary = "A finding with its triage history")
    FindingView finding(@PathVariable long id) {
        return new FindingView(findings.find(id).orElseThrow(() -> new UnknownSbomObject("finding", id)), findings.history(id));
    }

    @PutMapping("/findings/{id}/analysis")
    @PreAuthorize(SbomAccess.WRITE)
    @Operation(summary = "Triage a finding (state, justification, comment); carried to the product's other releases with the same component")
    SbomManagement.AnalysisResult analyse(@PathVariable long id, @RequestBody(required = false) AnalysisRequest request,
                                          @AuthenticationPrincipal CurrentUser user) {
        if (request == null) {
            throw new InvalidSbomInput("body", "An analysis is needed.");
        }
        return management.analyse(id, request.state(), request.justification(), request.detail(), user.username());
    }

    @GetMapping("/impact")
    @PreAuthorize(SbomAccess.READ)
    @Operation(summary = "Which products and releases a vulnerability id or a purl (with version or range) affects, with paths and fixes")
    Impact.Answer impact(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
                         @RequestParam(required = false) Integer size) {
        int s = size(size);
        int p = page(page);
        return impact.query(q, p * s, s);
    }

    @GetMapping("/releases/{id}/vex")
    @PreAuthorize(SbomAccess.READ)
    @Operation(summary = "Export a release's triage as CycloneDX VEX (format=cyclonedx), OpenVEX (format=openvex) or CSAF VEX (format=csaf)")
    ResponseEntity<byte[]> exportVex(@PathVariable long id, @RequestParam(required = false) String format) {
        VexExchange.Format f = VexExchange.Format.of(format);
        byte[] body = vex.export(id, f);
        String name = "release-" + id + (switch (f) {
            case CYCLONEDX -> ".cdx-vex.json";
            case OPENVEX -> ".openvex.json";
            case CSAF -> ".csaf-vex.json";
        });
        return ResponseEntity.ok()
                .contentType(f == VexExchange.Format.CYCLONEDX ? MediaType.parseMediaType("application/vnd.cyclonedx+json")
                        : MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
    }

    @PostMapping("/releases/{id}/vex")
    @PreAuthorize(SbomAccess.WRITE)
    @Operation(summary = "Import CycloneDX VEX or OpenVEX statements into a release's triage")
    VexExchange.ImportResult importVex(@PathVariable long id, @RequestParam(required = false) String format,
                                       HttpServletRequest request, @AuthenticationPrincipal CurrentUser user)
            throws IOException {
        return vex.importVex(id, VexExchange.Format.of(format), file(request).getBytes(), user.username());
    }

    // ---- licence policy and matching -----------------------------------------------------------

    @GetMapping("/licence-policy")
    @PreAuthorize(SbomAccess.READ)
    @Operation(summary = "The licence policy")
    List<Licences.PolicyEntry> policy() {
        return licences.policy();
    }

    @PutMapping("/licence-policy/{licenceId}")
    @PreAuthorize(SbomAccess.WRITE)
    @Operation(summary = "Set a licence's decision: allowed, review or forbidden (empty removes it)")
    List<Licences.PolicyEntry> decide(@PathVariable String licenceId, @RequestBody(required = false) PolicyRequest request,
                                      @AuthenticationPrincipal CurrentUser user) {
        licences.decide(licenceId, request == null ? null : request.decision(), user.username());
        return licences.policy();
    }

    @PostMapping("/sbom/match")
    @PreAuthorize(SbomAccess.WRITE)
    @Operation(summary = "Re-match every stored component against the knowledge base (in chunks)")
    Matching.Outcome matchAll() {
        return matching.matchAll();
    }
}
