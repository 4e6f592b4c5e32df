package eu.vigil.core.purl;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import eu.vigil.core.InvalidInputException;

/**
 * The type-specific rules of the registered purl types (purl-spec {@code types/*-definition.json}):
 * whether a namespace is required or prohibited, which components are case-insensitive (and so
 * lowercased), required qualifiers and the few extra checks some types define. Unknown types get
 * the generic rules only, as the specification allows.
 */
record TypeRules(
        Requirement namespace,
        boolean lowercaseNamespace,
        boolean lowercaseName,
        boolean lowercaseVersion,
        Set<String> requiredQualifiers,
        Pattern namePattern,
        Pattern versionPattern) {

    enum Requirement { OPTIONAL, REQUIRED, PROHIBITED }

    private static final TypeRules GENERIC = new TypeRules(Requirement.OPTIONAL, false, false, false, Set.of(), null, null);

    private static final Map<String, TypeRules> REGISTERED = Map.ofEntries(
            rule("alpm", Requirement.REQUIRED, true, true, false),
            rule("apk", Requirement.REQUIRED, true, true, false),
            rule("bazel", Requirement.PROHIBITED, false, false, false),
            rule("bitbucket", Requirement.REQUIRED, true, true, false),
            rule("bitnami", Requirement.PROHIBITED, false, true, false),
            rule("brew", Requirement.OPTIONAL, true, true, false),
            rule("cargo", Requirement.PROHIBITED, false, false, false),
            Map.entry("chrome-extension", new TypeRules(Requirement.PROHIBITED, false, true, false, Set.of(),
                    Pattern.compile("[a-p]{32}"), Pattern.compile("\\d+(\\.\\d+){0,3}"))),
            rule("cocoapods", Requirement.PROHIBITED, false, false, false),
            rule("composer", Requirement.REQUIRED, true, true, false),
            rule("conan", Requirement.OPTIONAL, false, false, false),
            rule("conda", Requirement.PROHIBITED, false, false, false),
            rule("cpan", Requirement.OPTIONAL, false, false, false),
            rule("cran", Requirement.PROHIBITED, false, false, false),
            rule("deb", Requirement.REQUIRED, true, true, false),
            rule("docker", Requirement.OPTIONAL, false, false, false),
            rule("gem", Requirement.PROHIBITED, false, false, false),
            rule("generic", Requirement.OPTIONAL, false, false, false),
            rule("git", Requirement.REQUIRED, false, false, false),
            rule("github", Requirement.REQUIRED, true, true, false),
            rule("golang", Requirement.REQUIRED, false, false, false),
            rule("hackage", Requirement.PROHIBITED, false, false, false),
            rule("hex", Requirement.OPTIONAL, true, true, false),
            rule("huggingface", Requirement.REQUIRED, false, false, true),
            Map.entry("julia", new TypeRules(Requirement.PROHIBITED, false, false, false, Set.of("uuid"), null, null)),
            rule("luarocks", Requirement.OPTIONAL, true, true, false),
            rule("maven", Requirement.REQUIRED, false, false, false),
            rule("mlflow", Requirement.PROHIBITED, false, false, false),
            rule("npm", Requirement.OPTIONAL, false, false, false),
            rule("nuget", Requirement.PROHIBITED, false, false, false),
            rule("oci", Requirement.PROHIBITED, false, true, true),
            rule("opam", Requirement.PROHIBITED, false, false, false),
            rule("otp", Requirement.PROHIBITED, false, true, false),
            rule("pub", Requirement.PROHIBITED, false, true, false),
            rule("pypi", Requirement.PROHIBITED, false, true, true),
            rule("qpkg", Requirement.REQUIRED, true, false, false),
            rule("rpm", Requirement.REQUIRED, true, false, false),
            Map.entry("swid", new TypeRules(Requirement.OPTIONAL, false, false, false, Set.of("tag_id"), null, null)),
            rule("swift", Requirement.REQUIRED, false, false, false),
            rule("vcpkg", Requirement.PROHIBITED, false, false, false),
            rule("vscode-extension", Requirement.REQUIRED, true, true, true),
            rule("yocto", Requirement.OPTIONAL, true, false, false));

    private static Map.Entry<String, TypeRules> rule(String type, Requirement namespace,
            boolean lowercaseNamespace, boolean lowercaseName, boolean lowercaseVersion) {
        return Map.entry(type, new TypeRules(namespace, lowercaseNamespace, lowercaseName, lowercaseVersion,
                Set.of(), null, null));
    }

    static TypeRules of(String type) {
        return REGISTERED.getOrDefault(type, GENERIC);
    }

    static Set<String> registeredTypes() {
        return REGISTERED.keySet();
    }

    /** Type-specific normalisation of the name beyond lowercasing. */
    static String normaliseName(String type, String name, Map<String, String> qualifiers) {
        return switch (type) {
            // PEP 503 names: case-insensitive, and '_' is the same as '-'
            case "pypi" -> name.replace('_', '-');
            // Databricks model registries are case-insensitive, Azure ML ones are not
            case "mlflow" -> isDatabricks(qualifiers.get("repository_url")) ? lowercase(name) : name;
            default -> name;
        };
    }

    /** Type-specific checks that no normalisation can repair. */
    static void check(String type, String name) {
        if (type.equals("cpan") && name.contains("::")) {
            throw new InvalidInputException("a cpan purl names a distribution, not a module: '"
                    + name + "' contains '::' (use the distribution name, e.g. 'URI-PackageURL')");
        }
    }

    private static boolean isDatabricks(String repositoryUrl) {
        if (repositoryUrl == null) {
            return false;
        }
        String url = lowercase(repositoryUrl);
        return url.contains(".azuredatabricks.net") || url.contains(".databricks.com");
    }

    static String lowercase(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
