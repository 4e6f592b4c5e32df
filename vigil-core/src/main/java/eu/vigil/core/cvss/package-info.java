/**
 * CVSS 2.0, 3.0, 3.1 and 4.0: strict parsing of vector strings and scoring as the FIRST
 * specifications define it. Start at {@link eu.vigil.core.cvss.Cvss#parse(String)}.
 *
 * <p>Every type here is immutable and thread-safe; no method accepts or returns {@code null}
 * unless it says so.
 */
package eu.vigil.core.cvss;
