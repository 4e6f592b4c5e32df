package eu.vigil.identity.internal;

import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import eu.vigil.audit.AuditEvent;
import eu.vigil.audit.AuditTrail;
import eu.vigil.identity.Role;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What can be done to accounts: the first administrator's activation, invitations, passwords,
 * multi-factor enrolment, roles, disabling and unlocking. Every change is audited in the same
 * transaction; a rejected request changes nothing.
 */
@Service
@Transactional
public class Accounts {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
    static final String TOTP_PURPOSE = "identity.totp:";

    private final UserAccounts users;
    private final Activations activations;
    private final RecoveryCodes recoveryCodes;
    private final PasswordPolicy passwordPolicy;
    private final PasswordEncoder passwordEncoder;
    private final Totp totp;
    private final SecretSealing sealing;
    private final Sessions sessions;
    private final AuditTrail audit;
    private final Clock clock;

    Accounts(UserAccounts users, Activations activations, RecoveryCodes recoveryCodes, PasswordPolicy passwordPolicy,
             PasswordEncoder passwordEncoder, Totp totp, SecretSealing sealing, Sessions sessions, AuditTrail audit,
             Clock clock) {
        this.users = users;
        this.activations = activations;
        this.recoveryCodes = recoveryCodes;
        this.passwordPolicy = passwordPolicy;
        this.passwordEncoder = passwordEncoder;
        this.totp = totp;
        this.sealing = sealing;
        this.sessions = sessions;
        this.audit = audit;
        this.clock = clock;
    }

    /** A new account's form: who, and optionally the enrolled authenticator. */
    public record Registration(String username, String displayName, String email, String password,
                               String passwordRepeated, String totpSecret, String totpCode) {
    }

    /** The account made, and its recovery codes when it enrolled a second factor. */
    public record Registered(long userId, String username, List<String> recoveryCodes) {
    }

    /**
     * Uses a one-time link (the first activation or an invitation) to create an account. Roles
     * that require a second factor require the authenticator to be enrolled in the same step.
     */
    public Registered register(String token, Registration form) {
        Activations.Pending link = activations.find(token);
        boolean mfaRequired = link.roles().stream().anyMatch(Role::mfaRequired);
        Map<String, String> problems = validateNewAccount(form);
        boolean enrolling = form.totpSecret() != null && !form.totpSecret().isBlank();
        boolean codeGiven = form.totpCode() != null && !form.totpCode().isBlank();
        if (mfaRequired && (!enrolling || !codeGiven)) {
            problems.put("totpCode", "This role requires an authenticator app: scan the code and enter the 6-digit code it shows.");
        } else if (enrolling && totp.matchingStep(form.totpSecret(), form.totpCode(), clock.instant()).isEmpty()) {
            problems.put("totpCode", "The code does not match. Check the time on your phone and enter the current code.");
        }
        if (!problems.isEmpty()) {
            audit.record(AuditEvent.of("identity.register").object("activation", link.id()).failed()
                    .actor(form.username()).detail("fields", String.join(",", problems.keySet())));
            throw new AccountRejected(problems);
        }
        if (!activations.consume(link.id())) {
            throw new Activations.LinkRefused(Activations.Refusal.USED);
        }
        long id = users.insert(form.username(), displayName(form), blankToNull(form.email()),
                passwordEncoder.encode(form.password()), link.roles(), null, false, null, clock.instant());
        List<String> codes = List.of();
        if (enrolling) {
            users.setMfa(id, sealing.seal(TOTP_PURPOSE + id, form.totpSecret()), true);
            totp.matchingStep(form.totpSecret(), form.totpCode(), clock.instant())
                    .ifPresent(step -> users.advanceTotpStep(id, step));
            codes = recoveryCodes.regenerate(id);
        }
        audit.record(AuditEvent.of(link.purpose() == Activations.Purpose.ACTIVATION
                        ? "identity.activate-first-admin" : "identity.accept-invitation")
                .object("user", id).actor(form.username()).detail("roles", Role.format(link.roles()))
                .detail("invitedBy", link.invitedBy()).detail("mfa", enrolling));
        return new Registered(id, form.username(), codes);
    }

    /**
     * The first administrator, made unattended ({@code vigil admin bootstrap}): refused once any
     * account exists. The authenticator is enrolled at the first login.
     */
    public Registered bootstrapAdministrator(String username, String password) {
        if (users.count() > 0) {
            throw AccountRejected.of("username", "Vigil already has users; bootstrap only sets up an empty installation.");
        }
        Map<String, String> problems = validateNewAccount(new Registration(username, username, null, password, password, null, null));
        if (!problems.isEmpty()) {
            throw new AccountRejected(problems);
        }
        long id = users.insert(username, username, null, passwordEncoder.encode(password), EnumSet.of(Role.ADMIN),
                null, false, null, clock.instant());
        activations.revokeOpenActivations();
        audit.record(AuditEvent.of("identity.bootstrap-admin").object("user", id).actor("vigil admin bootstrap")
                .detail("username", username));
        return new Registered(id, username, List.of());
    }

    public String invite(Set<Role> roles, String email, String invitedBy) {
        if (roles.isEmpty()) {
            throw AccountRejected.of("roles", "Choose at least one role.");
        }
        if (roles.contains(Role.SUPPLIER) && roles.size() > 1) {
            throw AccountRejected.of("roles", "A supplier account holds the Supplier role alone.");
        }
        String token = activations.create(Activations.Purpose.INVITATION, roles, blankToNull(email), invitedBy);
        audit.record(AuditEvent.of("identity.invite").object("invitation", email).detail("roles", Role.format(roles)));
        return token;
    }

    public void changePassword(long userId, String current, String next, String repeated) {
        UserAccount user = users.findById(userId).orElseThrow();
        Map<String, String> problems = new LinkedHashMap<>();
        if (!passwordEncoder.matches(current == null ? "" : current, user.passwordHash())) {
            problems.put("currentPassword", "The current password is not correct.");
        }
        List<String> policy = passwordPolicy.problems(next, user.username(), user.displayName());
        if (!policy.isEmpty()) {
            problems.put("newPassword", String.join(" ", policy));
        } else if (!next.equals(repeated)) {
            problems.put("repeatPassword", "The two passwords differ.");
        }
        if (!problems.isEmpty()) {
            audit.record(AuditEvent.of("identity.change-password").object("user", userId).failed()
                    .detail("fields", String.join(",", problems.keySet())));
            throw new AccountRejected(problems);
        }
        users.updatePassword(userId, passwordEncoder.encode(next), clock.instant());
        audit.record(AuditEvent.of("identity.change-password").object("user", userId));
    }

    /** Enrols an authenticator after checking a code from it; returns fresh recovery codes. */
    public List<String> enrolMfa(long userId, String secret, String code) {
        java.util.OptionalLong step = secret == null ? java.util.OptionalLong.empty()
                : totp.matchingStep(secret, code, clock.instant());
        if (step.isEmpty()) {
            audit.record(AuditEvent.of("identity.enrol-mfa").object("user", userId).failed());
            throw AccountRejected.of("totpCode", "The code does not match. Check the time on your phone and enter the current code.");
        }
        users.setMfa(userId, sealing.seal(TOTP_PURPOSE + userId, secret), true);
        // The code used to enrol is spent: it cannot sign in afterwards.
        users.advanceTotpStep(userId, step.getAsLong());
        audit.record(AuditEvent.of("identity.enrol-mfa").object("user", userId));
        return recoveryCodes.regenerate(userId);
    }

    public List<String> regenerateRecoveryCodes(long userId) {
        audit.record(AuditEvent.of("identity.regenerate-recovery-codes").object("user", userId));
        return recoveryCodes.regenerate(userId);
    }

    public void resetMfa(long userId) {
        UserAccount user = users.findById(userId).orElseThrow(() -> new UnknownAccount(userId));
        users.setMfa(user.id(), null, false);
        recoveryCodes.removeAll(user.id());
        sessions.endAll(user.username());
        audit.record(AuditEvent.of("identity.reset-mfa").object("user", userId));
    }

    public void setRoles(long userId, Set<Role> roles, long actingUserId) {
        UserAccount user = users.findById(userId).orElseThrow(() -> new UnknownAccount(userId));
        if (roles.isEmpty()) {
            throw AccountRejected.of("roles", "Choose at least one role.");
        }
        if (roles.contains(Role.SUPPLIER) && roles.size() > 1) {
            throw AccountRejected.of("roles", "A supplier account holds the Supplier role alone.");
        }
        if (userId == actingUserId && !roles.contains(Role.ADMIN)) {
            throw AccountRejected.of("roles", "You cannot take the Administrator role from yourself.");
        }
        users.updateRoles(userId, roles);
        sessions.endAll(user.username());
        audit.record(AuditEvent.of("identity.set-roles").object("user", userId)
                .detail("from", Role.format(user.roles())).detail("to", Role.format(roles)));
    }

    public void setEnabled(long userId, boolean enabled, long actingUserId) {
        UserAccount user = users.findById(userId).orElseThrow(() -> new UnknownAccount(userId));
        if (!enabled && userId == actingUserId) {
            throw AccountRejected.of("enabled", "You cannot disable your own account.");
        }
        users.setEnabled(userId, enabled);
        if (!enabled) {
            sessions.endAll(user.username());
        }
        audit.record(AuditEvent.of(enabled ? "identity.enable" : "identity.disable").object("user", userId));
    }

    public void unlock(long userId) {
        users.findById(userId).orElseThrow(() -> new UnknownAccount(userId));
        users.unlock(userId);
        audit.record(AuditEvent.of("identity.unlock").object("user", userId));
    }

    public void endAllSessions(long userId) {
        UserAccount user = users.findById(userId).orElseThrow(() -> new UnknownAccount(userId));
        int ended = sessions.endAll(user.username());
        audit.record(AuditEvent.of("identity.logout-everywhere").object("user", userId).detail("sessions", ended));
    }

    private Map<String, String> validateNewAccount(Registration form) {
        Map<String, String> problems = new LinkedHashMap<>();
        String username = form.username() == null ? "" : form.username();
        if (!USERNAME.matcher(username).matches()) {
            problems.put("username", "Use 3 to 64 characters: lower-case letters, digits, dot, dash or underscore, "
                    + "starting with a letter or digit.");
        } else if (users.findByUsername(username).isPresent()) {
            problems.put("username", "This user name is taken.");
        }
        if (form.displayName() != null && form.displayName().length() > 200) {
            problems.put("displayName", "Use at most 200 characters.");
        }
        if (form.email() != null && !form.email().isBlank()
                && (form.email().length() > 254 || !form.email().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
            problems.put("email", "Enter an e-mail address such as name@example.com, or leave it empty.");
        }
        List<String> policy = passwordPolicy.problems(form.password(), username, form.displayName());
        if (!policy.isEmpty()) {
            problems.put("password", String.join(" ", policy));
        } else if (!form.password().equals(form.passwordRepeated())) {
            problems.put("passwordRepeated", "The two passwords differ.");
        }
        return problems;
    }

    private static String displayName(Registration form) {
        return form.displayName() == null || form.displayName().isBlank() ? form.username() : form.displayName().strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** No account has that id. */
    public static class UnknownAccount extends eu.vigil.platform.NotFoundException {
        public UnknownAccount(long id) {
            super("No user with id " + id);
        }
    }
}
