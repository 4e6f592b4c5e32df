package eu.vigil.core.nis2;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The 27 Member States of the European Union by ISO 3166-1 alpha-2 code. */
public final class MemberStates {

    private static final Map<String, String> NAMES = new TreeMap<>(Map.ofEntries(
            Map.entry("AT", "Austria"), Map.entry("BE", "Belgium"), Map.entry("BG", "Bulgaria"),
            Map.entry("HR", "Croatia"), Map.entry("CY", "Cyprus"), Map.entry("CZ", "Czechia"),
            Map.entry("DK", "Denmark"), Map.entry("EE", "Estonia"), Map.entry("FI", "Finland"),
            Map.entry("FR", "France"), Map.entry("DE", "Germany"), Map.entry("GR", "Greece"),
            Map.entry("HU", "Hungary"), Map.entry("IE", "Ireland"), Map.entry("IT", "Italy"),
            Map.entry("LV", "Latvia"), Map.entry("LT", "Lithuania"), Map.entry("LU", "Luxembourg"),
            Map.entry("MT", "Malta"), Map.entry("NL", "Netherlands"), Map.entry("PL", "Poland"),
            Map.entry("PT", "Portugal"), Map.entry("RO", "Romania"), Map.entry("SK", "Slovakia"),
            Map.entry("SI", "Slovenia"), Map.entry("ES", "Spain"), Map.entry("SE", "Sweden")));

    private MemberStates() {
    }

    /** All codes in alphabetical order. */
    public static Map<String, String> all() {
        return java.util.Collections.unmodifiableMap(NAMES);
    }

    public static boolean isMemberState(String code) {
        return NAMES.containsKey(code);
    }

    public static Optional<String> name(String code) {
        return Optional.ofNullable(NAMES.get(code));
    }

    /**
     * Why {@code code} is not a Member State code, in words; empty when it is one. Catches the
     * usual slips: lower case, the EU's own codes EL and UK, and non-EU countries.
     */
    static Optional<String> problemWith(String code) {
        if (NAMES.containsKey(code)) {
            return Optional.empty();
        }
        if (!code.matches("[A-Za-z]{2}")) {
            return Optional.of("'" + code + "' is not an ISO 3166-1 alpha-2 code (two letters, e.g. DE)");
        }
        String upper = code.toUpperCase(java.util.Locale.ROOT);
        if (!upper.equals(code) && NAMES.containsKey(upper)) {
            return Optional.of("'" + code + "' must be upper case: " + upper);
        }
        if (upper.equals("EL")) {
            return Optional.of("'" + code + "' is the EU's own code for Greece; ISO 3166 uses GR");
        }
        return Optional.of("'" + code + "' is not an EU Member State; NIS2 applies to entities established "
                + "in the Union (an entity established elsewhere gives the Member State of its "
                + "representative, Art. 26(3))");
    }
}
