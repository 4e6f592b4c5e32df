package eu.vigil.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import eu.vigil.identity.CurrentUser;
import eu.vigil.identity.Role;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Checks a login: address and account not locked, password right, account enabled, and, for
 * users with a second factor, a current TOTP code (used once) or an unused recovery code. Every
 * failure is counted and audited; the message never tells which part was wrong.
 */
@Component
public class PasswordAndCodeAuthentication implements AuthenticationProvider {

    /** Held by a user whose role needs a second factor that is not yet enrolled: only enrolment is open. */
    public static final String MFA_ENROLMENT_REQUIRED = "MFA_ENROLMENT_REQUIRED";
    static final String WRONG = "Wrong user name, password or code.";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final UserAccounts users;
    private final LoginMonitor monitor;
    private final PasswordEncoder passwordEncoder;
    private final Totp totp;
    private final SecretSealing sealing;
    private final RecoveryCodes recoveryCodes;
    private final Clock clock;
    /** Compared against when the user does not exist, so that timing does not tell. */
    private final String decoyHash;

    PasswordAndCodeAuthentication(UserAccounts users, LoginMonitor monitor, PasswordEncoder passwordEncoder, Totp totp,
                                  SecretSealing sealing, RecoveryCodes recoveryCodes, Clock clock) {
        this.users = users;
        this.monitor = monitor;
        this.passwordEncoder = passwordEncoder;
        this.totp = totp;
        this.sealing = sealing;
        this.recoveryCodes = recoveryCodes;
        this.clock = clock;
        this.decoyHash = passwordEncoder.encode("decoy-password-never-used");
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = String.valueOf(authentication.getPrincipal()).strip().toLowerCase(java.util.Locale.ROOT);
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        LoginDetails details = authentication.getDetails() instanceof LoginDetails d ? d : new LoginDetails(null, null);
        String address = details.remoteAddress();
        Instant now = clock.instant();

        if (address != null) {
            Optional<Instant> addressLock = monitor.addressLockedUntil(address);
            if (addressLock.isPresent()) {
                monitor.failed(username, Optional.empty(), null, "address locked");
                throw new LockedException("Too many failed logins from your address. Try again after "
                        + TIME.format(addressLock.get()) + ".");
            }
        }
        Optional<UserAccount> account = username.length() > 64 ? Optional.empty() : users.findByUsername(username);
        if (account.isEmpty()) {
            passwordEncoder.matches(password, decoyHash);
            monitor.failed(username, account, address, "unknown user");
            throw new BadCredentialsException(WRONG);
        }
        UserAccount user = account.get();
        if (user.lockedAt(now)) {
            monitor.failed(username, Optional.empty(), address, "account locked");
            throw new LockedException("This account is locked after repeated failed logins until "
                    + TIME.format(user.lockedUntil()) + ", or until an administrator unlocks it.");
        }
        if (!passwordEncoder.matches(password, user.passwordHash())) {
            throw refusal(monitor.failed(username, account, address, "wrong password"), WRONG);
        }
        if (user.mfaEnabled() && !secondFactorAccepted(user, details.code(), now)) {
            boolean missing = details.code() == null || details.code().isBlank();
            throw refusal(monitor.failed(username, account, address, missing ? "code missing" : "wrong code"),
                    missing ? "Enter the 6-digit code from your authenticator app, or a recovery code." : WRONG);
        }
        if (!user.enabled()) {
            monitor.failed(username, Optional.empty(), address, "account disabled");
            throw new DisabledException("This account is disabled. Ask an administrator.");
        }
        monitor.succeeded(user, address);
        UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(
                user.asCurrentUser(), null, authorities(user));
        result.setDetails(details);
        return result;
    }

    /** The failure that locks the account says so at once, not only on the next attempt. */
    private static AuthenticationException refusal(Optional<Instant> lockedUntil, String message) {
        return lockedUntil.<AuthenticationException>map(until -> new LockedException(
                        "Too many failed logins: this account is locked until " + TIME.format(until)
                                + ", or until an administrator unlocks it."))
                .orElseGet(() -> new BadCredentialsException(message));
    }

    private boolean secondFactorAccepted(UserAccount user, String code, Instant now) {
        if (code == null || code.isBlank()) {
            return false;
        }
        String secret = sealing.open(Accounts.TOTP_PURPOSE + user.id(), user.sealedTotpSecret());
        OptionalLong step = totp.matchingStep(secret, code, now);
        if (step.isPresent()) {
            return users.advanceTotpStep(user.id(), step.getAsLong());
        }
        return code.strip().length() > 6 && recoveryCodes.use(user.id(), code);
    }

    static List<GrantedAuthority> authorities(UserAccount user) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (Role role : user.roles()) {
            authorities.add(new SimpleGrantedAuthority(role.authority()));
        }
        if (user.mfaRequired() && !user.mfaEnabled()) {
            authorities.add(new SimpleGrantedAuthority(MFA_ENROLMENT_REQUIRED));
        }
        return authorities;
    }

    /** The authentication to put in place after the user's roles or factors changed. */
    static UsernamePasswordAuthenticationToken refreshed(UserAccount user, Object details) {
        UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.authenticated(
                user.asCurrentUser(), null, authorities(user));
        token.setDetails(details);
        return token;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** Used by {@link CurrentUser}-aware code that needs the principal from an authentication. */
    static Optional<CurrentUser> principal(Authentication authentication) {
        return authentication != null && authentication.getPrincipal() instanceof CurrentUser user
                ? Optional.of(user) : Optional.empty();
    }
}
