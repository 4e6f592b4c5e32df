package eu.vigil.identity.web;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import eu.vigil.identity.CurrentUser;
import eu.vigil.identity.Role;
import eu.vigil.identity.internal.UserAccounts;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Identity over the API: who the token acts for, and (administrators) the user list. */
@RestController
@RequestMapping("/api/v1")
class IdentityApi {

    record Me(long id, String username, String displayName, Set<Role> roles) {
    }

    record UserSummary(long id, String username, String displayName, Set<Role> roles, boolean enabled,
                       boolean mfaEnabled, boolean locked, Instant lastLoginAt) {
    }

    private final UserAccounts users;

    IdentityApi(UserAccounts users) {
        this.users = users;
    }

    @GetMapping("/me")
    @PreAuthorize("isAuthenticated()")
    Me me(@AuthenticationPrincipal CurrentUser user) {
        return new Me(user.id(), user.username(), user.displayName(), user.roles());
    }

    @GetMapping("/admin/users")
    @PreAuthorize("hasRole('ADMIN')")
    List<UserSummary> users(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        int limit = Math.min(Math.max(size, 1), 200);
        Instant now = Instant.now();
        return users.page(Math.max(page, 0) * limit, limit).stream()
                .map(u -> new UserSummary(u.id(), u.username(), u.displayName(), u.roles(), u.enabled(), u.mfaEnabled(),
                        u.lockedAt(now), u.lastLoginAt()))
                .toList();
    }
}
