package eu.vigil.keys;

/** Published when a blob fails its check on read: the audit trail records it. */
public record BlobCorrupted(String blobId, String purpose, String reason) {
}
