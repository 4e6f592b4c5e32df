package eu.vigil.identity;

import java.io.Serial;
import java.io.Serializable;
import java.util.Set;

/**
 * The signed-in user (or the user behind an API token) as other modules see it: the principal of
 * every authenticated request.
 *
 * @param id          the account id
 * @param username    the login name
 * @param displayName the name to show
 * @param roles       the roles in force for this request (for a token, its subset)
 * @param supplierRef for SUPPLIER users, the supplier they belong to; otherwise {@code null}
 */
public record CurrentUser(long id, String username, String displayName, Set<Role> roles, String supplierRef)
        implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public CurrentUser {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    @Override
    public String toString() {
        return username;
    }
}
