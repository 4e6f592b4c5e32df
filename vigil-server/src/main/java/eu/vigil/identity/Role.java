package eu.vigil.identity;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The roles of least privilege. A user holds one or more; an API token a subset of its user's. */
public enum Role {
    ADMIN("Administrator", "Users, access, keys, backups and settings", true),
    MANAGEMENT("Management", "Reviews and approves assessments and measures (NIS2 Art. 20)", false),
    COMPLIANCE("Compliance", "Scope, assessments, evidence, incidents and suppliers", false),
    SECURITY("Security / PSIRT", "Products, SBOMs, vulnerabilities, advisories and incidents", true),
    AUDITOR("Auditor", "Reads everything, changes nothing", false),
    SUPPLIER("Supplier", "Sees and answers only its own records", false);

    private final String title;
    private final String description;
    private final boolean mfaRequired;

    Role(String title, String description, boolean mfaRequired) {
        this.title = title;
        this.description = description;
        this.mfaRequired = mfaRequired;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    /** Administrators and PSIRT staff must use a second factor. */
    public boolean mfaRequired() {
        return mfaRequired;
    }

    /** The Spring Security authority of this role. */
    public String authority() {
        return "ROLE_" + name();
    }

    public static Set<Role> parseAll(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return EnumSet.noneOf(Role.class);
        }
        return Arrays.stream(commaSeparated.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(s -> Role.valueOf(s.toUpperCase(Locale.ROOT)))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    public static String format(Set<Role> roles) {
        return roles.stream().sorted().map(Role::name).collect(Collectors.joining(","));
    }
}
