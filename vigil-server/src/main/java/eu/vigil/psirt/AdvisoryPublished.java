package eu.vigil.psirt;

/**
 * A CSAF advisory was published (or republished in a new revision).
 *
 * @param trackingId   the advisory's CSAF tracking id
 * @param productKey   the key of the product it concerns, or null
 * @param fixedVersion the release that fixes it, or null
 */
public record AdvisoryPublished(long caseId, String trackingId, int version, String productKey, String fixedVersion) {
}
