/**
 * Package URL (purl, ECMA-427): parse, validate, build and canonicalise, including the
 * type-specific rules of the registered purl types. Entry point: {@link eu.vigil.core.purl.PackageUrl}.
 */
package eu.vigil.core.purl;
