/**
 * The vulnerability knowledge base: OSV records, NVD CVE API 2.0 files and suppliers' CSAF 2.0
 * advisories imported incrementally into one store of OSV-shaped records, indexed by package.
 * Other modules read it through {@link eu.vigil.vulndb.VulnerabilityCatalog} and react to
 * {@link eu.vigil.vulndb.VulnerabilitiesChanged}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Vulnerability knowledge base")
package eu.vigil.vulndb;
