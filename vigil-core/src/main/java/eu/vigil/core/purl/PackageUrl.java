package eu.vigil.core.purl;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

import eu.vigil.core.InvalidInputException;

/**
 * A Package URL ({@code pkg:type/namespace/name@version?qualifiers#subpath}), held in its decoded
 * and normalised form.
 *
 * <p>Every instance is valid and normalised: the constructor lowercases the type and qualifier
 * keys, applies the case and naming rules of registered types (e.g. {@code pypi} names lowercase
 * with {@code -} for {@code _}), drops empty qualifier values and empty, {@code .} and {@code ..}
 * subpath segments, and refuses what the specification or the type forbids with an
 * {@link InvalidInputException}. Two purls that identify the same package are therefore equal, and
 * {@link #canonical()} gives the same string for both.
 *
 * @param type lowercase type, never {@code null}
 * @param namespace decoded namespace with {@code /} between segments, or {@code null}
 * @param name decoded name, never {@code null} or empty
 * @param version decoded version, or {@code null}
 * @param qualifiers decoded qualifiers sorted by key, never {@code null} (empty when there are none)
 * @param subpath decoded subpath with {@code /} between segments, or {@code null}
 */
public record PackageUrl(String type, String namespace, String name, String version,
        SortedMap<String, String> qualifiers, String subpath) {

    /** Longest purl string accepted by {@link #parse(String)}, in characters. */
    public static final int MAX_LENGTH = 65_536;

    private static final Pattern TYPE = Pattern.compile("[A-Za-z][A-Za-z0-9.\\-]*");
    private static final Pattern QUALIFIER_KEY = Pattern.compile("[a-z][a-z0-9.\\-_]*");
    private static final Pattern CHECKSUM = Pattern.compile("[a-z0-9][a-z0-9\\-_]*:[0-9a-f]+");

    public PackageUrl {
        if (type == null || type.isEmpty()) {
            throw new InvalidInputException("a purl needs a type (e.g. 'maven', 'npm', 'deb')");
        }
        if (!TYPE.matcher(type).matches()) {
            throw new InvalidInputException("invalid purl type '" + type
                    + "': it must start with an ASCII letter and hold only letters, digits, '.' and '-'");
        }
        type = TypeRules.lowercase(type);
        TypeRules rules = TypeRules.of(type);

        qualifiers = normaliseQualifiers(type, qualifiers);
        for (String required : rules.requiredQualifiers()) {
            if (!qualifiers.containsKey(required)) {
                throw new InvalidInputException("a " + type + " purl needs the qualifier '" + required + "'");
            }
        }

        List<String> namespaceSegments = segments(namespace, "namespace", false);
        List<String> nameSegments = segments(name, "name", false);
        if (type.equals("git")) {
            // git: the namespace is the host, the name the repository path below it
            List<String> path = new ArrayList<>(namespaceSegments);
            path.addAll(nameSegments);
            namespaceSegments = path.isEmpty() ? List.of() : List.of(path.get(0));
            nameSegments = path.size() > 1 ? path.subList(1, path.size()) : List.of();
            name = nameSegments.isEmpty() ? null : String.join("/", nameSegments);
        } else if (name != null) {
            name = trimSlashes(name);
        }
        if (name == null || name.isEmpty()) {
            throw new InvalidInputException("a " + type + " purl needs a name");
        }
        requireWellFormed(name, "name");

        if (rules.lowercaseNamespace()) {
            namespaceSegments = namespaceSegments.stream().map(TypeRules::lowercase).toList();
        }
        namespace = namespaceSegments.isEmpty() ? null : String.join("/", namespaceSegments);
        if (namespace != null && rules.namespace() == TypeRules.Requirement.PROHIBITED) {
            throw new InvalidInputException("a " + type + " purl has no namespace, but '" + namespace + "' was given");
        }
        if (namespace == null && rules.namespace() == TypeRules.Requirement.REQUIRED) {
            throw new InvalidInputException("a " + type + " purl needs a namespace (e.g. "
                    + namespaceExample(type) + ")");
        }

        if (rules.lowercaseName()) {
            name = TypeRules.lowercase(name);
        }
        name = TypeRules.normaliseName(type, name, qualifiers);
        TypeRules.check(type, name);
        if (rules.namePattern() != null && !rules.namePattern().matcher(name).matches()) {
            throw new InvalidInputException("invalid " + type + " name '" + name + "': it must match "
                    + rules.namePattern().pattern());
        }

        if (version != null && version.isEmpty()) {
            version = null;
        }
        if (version != null) {
            requireWellFormed(version, "version");
            if (rules.lowercaseVersion()) {
                version = TypeRules.lowercase(version);
            }
            if (rules.versionPattern() != null && !rules.versionPattern().matcher(version).matches()) {
                throw new InvalidInputException("invalid " + type + " version '" + version + "': it must match "
                        + rules.versionPattern().pattern());
            }
        }

        List<String> subpathSegments = segments(subpath, "subpath", true);
        subpath = subpathSegments.isEmpty() ? null : String.join("/", subpathSegments);
    }

    /**
     * Builds a purl from decoded components, as {@code new PackageUrl(...)} does, accepting any
     * qualifier map (or {@code null}).
     */
    public static PackageUrl of(String type, String namespace, String name, String version,
            Map<String, String> qualifiers, String subpath) {
        TreeMap<String, String> sorted = null;
        if (qualifiers != null) {
            sorted = new TreeMap<>();
            for (Map.Entry<String, String> qualifier : qualifiers.entrySet()) {
                if (qualifier.getKey() == null) {
                    throw new InvalidInputException("a qualifier key is missing");
                }
                sorted.put(qualifier.getKey(), qualifier.getValue());
            }
        }
        return new PackageUrl(type, namespace, name, version, sorted, subpath);
    }

    /**
     * Parses a purl string.
     *
     * @throws InvalidInputException when {@code purl} is not a valid Package URL; the message says
     *         which component is wrong and why
     */
    public static PackageUrl parse(String purl) {
        if (purl == null) {
            throw new InvalidInputException("no purl given");
        }
        if (purl.length() > MAX_LENGTH) {
            throw new InvalidInputException("purl too long: " + purl.length() + " characters, at most "
                    + MAX_LENGTH + " are accepted");
        }
        try {
            return parseUnchecked(purl.strip());
        } catch (InvalidInputException e) {
            throw new InvalidInputException("invalid purl '" + abbreviate(purl) + "': " + e.getMessage(), e);
        }
    }

    private static PackageUrl parseUnchecked(String purl) {
        String remainder = purl;

        String subpath = null;
        int hash = remainder.lastIndexOf('#');
        if (hash >= 0) {
            subpath = decodeSegments(remainder.substring(hash + 1), "subpath");
            remainder = remainder.substring(0, hash);
        }

        Map<String, String> qualifiers = null;
        int question = remainder.lastIndexOf('?');
        if (question >= 0) {
            qualifiers = parseQualifiers(remainder.substring(question + 1));
            remainder = remainder.substring(0, question);
        }

        int colon = remainder.indexOf(':');
        if (colon < 0) {
            throw new InvalidInputException("the scheme 'pkg:' is missing");
        }
        String scheme = remainder.substring(0, colon);
        if (!scheme.equalsIgnoreCase("pkg")) {
            throw new InvalidInputException("the scheme must be 'pkg', not '" + scheme + "'");
        }
        remainder = stripLeading(remainder.substring(colon + 1), '/');

        int slash = remainder.indexOf('/');
        if (slash < 0) {
            throw new InvalidInputException(remainder.isEmpty() ? "the type is missing"
                    : "a type and a name separated by '/' are required");
        }
        String type = remainder.substring(0, slash);
        if (!TYPE.matcher(type).matches()) {
            throw new InvalidInputException("invalid type '" + type
                    + "': it must start with an ASCII letter and hold only letters, digits, '.' and '-'");
        }
        remainder = remainder.substring(slash + 1);

        String version = null;
        int at = remainder.lastIndexOf('@');
        // an '@' opening a segment before the name is an unencoded npm scope such as '@babel'
        boolean scope = at >= 0 && at < remainder.lastIndexOf('/') && (at == 0 || remainder.charAt(at - 1) == '/');
        if (at >= 0 && !scope) {
            version = PercentEncoding.decode(remainder.substring(at + 1), "version");
            remainder = remainder.substring(0, at);
            if (remainder.endsWith("/")) {
                throw new InvalidInputException("the name is missing before '@'");
            }
        }

        remainder = stripTrailing(remainder, '/');
        int lastSlash = remainder.lastIndexOf('/');
        String name = PercentEncoding.decode(remainder.substring(lastSlash + 1), "name");
        String namespace = null;
        if (lastSlash >= 0) {
            namespace = decodeSegments(remainder.substring(0, lastSlash), "namespace");
        }
        if (name.isEmpty()) {
            throw new InvalidInputException("the name is missing");
        }
        if (type.equalsIgnoreCase("git") && name.contains("/")) {
            throw new InvalidInputException("a git name segment must not contain a '/' once decoded");
        }
        return new PackageUrl(type, namespace, name, version,
                qualifiers == null ? null : new TreeMap<>(qualifiers), subpath);
    }

    /** Decodes '/'-separated segments, refusing any that decodes to a string containing '/'. */
    private static String decodeSegments(String encoded, String component) {
        List<String> decoded = new ArrayList<>();
        for (String segment : encoded.split("/", -1)) {
            if (segment.isEmpty()) {
                continue;
            }
            String value = PercentEncoding.decode(segment, component);
            if (value.contains("/")) {
                throw new InvalidInputException("a " + component + " segment must not contain '/' once decoded, but '"
                        + segment + "' does");
            }
            decoded.add(value);
        }
        return decoded.isEmpty() ? null : String.join("/", decoded);
    }

    private static Map<String, String> parseQualifiers(String encoded) {
        Map<String, String> qualifiers = new LinkedHashMap<>();
        for (String pair : encoded.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            if (equals < 0) {
                throw new InvalidInputException("the qualifier '" + pair + "' has no '=' between key and value");
            }
            String key = TypeRules.lowercase(pair.substring(0, equals));
            if (!QUALIFIER_KEY.matcher(key).matches()) {
                throw new InvalidInputException("invalid qualifier key '" + pair.substring(0, equals)
                        + "': it must start with a letter and hold only letters, digits, '.', '-' and '_'");
            }
            String value = PercentEncoding.decode(pair.substring(equals + 1), "qualifier '" + key + "'");
            if (qualifiers.containsKey(key)) {
                throw new InvalidInputException("the qualifier '" + key + "' appears more than once");
            }
            qualifiers.put(key, value);
        }
        return qualifiers;
    }

    private static SortedMap<String, String> normaliseQualifiers(String type, Map<String, String> given) {
        TreeMap<String, String> result = new TreeMap<>();
        if (given == null) {
            return Collections.unmodifiableSortedMap(result);
        }
        for (Map.Entry<String, String> entry : given.entrySet()) {
            if (entry.getKey() == null) {
                throw new InvalidInputException("a qualifier key is missing");
            }
            String key = TypeRules.lowercase(entry.getKey());
            if (!QUALIFIER_KEY.matcher(key).matches()) {
                throw new InvalidInputException("invalid qualifier key '" + entry.getKey()
                        + "': it must start with a letter and hold only letters, digits, '.', '-' and '_'");
            }
            String value = entry.getValue();
            if (value == null || value.isEmpty()) {
                continue;
            }
            requireWellFormed(value, "qualifier '" + key + "'");
            if (key.equals("checksum")) {
                value = normaliseChecksums(value);
            }
            if (result.put(key, value) != null) {
                throw new InvalidInputException("the qualifier '" + key + "' appears more than once");
            }
        }
        return Collections.unmodifiableSortedMap(result);
    }

    private static String normaliseChecksums(String value) {
        List<String> checksums = new ArrayList<>();
        for (String checksum : value.split(",", -1)) {
            String normalised = TypeRules.lowercase(checksum.strip());
            if (!CHECKSUM.matcher(normalised).matches()) {
                throw new InvalidInputException("invalid checksum '" + checksum
                        + "': each must be 'algorithm:hexadecimal-value', e.g. 'sha256:9f86d0...'");
            }
            checksums.add(normalised);
        }
        return String.join(",", checksums);
    }

    /** Splits on '/', dropping empty segments (and '.' and '..' where {@code dropDots}). */
    private static List<String> segments(String value, String component, boolean dropDots) {
        if (value == null) {
            return List.of();
        }
        requireWellFormed(value, component);
        List<String> segments = new ArrayList<>();
        for (String segment : value.split("/", -1)) {
            if (segment.isEmpty() || dropDots && (segment.equals(".") || segment.equals(".."))) {
                continue;
            }
            segments.add(segment);
        }
        return segments;
    }

    /** Refuses unpaired surrogates, which have no UTF-8 form and so no percent-encoding. */
    private static void requireWellFormed(String value, String component) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidInputException("the " + component + " holds an unpaired UTF-16 surrogate");
            }
        }
    }

    /** The canonical purl string: every component normalised, percent-encoded, qualifiers sorted. */
    public String canonical() {
        StringBuilder purl = new StringBuilder(64).append("pkg:").append(type).append('/');
        if (namespace != null) {
            appendSegments(purl, namespace);
            purl.append('/');
        }
        if (type.equals("git")) {
            appendSegments(purl, name);
        } else {
            purl.append(PercentEncoding.encode(name));
        }
        if (version != null) {
            purl.append('@').append(PercentEncoding.encode(version));
        }
        if (!qualifiers.isEmpty()) {
            char separator = '?';
            for (Map.Entry<String, String> qualifier : qualifiers.entrySet()) {
                purl.append(separator).append(qualifier.getKey()).append('=')
                        .append(PercentEncoding.encode(qualifier.getValue()));
                separator = '&';
            }
        }
        if (subpath != null) {
            purl.append('#');
            appendSegments(purl, subpath);
        }
        return purl.toString();
    }

    private static void appendSegments(StringBuilder purl, String path) {
        String[] segments = path.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) {
                purl.append('/');
            }
            purl.append(PercentEncoding.encode(segments[i]));
        }
    }

    /**
     * The {@code checksum} qualifier as algorithm to lowercase hexadecimal value, in the order
     * given; empty when there is none.
     */
    public Map<String, String> checksums() {
        String value = qualifiers.get("checksum");
        Map<String, String> checksums = new LinkedHashMap<>();
        if (value != null) {
            for (String checksum : value.split(",")) {
                int colon = checksum.indexOf(':');
                checksums.putIfAbsent(checksum.substring(0, colon), checksum.substring(colon + 1));
            }
        }
        return Collections.unmodifiableMap(checksums);
    }

    /** The same package without version, qualifiers and subpath, e.g. to group versions. */
    public PackageUrl withoutVersion() {
        return new PackageUrl(type, namespace, name, null, null, null);
    }

    /** Returns {@link #canonical()}. */
    @Override
    public String toString() {
        return canonical();
    }

    private static String namespaceExample(String type) {
        return switch (type) {
            case "maven" -> "the groupId: pkg:maven/org.apache.commons/commons-text";
            case "golang" -> "the module path: pkg:golang/github.com/gorilla/mux";
            case "deb" -> "the vendor: pkg:deb/debian/curl";
            case "rpm" -> "the vendor: pkg:rpm/fedora/curl";
            case "swift" -> "the source host and owner: pkg:swift/github.com/Alamofire/Alamofire";
            default -> "pkg:" + type + "/namespace/name";
        };
    }

    private static String stripLeading(String text, char c) {
        int start = 0;
        while (start < text.length() && text.charAt(start) == c) {
            start++;
        }
        return text.substring(start);
    }

    private static String stripTrailing(String text, char c) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == c) {
            end--;
        }
        return text.substring(0, end);
    }

    private static String trimSlashes(String text) {
        return stripTrailing(stripLeading(text, '/'), '/');
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
