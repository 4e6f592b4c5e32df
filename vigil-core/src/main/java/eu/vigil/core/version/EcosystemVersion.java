package eu.vigil.core.version;

/**
 * A version parsed under one {@link VersionScheme}, ordered as that ecosystem orders it. Parse once
 * and compare many times: this is the form the OSV index keeps.
 *
 * <p>Versions of different schemes do not compare; {@link #compareTo} throws
 * {@link IllegalArgumentException} when asked to.
 */
public interface EcosystemVersion extends Comparable<EcosystemVersion> {

    /** The version as it was written. */
    String text();

    /** The scheme that parsed this version. */
    VersionScheme scheme();
}
