package eu.vigil.core.osv;

/**
 * One entry of an OSV {@code severity} list: its {@code type} ({@code CVSS_V2}, {@code CVSS_V3},
 * {@code CVSS_V4}, {@code Ubuntu}, ...) and its {@code score}, which for CVSS types is the vector
 * string, kept as written so that a CVSS scorer can read it.
 */
public record OsvSeverity(String type, String score) {
}
