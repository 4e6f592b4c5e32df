package eu.vigil.core.version;

import java.util.Locale;

import eu.vigil.core.InvalidInputException;

/**
 * One ecosystem's version syntax and ordering. Obtain one with {@link #forEcosystem(String)},
 * using the ecosystem names OSV uses ({@code "Maven"}, {@code "npm"}, {@code "PyPI"},
 * {@code "Go"}, {@code "crates.io"}, {@code "RubyGems"}, {@code "NuGet"}, {@code "Debian"} or
 * {@code "Debian:12"}, {@code "Alpine"} or {@code "Alpine:v3.19"}); any other name gets the
 * numeric-aware {@link #GENERIC} ordering.
 *
 * <p>Validity follows each ecosystem: PEP 440, SemVer (npm, crates.io, the OSV {@code SEMVER}
 * range type), Go, NuGet, RubyGems, Alpine and Debian reject what their own tools reject, with an
 * {@link InvalidInputException} naming the version and the rule. Maven's and the generic ordering
 * accept any non-blank string, as their tools do. Every scheme rejects blank versions and
 * versions longer than {@value #MAX_LENGTH} characters, so hostile input stays cheap.
 */
public interface VersionScheme {

    /** The longest version string any scheme accepts. */
    int MAX_LENGTH = 512;

    /** Maven's {@code ComparableVersion} ordering. */
    VersionScheme MAVEN = new MavenVersionScheme();
    /** npm: SemVer 2.0, allowing node-semver's leading {@code v}, {@code =} and blanks. */
    VersionScheme NPM = new SemVerScheme("npm", true);
    /** crates.io: strict SemVer 2.0. */
    VersionScheme CRATES_IO = new SemVerScheme("crates.io", false);
    /** Strict SemVer 2.0, the OSV {@code SEMVER} range type. */
    VersionScheme SEMVER = new SemVerScheme("SemVer", false);
    /** Go modules: SemVer with a {@code v} prefix (optional here), shorthands and pseudo-versions. */
    VersionScheme GO = new GoVersionScheme();
    /** PyPI: PEP 440. */
    VersionScheme PYPI = new Pep440VersionScheme();
    /** RubyGems: {@code Gem::Version}. */
    VersionScheme RUBYGEMS = new RubyGemsVersionScheme();
    /** NuGet: NuGet's SemVer 2.0 with four-part versions and case-insensitive pre-release labels. */
    VersionScheme NUGET = new NuGetVersionScheme();
    /** Debian and Ubuntu: dpkg ordering. */
    VersionScheme DEBIAN = new DebianVersionScheme();
    /** Alpine, Wolfi and Chainguard: apk ordering. */
    VersionScheme ALPINE = new AlpineVersionScheme();
    /** Every other ecosystem: numeric-aware segments. */
    VersionScheme GENERIC = new GenericVersionScheme();

    /** A short name for messages, such as {@code "PyPI"}. */
    String name();

    /**
     * Parses a version under this scheme.
     *
     * @throws InvalidInputException when the version is blank, too long, or invalid in this ecosystem
     */
    EcosystemVersion parse(String version);

    /** Compares two versions: -1, 0 or 1. */
    default int compare(String a, String b) {
        return Integer.signum(parse(a).compareTo(parse(b)));
    }

    /** Whether {@link #parse} accepts the version. */
    default boolean isValid(String version) {
        try {
            parse(version);
            return true;
        } catch (InvalidInputException e) {
            return false;
        }
    }

    /**
     * The scheme of an OSV ecosystem name. A suffix after the first colon ({@code "Debian:12"},
     * {@code "Alpine:v3.19"}, {@code "Maven:https://maven.google.com"}) names a release or
     * repository of the same ecosystem and does not change the ordering.
     */
    static VersionScheme forEcosystem(String osvEcosystem) {
        if (osvEcosystem == null) {
            return GENERIC;
        }
        int colon = osvEcosystem.indexOf(':');
        String base = (colon < 0 ? osvEcosystem : osvEcosystem.substring(0, colon)).strip();
        return switch (base.toLowerCase(Locale.ROOT)) {
            case "maven" -> MAVEN;
            case "npm" -> NPM;
            case "crates.io" -> CRATES_IO;
            case "go" -> GO;
            case "pypi" -> PYPI;
            case "rubygems" -> RUBYGEMS;
            case "nuget" -> NUGET;
            case "debian", "ubuntu" -> DEBIAN;
            case "alpine", "wolfi", "chainguard" -> ALPINE;
            default -> GENERIC;
        };
    }
}
