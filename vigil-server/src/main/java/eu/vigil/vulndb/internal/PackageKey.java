package eu.vigil.vulndb.internal;

import java.util.Locale;

import eu.vigil.core.osv.OsvPackageRef;

/**
 * A package as the index stores it: the ecosystem without its release, in lower case, and the name
 * as the ecosystem compares names (PEP 503 for PyPI ...), beside the package as written.
 */
record PackageKey(String ecosystemKey, String nameKey, OsvPackageRef written) {

    static PackageKey of(OsvPackageRef pkg) {
        String base = base(pkg.ecosystem());
        return new PackageKey(base, OsvPackageRef.comparableName(base, pkg.name()), pkg);
    }

    static String base(String ecosystem) {
        int colon = ecosystem.indexOf(':');
        return (colon < 0 ? ecosystem : ecosystem.substring(0, colon)).strip().toLowerCase(Locale.ROOT);
    }

    static String release(String ecosystem) {
        int colon = ecosystem.indexOf(':');
        return colon < 0 ? null : ecosystem.substring(colon + 1).strip();
    }

    /**
     * Whether a record's entry for {@code stored} answers a query for {@code queried}: same key, and
     * the query names no release, or the entry names none, or both name the same one (as OsvIndex does).
     */
    static boolean answers(String storedEcosystem, String queriedEcosystem) {
        String queried = release(queriedEcosystem);
        String stored = release(storedEcosystem);
        return queried == null || stored == null || queried.equalsIgnoreCase(stored);
    }
}
