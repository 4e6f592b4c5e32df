/**
 * NVD CVE API 2.0 JSON ({@code vulnerabilities[].cve}, as the API and NVD's 2.0 data feeds write it)
 * read as a stream and turned into OSV records: CVSS 2.0/3.0/3.1/4.0 vectors as severities, CWE ids,
 * references, and the CPE configurations as affected entries of the {@code CPE} ecosystem.
 */
package eu.vigil.core.feeds.nvd;
