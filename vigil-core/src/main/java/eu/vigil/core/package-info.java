/**
 * Vigil's pure engines: no Spring, no database, no network. Each sub-package reads or computes
 * one standard (CVSS, Package URL, ecosystem versions, OSV, SBOM formats, signatures) and is used
 * alike by the server, the command line and the benchmarks.
 */
package eu.vigil.core;
