package eu.vigil.core.nis2;

import java.util.Objects;

/**
 * One selectable entity type: an Annex I or II entity type of NIS2, or one of the few types the
 * Directive brings in outside the Annexes.
 *
 * @param code stable code, {@code sector.subsector.entity} or {@code sector.entity}
 * @param annex where the Directive lists it
 * @param annexReference the Annex point (e.g. {@code I.1(a)}) or the article for types outside the Annexes
 * @param sector display name of the sector
 * @param subsector display name of the subsector, or {@code null} where the sector has none
 * @param displayName short name for a selection list
 * @param definition the legal act and article that define the type, or {@code null}
 * @param sizeIndependent in scope whatever the size (Art. 2(2)–(4))
 * @param essentialRegardlessOfSize essential whatever the size (Art. 3(1)(b), (d), (f)); qualified trust
 *        service providers are essential too, which the profile's {@code qualifiedTrustServiceProvider} says
 */
public record EntityType(
        String code,
        Annex annex,
        String annexReference,
        String sector,
        String subsector,
        String displayName,
        String definition,
        boolean sizeIndependent,
        boolean essentialRegardlessOfSize) {

    public EntityType {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(annex, "annex");
        Objects.requireNonNull(annexReference, "annexReference");
        Objects.requireNonNull(sector, "sector");
        Objects.requireNonNull(displayName, "displayName");
    }

    /** Listed in Annex I or II. */
    public boolean listedInAnnex() {
        return annex != Annex.OUTSIDE_ANNEXES;
    }
}
