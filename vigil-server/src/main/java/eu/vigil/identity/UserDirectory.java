package eu.vigil.identity;

import java.util.List;

/** Read-only look-up of user accounts for other modules (for example: who sits on the management body). */
public interface UserDirectory {

    /** An account as other modules may see it: no credentials, no security state. */
    record Member(long id, String username, String displayName, boolean enabled) {
    }

    /** Every account that holds {@code role}, enabled or not, ordered by user name. */
    List<Member> withRole(Role role);
}
