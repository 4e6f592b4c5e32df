package eu.vigil.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTests {

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void acceptsALongUnrelatedPassphrase() {
        assertThat(policy.problems("quiet-lantern-orbit-mosaic-17", "ada", "Ada Lovelace")).isEmpty();
        assertThat(policy.problems("Tr0ub4dor&3-quiet-lantern", "grace", "Grace Hopper")).isEmpty();
    }

    @Test
    void rejectsFamousPassphrasesBecauseTheyAreOnLeakedLists() {
        assertThat(policy.problems("correct-horse-battery-staple-42", "ada", null))
                .anySatisfy(p -> assertThat(p).contains("common or leaked"));
    }

    @Test
    void rejectsShortPasswordsWithTheirLength() {
        assertThat(policy.problems("x7#Kq9!z", "ada", null))
                .anySatisfy(problem -> assertThat(problem).contains("at least 12").contains("has 8"));
    }

    @Test
    void rejectsPasswordsFromTheCommonAndLeakedLists() {
        assertThat(policy.problems("password1234", "ada", null)).anySatisfy(p -> assertThat(p).contains("common or leaked"));
        assertThat(policy.problems("qwertyuiop123", "ada", null)).isNotEmpty();
        assertThat(policy.problems("123456789012", "ada", null)).isNotEmpty();
    }

    @Test
    void rejectsPasswordsContainingTheUserName() {
        assertThat(policy.problems("lovelace-is-my-favourite-99", "lovelace", null))
                .anySatisfy(p -> assertThat(p).contains("user name"));
    }

    @Test
    void rejectsLowEntropyPasswordsWithAdvice() {
        assertThat(policy.problems("aaaaaaaaaaaaaaaa", "ada", null)).anySatisfy(p -> assertThat(p).contains("too easy to guess"));
    }

    @Test
    void rejectsEmptyAndHugePasswords() {
        assertThat(policy.problems("", "ada", null)).containsExactly("Enter a password.");
        assertThat(policy.problems("x".repeat(300), "ada", null)).anySatisfy(p -> assertThat(p).contains("at most"));
    }
}
