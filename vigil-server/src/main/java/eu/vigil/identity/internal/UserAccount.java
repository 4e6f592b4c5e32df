package eu.vigil.identity.internal;

import java.time.Instant;
import java.util.Set;

import eu.vigil.identity.CurrentUser;
import eu.vigil.identity.Role;

/** A stored user account. The TOTP secret is kept sealed (see {@link SecretSealing}). */
public record UserAccount(long id, String username, String displayName, String email, String passwordHash,
                          Set<Role> roles, boolean enabled, String sealedTotpSecret, boolean mfaEnabled,
                          Long totpLastStep, int failedLogins, Instant lockedUntil, Instant lastLoginAt,
                          String supplierRef, Instant createdAt) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public boolean mfaRequired() {
        return roles.stream().anyMatch(Role::mfaRequired);
    }

    public CurrentUser asCurrentUser() {
        return new CurrentUser(id, username, displayName, roles, supplierRef);
    }
}
