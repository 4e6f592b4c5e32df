package eu.vigil.sbom;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Read access to the vendor's products and releases, for the modules that refer to them. */
public interface Portfolio {

    List<Product> products();

    Optional<Product> product(long productId);

    List<Release> releases(long productId);

    Optional<Release> release(long releaseId);

    /** A finding of the SBOM matching, for a module that promotes it (for example to a PSIRT case). */
    Optional<FindingSummary> finding(long findingId);

    /**
     * A product.
     *
     * @param key         a short stable identifier, such as {@code "cam-x"} (used in URLs and tags)
     * @param purl        the product's own Package URL without a version, or null
     * @param cpe         the product's CPE 2.3 name without a version, or null
     * @param craCategory the CRA category: {@code default}, {@code important-class-1},
     *                    {@code important-class-2} or {@code critical}
     */
    record Product(long id, String key, String name, String vendor, String owner, String purl, String cpe,
                   String craCategory, LocalDate supportEnds) {
    }

    /** A release of a product; status is {@code development}, {@code supported} or {@code end-of-life}. */
    record Release(long id, long productId, String version, LocalDate releasedOn, String status) {
    }

    /** A finding: a vulnerability in a component of a release. */
    record FindingSummary(long id, long releaseId, String componentPurl, String vulnerabilityId,
                          List<String> aliases, String summary, String severity, String cvssVector,
                          List<String> fixedVersions, String state) {
    }
}
