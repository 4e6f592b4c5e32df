/**
 * Identity and access: user accounts, activation and invitations, the password policy, login
 * monitoring and lockout, TOTP multi-factor authentication with recovery codes, roles, sessions,
 * API tokens and the IP filter. Other modules see only {@link eu.vigil.identity.Role} and
 * {@link eu.vigil.identity.CurrentUser}, and look accounts up by role through {@link eu.vigil.identity.UserDirectory}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity and access")
package eu.vigil.identity;
