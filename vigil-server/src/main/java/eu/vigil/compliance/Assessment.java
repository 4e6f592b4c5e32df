package eu.vigil.compliance;

import java.time.Instant;
import java.util.List;

/**
 * An assessment of one scope against one or more catalogues.
 *
 * @param id              the assessment id
 * @param title           a name people recognise ("NIS2 self-assessment 2026")
 * @param scopeKind       entity or product
 * @param productName     the product, for a product assessment; otherwise {@code null}
 * @param catalogues      catalogue ids, e.g. {@code nis2}, {@code ir2690}
 * @param profileVersion  the entity-profile version in force when it was created, or {@code null}
 * @param classification  the entity's NIS2 classification then, or {@code null}
 * @param profileOutdated the entity profile changed since
 * @param targetMaturity  the level below which an applicable requirement is a gap
 * @param version         counts every change, so that an approval names what it approved
 */
public record Assessment(long id, String title, ScopeKind scopeKind, String productName, List<String> catalogues,
                         Integer profileVersion, String classification, boolean profileOutdated, int targetMaturity,
                         int version, String createdBy, Instant createdAt, Instant updatedAt) {

    public Assessment {
        catalogues = List.copyOf(catalogues);
    }

    /** What is assessed, in words. */
    public String scopeLabel() {
        return scopeKind == ScopeKind.PRODUCT ? "Product: " + productName : "The entity";
    }
}
