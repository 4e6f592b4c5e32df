package eu.vigil.incidents.internal;

import java.time.Instant;

/** A document attached to a continuity plan as evidence; its content is an encrypted blob. */
public record ContinuityDocument(long id, long planId, String fileName, long sizeBytes, String sha256, Instant uploadedAt,
                                 String uploadedBy) {
}
