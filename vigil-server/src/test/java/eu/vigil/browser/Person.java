package eu.vigil.browser;

import java.util.Set;

import eu.vigil.identity.Role;

/** Someone with an account: what they sign in with. {@code authenticator} is null without a second factor. */
record Person(String username, String displayName, String password, Set<Role> roles, Authenticator authenticator) {

    // "correct-horse-battery-staple-42" is refused: the xkcd phrase is on the leaked-password lists.
    static final String PASSWORD = "amber-trellis-quietly-harbour-97";

    boolean hasSecondFactor() {
        return authenticator != null;
    }

    Person withAuthenticator(Authenticator newAuthenticator) {
        return new Person(username, displayName, password, roles, newAuthenticator);
    }
}
