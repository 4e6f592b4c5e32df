package eu.vigil.core.csaf;

import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Set;

/**
 * BCP 47 language tags for test 6.1.12: well-formed (the JDK's strict parser), and the primary
 * language and region subtags known to ISO 639 / ISO 3166 as the JDK lists them. Three-letter
 * language subtags are accepted when the JDK knows them as an ISO 639-2 code.
 */
final class LanguageTags {

    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());
    private static final Set<String> LANGUAGES_3 = iso3Languages();
    private static final Set<String> REGIONS = Set.of(Locale.getISOCountries());

    private LanguageTags() {
    }

    static boolean valid(String tag) {
        if (tag.isEmpty() || tag.length() > 100) {
            return false;
        }
        Locale locale;
        try {
            locale = new Locale.Builder().setLanguageTag(tag).build();
        } catch (IllformedLocaleException e) {
            return false;
        }
        String lower = tag.toLowerCase(Locale.ROOT);
        if (lower.startsWith("x-") || lower.startsWith("i-")) {
            return true;
        }
        String language = tag.split("-", 2)[0].toLowerCase(Locale.ROOT);
        boolean knownLanguage = language.length() == 2 ? LANGUAGES.contains(language)
                : language.length() == 3 && (LANGUAGES_3.contains(language) || privateUse(language));
        if (!knownLanguage) {
            return false;
        }
        String region = locale.getCountry();
        return region.isEmpty() || region.chars().allMatch(Character::isDigit) || REGIONS.contains(region);
    }

    /** qaa..qtz, reserved for private use by ISO 639-2 and registered as such in BCP 47. */
    private static boolean privateUse(String language) {
        return language.charAt(0) == 'q' && language.charAt(1) >= 'a' && language.charAt(1) <= 't';
    }

    private static Set<String> iso3Languages() {
        java.util.Set<String> codes = new java.util.HashSet<>();
        for (String two : Locale.getISOLanguages()) {
            try {
                codes.add(Locale.of(two).getISO3Language());
            } catch (java.util.MissingResourceException e) {
                // no three-letter code known
            }
        }
        return Set.copyOf(codes);
    }
}
