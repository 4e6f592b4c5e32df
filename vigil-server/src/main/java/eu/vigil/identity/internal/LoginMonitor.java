package eu.vigil.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import eu.vigil.audit.AuditEvent;
import eu.vigil.audit.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Illegal-login monitoring: failed logins are counted per account and per client address. From
 * the fifth failure in a row an account is locked, one minute at first and twice as long with
 * each further failure (at most a day); an address that fails twenty times in a row is locked
 * the same way. Every lockout is audited.
 */
@Component
public class LoginMonitor {

    static final int ACCOUNT_THRESHOLD = 5;
    static final int ADDRESS_THRESHOLD = 20;
    static final Duration FIRST_LOCK = Duration.ofMinutes(1);
    static final Duration LONGEST_LOCK = Duration.ofHours(24);
    /** An address's count starts again after a quiet hour. */
    private static final Duration ADDRESS_MEMORY = Duration.ofHours(1);

    private final UserAccounts accounts;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    LoginMonitor(UserAccounts accounts, JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    static Duration lockFor(int failures, int threshold) {
        if (failures < threshold) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - threshold, 20);
        Duration lock = FIRST_LOCK.multipliedBy(1L << doublings);
        return lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock;
    }

    /** When the address is locked, until when. */
    public Optional<Instant> addressLockedUntil(String address) {
        Instant now = clock.instant();
        return jdbc.sql("SELECT locked_until FROM login_address_failure WHERE address = ?")
                .param(address)
                .query((rs, i) -> UserAccounts.instant(rs, "locked_until"))
                .optional()
                .filter(until -> until != null && until.isAfter(now));
    }

    /** Counts a failure in its own transaction, so that it stays counted when the login fails. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Optional<Instant> failed(String username, Optional<UserAccount> account, String address, String reason) {
        Instant now = clock.instant();
        audit.record(AuditEvent.of("identity.login").object("user", username).failed()
                .actor(username).clientAddress(address).detail("reason", reason));
        Optional<Instant> lockedUntil = Optional.empty();
        if (account.isPresent()) {
            UserAccount user = account.get();
            int failures = user.failedLogins() + 1;
            Duration lock = lockFor(failures, ACCOUNT_THRESHOLD);
            Instant until = lock.isZero() ? user.lockedUntil() : now.plus(lock);
            accounts.recordFailure(user.id(), failures, until);
            if (!lock.isZero()) {
                audit.record(AuditEvent.of("identity.lockout").object("user", user.id()).denied()
                        .actor(username).clientAddress(address)
                        .detail("failures", failures).detail("lockedUntil", until));
                lockedUntil = Optional.of(until);
            }
        }
        if (address != null) {
            countAddressFailure(address, now);
        }
        return lockedUntil;
    }

    private void countAddressFailure(String address, Instant now) {
        record AddressState(int failures, Instant lastFailure) {
        }
        Optional<AddressState> state = jdbc.sql("SELECT failures, last_failure FROM login_address_failure WHERE address = ?")
                .param(address)
                .query((rs, i) -> new AddressState(rs.getInt("failures"), UserAccounts.instant(rs, "last_failure")))
                .optional();
        int failures = state.filter(s -> s.lastFailure().plus(ADDRESS_MEMORY).isAfter(now))
                .map(s -> s.failures() + 1).orElse(1);
        Duration lock = lockFor(failures, ADDRESS_THRESHOLD);
        Instant until = lock.isZero() ? null : now.plus(lock);
        if (state.isPresent()) {
            jdbc.sql("UPDATE login_address_failure SET failures = ?, last_failure = ?, locked_until = ? WHERE address = ?")
                    .param(failures).param(UserAccounts.at(now)).param(UserAccounts.at(until)).param(address).update();
        } else {
            jdbc.sql("INSERT INTO login_address_failure (address, failures, last_failure, locked_until) VALUES (?, ?, ?, ?)")
                    .param(address).param(failures).param(UserAccounts.at(now)).param(UserAccounts.at(until)).update();
        }
        if (until != null) {
            audit.record(AuditEvent.of("identity.address-lockout").object("address", address).denied()
                    .actor("anonymous").clientAddress(address).detail("failures", failures).detail("lockedUntil", until));
        }
    }

    public void succeeded(UserAccount user, String address) {
        Instant now = clock.instant();
        var event = AuditEvent.of("identity.login").object("user", user.id()).actor(user.username()).clientAddress(address);
        if (user.failedLogins() > 0) {
            event.detail("afterFailures", user.failedLogins());
        }
        audit.record(event);
        accounts.recordSuccess(user.id(), now);
        if (address != null) {
            jdbc.sql("DELETE FROM login_address_failure WHERE address = ?").param(address).update();
        }
    }
}
