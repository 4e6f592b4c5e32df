package eu.vigil.core.osv;

/**
 * A record about the queried package that could not be evaluated for the version and did not
 * match otherwise: a GIT range, a range whose versions do not parse in the ecosystem, or a
 * queried version that is not valid there. A caller reports these rather than call the version
 * safe.
 */
public record OsvUnevaluated(String recordId, String ecosystem, String packageName, String reason) {
}
