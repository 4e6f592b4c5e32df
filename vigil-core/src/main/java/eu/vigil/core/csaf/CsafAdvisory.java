package eu.vigil.core.csaf;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a vendor's CSAF 2.0 security advisory says, in the terms a PSIRT case has: the writer
 * ({@link CsafWriter}) turns it into the CSAF document.
 *
 * @param trackingId     the advisory's unique id, such as {@code VIGIL-SA-2026-0001}
 * @param tlp            TLP v1 label of the distribution: WHITE, GREEN, AMBER or RED
 * @param status         draft, interim or final
 * @param revisions      the revision history, oldest first; the last one's number is the version
 */
public record CsafAdvisory(String trackingId, String title, String lang, String tlp, String status,
                           Publisher publisher, String summary, List<Revision> revisions,
                           List<Product> products, List<Vulnerability> vulnerabilities,
                           List<Reference> references, List<Acknowledgment> acknowledgments) {

    public CsafAdvisory {
        Objects.requireNonNull(trackingId, "trackingId");
        Objects.requireNonNull(title, "title");
        lang = lang == null ? "en" : lang;
        tlp = tlp == null ? "WHITE" : tlp;
        status = status == null ? "final" : status;
        Objects.requireNonNull(publisher, "publisher");
        revisions = List.copyOf(revisions);
        if (revisions.isEmpty()) {
            throw new IllegalArgumentException("an advisory needs at least one revision");
        }
        products = List.copyOf(products);
        vulnerabilities = List.copyOf(vulnerabilities);
        references = references == null ? List.of() : List.copyOf(references);
        acknowledgments = acknowledgments == null ? List.of() : List.copyOf(acknowledgments);
    }

    /** The issuing party; namespace is the vendor's web address (a URI). */
    public record Publisher(String name, String namespace, String contactDetails) {
    }

    /** One revision: integer number ({@code 1}, {@code 2}, ...), date, what changed. */
    public record Revision(int number, Instant date, String summary) {
    }

    /** A product with its releases, each of which becomes a product_version branch with a product id. */
    public record Product(String vendor, String name, List<ProductVersion> versions) {
        public Product {
            versions = List.copyOf(versions);
        }
    }

    /** A release of a product: productId is the CSAF product id; purl and cpe may be null. */
    public record ProductVersion(String productId, String version, String purl, String cpe) {
    }

    /**
     * A vulnerability: cve may be null (then localId is used under the vendor's id system); cweId and
     * cweName may be null; cvss31Vector may be null; the product lists hold product ids.
     */
    public record Vulnerability(String cve, String localId, String title, String description, String cweId,
                                String cweName, String cvss31Vector, String cvss40Vector,
                                List<String> knownAffected, List<String> fixed, List<String> knownNotAffected,
                                List<String> underInvestigation, List<Remediation> remediations,
                                boolean exploited) {
        public Vulnerability {
            knownAffected = List.copyOf(knownAffected);
            fixed = List.copyOf(fixed);
            knownNotAffected = List.copyOf(knownNotAffected);
            underInvestigation = List.copyOf(underInvestigation);
            remediations = List.copyOf(remediations);
        }
    }

    /** category: vendor_fix, mitigation, workaround, no_fix_planned or none_available. */
    public record Remediation(String category, String details, String url, List<String> productIds) {
        public Remediation {
            productIds = List.copyOf(productIds);
        }
    }

    /** A reference; category self or external. */
    public record Reference(String category, String summary, String url) {
    }

    public record Acknowledgment(List<String> names, String organization, String summary) {
        public Acknowledgment {
            names = names == null ? List.of() : List.copyOf(names);
        }
    }
}
