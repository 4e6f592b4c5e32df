package eu.vigil.core.version;

/**
 * Go module versions as {@code golang.org/x/mod/semver} reads them: {@code vMAJOR[.MINOR[.PATCH]]},
 * where the shorthands {@code v1} and {@code v1.2} mean {@code v1.0.0} and {@code v1.2.0} and take
 * no pre-release or build; pseudo-versions are ordinary pre-releases; {@code +incompatible} is
 * build metadata and does not count. The {@code v} is optional here because OSV's Go records
 * omit it while module versions in purls carry it.
 */
final class GoVersionScheme implements VersionScheme {

    @Override
    public String name() {
        return "Go";
    }

    @Override
    public EcosystemVersion parse(String version) {
        VersionText.require(version, name());
        String text = version.startsWith("v") ? version.substring(1) : version;
        String canonical = canonicalize(text, version);
        return SemVerScheme.parseStrict(canonical, version, this);
    }

    /** The full MAJOR.MINOR.PATCH form, after checking Go's own rules. */
    private String canonicalize(String text, String original) {
        int end = text.length();
        int build = text.indexOf('+');
        int pre = text.indexOf('-');
        if (pre > build && build >= 0) {
            pre = -1; // a hyphen inside build metadata
        }
        int coreEnd = pre >= 0 ? pre : build >= 0 ? build : end;
        String core = text.substring(0, coreEnd);
        String[] numbers = core.split("\\.", -1);
        if (numbers.length > 3) {
            throw VersionText.invalid(name(), original, "more than three numbers");
        }
        for (String number : numbers) {
            if (!VersionText.allAsciiDigits(number)) {
                throw VersionText.invalid(name(), original, "\"" + number + "\" is not a number");
            }
            if (number.length() > 1 && number.charAt(0) == '0') {
                throw VersionText.invalid(name(), original, "number \"" + number + "\" has a leading zero");
            }
        }
        if (numbers.length < 3 && coreEnd != end) {
            throw VersionText.invalid(name(), original, "a shorthand version takes no pre-release or build");
        }
        StringBuilder canonical = new StringBuilder(core);
        for (int i = numbers.length; i < 3; i++) {
            canonical.append(".0");
        }
        return canonical.append(text, coreEnd, end).toString();
    }
}
