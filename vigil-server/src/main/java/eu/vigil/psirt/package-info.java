/**
 * Security response centre (PSIRT): vulnerability reports from researchers (public intake with a
 * tracking token, security.txt), cases with CVSS, CWE, SLA timers and the CRA Art. 14 clock,
 * CSAF 2.0 advisories validated before publication and served as a trusted provider under
 * {@code /.well-known/csaf/}, CVE JSON 5 export, and update notices. Other modules see only the
 * events of this package.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security response centre (PSIRT)")
package eu.vigil.psirt;
