package eu.vigil.keys;

/** Published when a KEK rotation has finished. */
public record KeysRotated(int activeVersion, long rewrapped, int retiredVersions) {
}
