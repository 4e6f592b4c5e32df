package eu.vigil.core.nis2;

/** Where the Directive lists an entity type. */
public enum Annex {
    /** Annex I: sectors of high criticality. */
    ANNEX_I,
    /** Annex II: other critical sectors. */
    ANNEX_II,
    /** Not an Annex type: brought in by Art. 2(3), 2(4) or a Member State option of Art. 2(5). */
    OUTSIDE_ANNEXES
}
