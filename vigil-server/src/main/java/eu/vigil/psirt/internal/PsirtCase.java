package eu.vigil.psirt.internal;

import java.time.Instant;
import java.util.List;

/** A case as the pages and the API show it (description decrypted). */
public record PsirtCase(long id, String title, CaseState state, String origin, String owner, Long productId,
                        List<Long> affectedReleaseIds, Long fixedReleaseId, String productText, String versionText,
                        String description, String cvss31, String cvss40, String severity, String cweId,
                        String cveId, boolean activelyExploited, Instant exploitedAwareAt,
                        Instant measureAvailableAt, Long findingId, Instant receivedAt, Instant acknowledgedAt,
                        Instant triagedAt, Instant fixedAt, Instant disclosedAt, Instant updatedAt, String updatedBy) {

    public String reference() {
        return "PSIRT-" + id;
    }
}
