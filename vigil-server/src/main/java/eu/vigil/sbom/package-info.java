/**
 * The SBOM repository: products, releases, their SBOMs, the components shared across releases
 * with their dependency graph, licences, continuous matching against the vulnerability knowledge
 * base, findings with triage and VEX, and impact analysis. Other modules see {@link eu.vigil.sbom.Portfolio}
 * and this package's events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "SBOM repository")
package eu.vigil.sbom;
