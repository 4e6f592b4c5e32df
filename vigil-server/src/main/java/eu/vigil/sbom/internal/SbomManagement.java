package eu.vigil.sbom.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import eu.vigil.audit.AuditEvent;
import eu.vigil.audit.AuditTrail;
import eu.vigil.core.InvalidInputException;
import eu.vigil.core.purl.PackageUrl;
import eu.vigil.core.sbom.Sbom;
import eu.vigil.core.sbom.SbomLimits;
import eu.vigil.core.sbom.SbomReader;
import eu.vigil.core.vex.VexJustification;
import eu.vigil.core.vex.VexState;
import eu.vigil.keys.BlobStore;
import eu.vigil.sbom.Portfolio.Product;
import eu.vigil.sbom.Portfolio.Release;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SBOM repository's facade: products, releases, SBOM upload (parsed, stored encrypted,
 * components shared, matched at once), triage. Every rule about input is checked here so that the
 * API and the pages answer the same; every change is audited.
 */
@Service
@Transactional
public class SbomManagement {

    static final Set<String> CRA_CATEGORIES = Set.of("default", "important-class-1", "important-class-2", "critical");
    static final Set<String> RELEASE_STATUSES = Set.of("development", "supported", "end-of-life");

    private final Products products;
    private final ComponentStore components;
    private final Matching matching;
    private final Findings findings;
    private final CarryForward carryForward;
    private final BlobStore blobs;
    private final AuditTrail audit;
    private final SbomSettings settings;
    private final Clock clock;

    SbomManagement(Products products, ComponentStore components, Matching matching, Findings findings,
                   CarryForward carryForward, BlobStore blobs, AuditTrail audit, SbomSettings settings, Clock clock) {
        this.products = products;
        this.components = components;
        this.matching = matching;
        this.findings = findings;
        this.carryForward = carryForward;
        this.blobs = blobs;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    // ---- products and releases ---------------------------------------------------------------

    public Product createProduct(Product draft, String user) {
        Product valid = validate(draft, 0);
        if (products.productByKey(valid.key()).isPresent()) {
            throw new InvalidSbomInput("key", "A product with the key '" + valid.key() + "' exists already.");
        }
        long id;
        try {
            id = products.insert(valid, clock.instant(), user);
        } catch (DuplicateKeyException e) {
            throw new InvalidSbomInput("key", "A product with the key '" + valid.key() + "' exists already.");
        }
        audit.record(AuditEvent.of("sbom.product.create").object("product", id).detail("key", valid.key())
                .detail("name", valid.name()));
        return products.product(id).orElseThrow();
    }

    public Product updateProduct(long id, Product draft) {
        Product existing = product(id);
        Product valid = validate(draft, id);
        products.update(new Product(id, existing.key(), valid.name(), valid.vendor(), valid.owner(), valid.purl(),
                valid.cpe(), valid.craCategory(), valid.supportEnds()));
        audit.record(AuditEvent.of("sbom.product.update").object("product", id).detail("name", valid.name())
                .detail("craCategory", valid.craCategory()).detail("supportEnds", valid.supportEnds()));
        return product(id);
    }

    public Product product(long id) {
        return products.product(id).orElseThrow(() -> new UnknownSbomObject("product", id));
    }

    public Release createRelease(long productId, String version, LocalDate releasedOn, String status, String user) {
        product(productId);
        String v = required("version", version, 100);
        String s = status(status);
        if (products.release(productId, v).isPresent()) {
            throw new InvalidSbomInput("version", "This product has a release " + v + " already.");
        }
        long id = products.insertRelease(productId, v, releasedOn, s, clock.instant(), user);
        audit.record(AuditEvent.of("sbom.release.create").object("release", id).detail("product", productId)
                .detail("version", v).detail("status", s));
        return release(id);
    }

    public Release updateRelease(long id, LocalDate releasedOn, String status) {
        Release existing = release(id);
        String s = status == null || status.isBlank() ? existing.status() : status(status);
        LocalDate on = releasedOn != null ? releasedOn : existing.releasedOn();
        products.updateRelease(id, on, s);
        audit.record(AuditEvent.of("sbom.release.update").object("release", id).detail("status", s)
                .detail("releasedOn", on));
        return release(id);
    }

    public Release release(long id) {
        return products.release(id).orElseThrow(() -> new UnknownSbomObject("release", id));
    }

    /** The release of a product (by key) and version, created as {@code development} when missing (for CI uploads). */
    public Release releaseFor(String productKey, String version, String user) {
        Product product = products.productByKey(productKey == null ? "" : productKey.strip())
                .orElseThrow(() -> new UnknownSbomObject("product with the key", productKey));
        String v = required("version", version, 100);
        return products.release(product.id(), v).orElseGet(() -> createRelease(product.id(), v, null, "development", user));
    }

    // ---- SBOM upload -----------------------------------------------------------------------------

    /** What an upload stored and found. */
    public record UploadResult(long documentId, long releaseId, String format, String specVersion, int components,
                               int newInRelease, int matches, int newFindings) {
    }

    /**
     * Reads, stores and matches an SBOM for a release. A document that does not parse, is of an
     * unsupported version or is larger than the limit is refused and nothing is stored.
     */
    public UploadResult upload(long releaseId, String fileName, InputStream content, String user) {
        Release release = release(releaseId);
        long max = settings.maxSbomSize().toBytes();
        byte[] bytes;
        try {
            bytes = content.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, max + 1));
        } catch (IOException e) {
            throw new InvalidSbomInput("file", "The SBOM could not be read: " + e.getMessage());
        }
        if (bytes.length > max) {
            throw new InvalidSbomInput("file", "The SBOM is larger than the limit of " + max + " bytes.");
        }
        Sbom sbom;
        try {
            sbom = new SbomReader(SbomLimits.DEFAULT.withMaxBytes(max)).read(bytes);
        } catch (InvalidInputException e) {
            throw new InvalidSbomInput("file", "The SBOM was refused: " + e.getMessage());
        }
        BlobStore.StoredBlob blob = blobs.put("sbom", new ByteArrayInputStream(bytes));
        Instant now = clock.instant();
        long documentId = components.insertDocument(releaseId, blob.id(), fileName, sbom, blob.sha256(), blob.size(), now, user);
        ComponentStore.StoredSbom stored = components.store(releaseId, documentId, sbom);
        Matching.Outcome outcome = matching.match(stored.componentIds());
        audit.record(AuditEvent.of("sbom.upload").object("release", releaseId).detail("document", documentId)
                .detail("format", sbom.format().name()).detail("specVersion", sbom.specVersion())
                .detail("sha256", blob.sha256()).detail("components", stored.components())
                .detail("newFindings", outcome.newFindings()));
        return new UploadResult(documentId, release.id(), sbom.format().name(), sbom.specVersion(), stored.components(),
                stored.newInRelease(), outcome.matches(), outcome.newFindings());
    }

    // ---- triage --------------------------------------------------------------------------------

    /** What a triage decision changed: the finding, and how many findings of other releases it was carried to. */
    public record AnalysisResult(Findings.Finding finding, int carriedTo) {
    }

    public AnalysisResult analyse(long findingId, String state, String justification, String detail, String user) {
        return analyse(findingId, state, justification, detail, user, "manual");
    }

    AnalysisResult analyse(long findingId, String state, String justification, String detail, String user, String source) {
        findings.find(findingId).orElseThrow(() -> new UnknownSbomObject("finding", findingId));
        VexState s;
        VexJustification j;
        try {
            s = VexState.parse(state);
            j = VexJustification.parse(justification);
        } catch (InvalidInputException e) {
            throw new InvalidSbomInput(e.getMessage().startsWith("state") ? "state" : "justification", e.getMessage());
        }
        String d = detail == null || detail.isBlank() ? null : detail.strip();
        if (d != null && d.length() > 4000) {
            throw new InvalidSbomInput("detail", "The comment is longer than 4000 characters.");
        }
        if (s == VexState.NOT_AFFECTED && j == null) {
            throw new InvalidSbomInput("justification", "'Not affected' needs a justification (such as code_not_reachable).");
        }
        if (s != VexState.NOT_AFFECTED && j != null) {
            j = null; // CycloneDX and OpenVEX give a justification only to 'not affected'
        }
        Instant now = clock.instant();
        findings.analyse(findingId, s.name(), j == null ? null : j.cycloneDx(), d, now, user, source);
        int carried = s == VexState.IN_TRIAGE ? 0
                : carryForward.forward(findingId, s.name(), j == null ? null : j.cycloneDx(), d, now);
        audit.record(AuditEvent.of("sbom.finding.analyse").object("finding", findingId).detail("state", s.name())
                .detail("justification", j == null ? null : j.cycloneDx()).detail("source", source)
                .detail("carriedTo", carried));
        return new AnalysisResult(findings.find(findingId).orElseThrow(), carried);
    }

    // ---- validation ----------------------------------------------------------------------------

    private Product validate(Product p, long id) {
        if (p == null) {
            throw new InvalidSbomInput("body", "A product is needed.");
        }
        String key = id == 0 ? required("key", p.key(), 64) : "x";
        if (id == 0 && !key.matches("[a-z0-9][a-z0-9._-]*")) {
            throw new InvalidSbomInput("key", "The key may hold lower-case letters, digits, '.', '_' and '-' and starts "
                    + "with a letter or digit, such as cam-x.");
        }
        String name = required("name", p.name(), 200);
        String category = p.craCategory() == null || p.craCategory().isBlank() ? "default"
                : p.craCategory().strip().toLowerCase(Locale.ROOT);
        if (!CRA_CATEGORIES.contains(category)) {
            throw new InvalidSbomInput("craCategory", "The CRA category is one of default, important-class-1, "
                    + "important-class-2, critical.");
        }
        String purl = optional("purl", p.purl(), 1000);
        if (purl != null) {
            try {
                PackageUrl parsed = PackageUrl.parse(purl);
                if (parsed.version() != null) {
                    throw new InvalidSbomInput("purl", "The product's purl names no version (releases have versions).");
                }
            } catch (InvalidInputException e) {
                throw new InvalidSbomInput("purl", e.getMessage());
            }
        }
        String cpe = optional("cpe", p.cpe(), 1000);
        if (cpe != null && !cpe.startsWith("cpe:2.3:") && !cpe.startsWith("cpe:/")) {
            throw new InvalidSbomInput("cpe", "A CPE name starts with cpe:2.3: (or cpe:/ for CPE 2.2).");
        }
        return new Product(id, key, name, optional("vendor", p.vendor(), 200), optional("owner", p.owner(), 200), purl,
                cpe, category, p.supportEnds());
    }

    private static String status(String status) {
        String s = status == null || status.isBlank() ? "development" : status.strip().toLowerCase(Locale.ROOT)
                .replace(' ', '-').replace('_', '-');
        if (!RELEASE_STATUSES.contains(s)) {
            throw new InvalidSbomInput("status", "The status is one of development, supported, end-of-life.");
        }
        return s;
    }

    static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidSbomInput(field, "The " + field + " is required.");
        }
        String v = value.strip();
        if (v.length() > max) {
            throw new InvalidSbomInput(field, "The " + field + " is longer than " + max + " characters.");
        }
        return v;
    }

    static String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return required(field, value, max);
    }

    static Map<String, Object> map(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    static <T> List<T> list() {
        return new ArrayList<>();
    }
}
