/**
 * Compliance: the shipped requirement catalogues (NIS2, Implementing Regulation (EU) 2024/2690,
 * CRA Annex I, ETSI EN 303 645), maturity assessments of an entity or a product against them,
 * roll-ups per section and per security area, the action plan made of the gaps, link and file evidence (files encrypted through {@code keys})
 * with recurring requests, and management approval (NIS2 Art. 20). Other modules use
 * {@link eu.vigil.compliance.ComplianceManagement} and the records beside it; the module reads
 * the entity's classification through {@code scope}'s API and listens to its profile changes.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Compliance",
        allowedDependencies = {"audit", "platform", "identity", "scope", "keys"})
package eu.vigil.compliance;
