package eu.vigil.core.version;

import org.apache.maven.artifact.versioning.ComparableVersion;

/** Maven's ordering, by Maven's own {@link ComparableVersion}; any non-blank string is a version. */
final class MavenVersionScheme implements VersionScheme {

    @Override
    public String name() {
        return "Maven";
    }

    @Override
    public EcosystemVersion parse(String version) {
        VersionText.require(version, name());
        return new MavenVersion(version, new ComparableVersion(version.strip()));
    }

    private record MavenVersion(String text, ComparableVersion comparable) implements EcosystemVersion {

        @Override
        public VersionScheme scheme() {
            return VersionScheme.MAVEN;
        }

        @Override
        public int compareTo(EcosystemVersion other) {
            if (!(other instanceof MavenVersion that)) {
                throw new IllegalArgumentException("cannot compare a Maven version with " + other.scheme().name());
            }
            return Integer.signum(comparable.compareTo(that.comparable));
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
