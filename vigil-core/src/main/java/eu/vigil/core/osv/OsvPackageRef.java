package eu.vigil.core.osv;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A package as OSV names it: an ecosystem (with an optional release suffix, such as
 * {@code "Debian:12"}) and a package name in that ecosystem's spelling.
 *
 * @param ecosystem the OSV ecosystem, such as {@code "Maven"} or {@code "Alpine:v3.19"}
 * @param name      the package name, such as {@code "org.foo:bar"} or {@code "@scope/name"}
 */
public record OsvPackageRef(String ecosystem, String name) {

    private static final Pattern PYPI_SEPARATORS = Pattern.compile("[-_.]+");
    private static final Pattern RELEASE_NUMBER = Pattern.compile("(\\d+(?:\\.\\d+)?)");

    /** Debian code names to the numeric releases OSV uses. */
    private static final Map<String, String> DEBIAN_RELEASES = Map.ofEntries(
            Map.entry("wheezy", "7"), Map.entry("jessie", "8"), Map.entry("stretch", "9"),
            Map.entry("buster", "10"), Map.entry("bullseye", "11"), Map.entry("bookworm", "12"),
            Map.entry("trixie", "13"), Map.entry("forky", "14"), Map.entry("duke", "15"));

    /**
     * The key two references share when the index would match one against the other: the
     * ecosystem without its release suffix, lower case, and the name as the index compares it
     * (such as {@code "pypi:django"}). For storing packages where a database looks them up.
     */
    public String matchKey() {
        int colon = ecosystem.indexOf(':');
        String base = (colon < 0 ? ecosystem : ecosystem.substring(0, colon)).strip().toLowerCase(Locale.ROOT);
        return base + ":" + comparableName(base, name);
    }

    /** The OSV package of a Package URL's type, namespace (null when none) and name. */
    public static OsvPackageRef fromPurl(String type, String namespace, String name) {
        return fromPurl(type, namespace, name, null);
    }

    /**
     * The OSV package of a Package URL's type, namespace (null when none), name and {@code distro}
     * qualifier (null when none). Types without an OSV ecosystem fall back to the purl type as the
     * ecosystem and {@code namespace/name} as the name.
     */
    public static OsvPackageRef fromPurl(String type, String namespace, String name, String distro) {
        String ns = namespace == null || namespace.isBlank() ? null : namespace;
        String t = type.toLowerCase(Locale.ROOT);
        return switch (t) {
            case "maven" -> new OsvPackageRef("Maven", ns == null ? name : ns + ":" + name);
            case "npm" -> new OsvPackageRef("npm", ns == null ? name : (ns.startsWith("@") ? ns : "@" + ns) + "/" + name);
            case "pypi" -> new OsvPackageRef("PyPI", normalizePypiName(name));
            case "golang" -> new OsvPackageRef("Go", joined(ns, name));
            case "cargo" -> new OsvPackageRef("crates.io", name);
            case "gem" -> new OsvPackageRef("RubyGems", name);
            case "nuget" -> new OsvPackageRef("NuGet", name);
            case "composer" -> new OsvPackageRef("Packagist", joined(ns, name));
            case "hex" -> new OsvPackageRef("Hex", name);
            case "pub" -> new OsvPackageRef("Pub", name);
            case "cran" -> new OsvPackageRef("CRAN", name);
            case "hackage" -> new OsvPackageRef("Hackage", name);
            case "conan" -> new OsvPackageRef("ConanCenter", name);
            case "swift" -> new OsvPackageRef("SwiftURL", joined(ns, name));
            case "github" -> new OsvPackageRef("GitHub Actions", joined(ns, name));
            case "deb" -> debian(ns, name, distro);
            case "apk" -> alpine(ns, name, distro);
            default -> new OsvPackageRef(type, joined(ns, name));
        };
    }

    private static String joined(String namespace, String name) {
        return namespace == null ? name : namespace + "/" + name;
    }

    private static OsvPackageRef debian(String namespace, String name, String distro) {
        String vendor = namespace == null ? "debian" : namespace.toLowerCase(Locale.ROOT);
        if (vendor.equals("ubuntu")) {
            String release = distro == null ? null : firstNumber(distro);
            if (release == null) {
                return new OsvPackageRef("Ubuntu", name);
            }
            // OSV marks long-term releases (even years, April) with ":LTS"
            boolean lts = release.matches("\\d*[02468]\\.04");
            return new OsvPackageRef("Ubuntu:" + release + (lts ? ":LTS" : ""), name);
        }
        if (!vendor.equals("debian")) {
            return new OsvPackageRef(vendor, name);
        }
        if (distro == null || distro.isBlank()) {
            return new OsvPackageRef("Debian", name);
        }
        String d = distro.toLowerCase(Locale.ROOT).replaceFirst("^debian[-:]?", "");
        String release = DEBIAN_RELEASES.getOrDefault(d, null);
        if (release == null) {
            Matcher m = Pattern.compile("^(\\d+)").matcher(d);
            release = m.find() ? m.group(1) : d;
        }
        return new OsvPackageRef("Debian:" + release, name);
    }

    private static OsvPackageRef alpine(String namespace, String name, String distro) {
        String vendor = namespace == null ? "alpine" : namespace.toLowerCase(Locale.ROOT);
        switch (vendor) {
            case "wolfi" -> {
                return new OsvPackageRef("Wolfi", name);
            }
            case "chainguard" -> {
                return new OsvPackageRef("Chainguard", name);
            }
            case "alpine" -> {
                String release = distro == null ? null : firstNumber(distro);
                return new OsvPackageRef(release == null ? "Alpine" : "Alpine:v" + release, name);
            }
            default -> {
                return new OsvPackageRef(vendor, name);
            }
        }
    }

    /** "3.19" from "alpine-3.19.1", "v3.19" or "3.19"; "22.04" from "ubuntu-22.04". */
    private static String firstNumber(String distro) {
        Matcher m = RELEASE_NUMBER.matcher(distro);
        return m.find() ? m.group(1) : null;
    }

    /** A PyPI project name normalised as PEP 503 says: lower case, runs of -, _ and . become "-". */
    public static String normalizePypiName(String name) {
        return PYPI_SEPARATORS.matcher(name.toLowerCase(Locale.ROOT)).replaceAll("-");
    }

    /**
     * The name as the index compares it within an ecosystem: PEP 503 for PyPI; lower case for
     * NuGet and Packagist, whose names are case-insensitive, and for Go, because Package URLs
     * lower-case Go module paths while OSV keeps their capitals; as written elsewhere.
     */
    public static String comparableName(String ecosystemBase, String name) {
        return switch (ecosystemBase) {
            case "pypi" -> normalizePypiName(name);
            case "nuget", "packagist", "go" -> name.toLowerCase(Locale.ROOT);
            default -> name;
        };
    }
}
