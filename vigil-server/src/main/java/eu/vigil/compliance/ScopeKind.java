package eu.vigil.compliance;

/** What an assessment looks at: the entity (NIS2) or one product (CRA, ETSI EN 303 645). */
public enum ScopeKind {
    ENTITY, PRODUCT
}
