package eu.vigil.core.vex;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One VEX statement: the state of one vulnerability in one component of one product.
 *
 * @param vulnerabilityId the vulnerability's id (CVE-…, GHSA-…, OSV id)
 * @param aliases         its other ids, possibly empty
 * @param productId       the product (release) the statement is about: a purl or another identifier; null when
 *                        the document is about one product only
 * @param componentPurl   the component's Package URL (or the CycloneDX bom-ref written in {@code affects})
 * @param state           never null
 * @param justification   why not affected, or null
 * @param detail          free text (CycloneDX {@code analysis.detail}, OpenVEX {@code impact_statement} or
 *                        {@code action_statement}), or null
 * @param timestamp       when the statement was made, or null
 */
public record VexStatement(String vulnerabilityId, List<String> aliases, String productId, String componentPurl,
                           VexState state, VexJustification justification, String detail, Instant timestamp) {

    public VexStatement {
        Objects.requireNonNull(vulnerabilityId, "vulnerabilityId");
        Objects.requireNonNull(componentPurl, "componentPurl");
        Objects.requireNonNull(state, "state");
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }
}
