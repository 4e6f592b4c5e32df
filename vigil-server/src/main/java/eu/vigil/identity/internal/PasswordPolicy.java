package eu.vigil.identity.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.matching.match.DictionaryMatch;
import me.gosimple.nbvcxz.matching.match.Match;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.resources.Dictionary;
import me.gosimple.nbvcxz.resources.DictionaryBuilder;
import me.gosimple.nbvcxz.resources.Feedback;
import me.gosimple.nbvcxz.scoring.Result;
import org.springframework.stereotype.Component;

/**
 * The password policy: at least 12 characters, not the user name, not a common or leaked password
 * (nbvcxz's lists of the most used and breached passwords), and enough estimated entropy that an
 * offline attack is impractical. Problems come back as sentences for the form.
 */
@Component
public class PasswordPolicy {

    public static final int MINIMUM_LENGTH = 12;
    public static final int MAXIMUM_LENGTH = 256;
    /** Bits of entropy as nbvcxz estimates them; ~10^15 guesses. */
    static final double MINIMUM_ENTROPY = 50;

    public List<String> problems(String password, String username, String displayName) {
        List<String> problems = new ArrayList<>();
        if (password == null || password.isEmpty()) {
            problems.add("Enter a password.");
            return problems;
        }
        if (password.length() < MINIMUM_LENGTH) {
            problems.add("Use at least " + MINIMUM_LENGTH + " characters (this one has " + password.length() + ").");
        }
        if (password.length() > MAXIMUM_LENGTH) {
            problems.add("Use at most " + MAXIMUM_LENGTH + " characters.");
            return problems;
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && !username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
            problems.add("The password must not contain the user name.");
        }
        Result result = estimator(username, displayName).estimate(password);
        if (isCommonPassword(result)) {
            problems.add("This password is on the lists of common or leaked passwords; choose another.");
        } else if (!result.isMinimumEntropyMet() && password.length() >= MINIMUM_LENGTH) {
            Feedback feedback = result.getFeedback();
            StringBuilder message = new StringBuilder("This password is too easy to guess.");
            if (feedback.getWarning() != null) {
                message.append(' ').append(feedback.getWarning());
            }
            for (String suggestion : feedback.getSuggestion()) {
                message.append(' ').append(suggestion);
            }
            problems.add(message.toString());
        }
        return problems;
    }

    /**
     * Most of the password is made of entries of the lists of used and leaked passwords (not of
     * ordinary word lists): "password1234" is two such entries.
     */
    private static boolean isCommonPassword(Result result) {
        int covered = 0;
        for (Match match : result.getMatches()) {
            if (match instanceof DictionaryMatch dictionaryMatch
                    && dictionaryMatch.getDictionaryName().toLowerCase(Locale.ROOT).contains("password")) {
                covered += match.getToken().length();
            }
        }
        return covered * 3 >= result.getPassword().length() * 2;
    }

    private static Nbvcxz estimator(String username, String displayName) {
        List<Dictionary> dictionaries = new ArrayList<>(ConfigurationBuilder.getDefaultDictionaries());
        DictionaryBuilder personal = new DictionaryBuilder().setDictionaryName("user").setExclusion(true);
        if (username != null && !username.isBlank()) {
            personal.addWord(username.toLowerCase(Locale.ROOT), 0);
        }
        if (displayName != null) {
            for (String part : displayName.toLowerCase(Locale.ROOT).split("\\s+")) {
                if (part.length() > 2) {
                    personal.addWord(part, 0);
                }
            }
        }
        personal.addWord("vigil", 0);
        dictionaries.add(personal.createDictionary());
        return new Nbvcxz(new ConfigurationBuilder()
                .setDictionaries(dictionaries)
                .setMinimumEntropy(MINIMUM_ENTROPY)
                .setLocale(Locale.ENGLISH)
                .createConfiguration());
    }
}
