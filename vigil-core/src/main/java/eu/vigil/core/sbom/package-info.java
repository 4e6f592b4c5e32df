/**
 * Reading SBOMs (CycloneDX 1.2–1.7 JSON and XML, SPDX 2.2/2.3 JSON and tag-value) into one
 * component model: {@link eu.vigil.core.sbom.Sbom}, {@link eu.vigil.core.sbom.Component} and
 * {@link eu.vigil.core.sbom.Dependency}. Entry point: {@link eu.vigil.core.sbom.SbomReader}, which
 * detects the format from the content and refuses hostile input (external entities, DTDs, deep
 * nesting, oversized documents or strings) with an {@link eu.vigil.core.InvalidInputException}.
 */
package eu.vigil.core.sbom;
