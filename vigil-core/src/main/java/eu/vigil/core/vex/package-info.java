/**
 * VEX (Vulnerability Exploitability eXchange) statements, written and read as CycloneDX VEX
 * (1.4+ {@code vulnerabilities[].analysis}) and as OpenVEX 0.2.0.
 */
package eu.vigil.core.vex;
