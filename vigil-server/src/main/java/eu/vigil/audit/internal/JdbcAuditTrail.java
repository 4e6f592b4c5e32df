package eu.vigil.audit.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import eu.vigil.audit.AuditEvent;
import eu.vigil.audit.AuditTrail;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes entries to {@code audit_pending} in the caller's transaction (so an audited change and
 * its entry commit together) without taking any lock; once committed, {@link AuditChainer}
 * links them into the chain.
 */
@Component
class JdbcAuditTrail implements AuditTrail {

    private static final String INSERT = """
            INSERT INTO audit_pending (recorded_at, actor, client_address, action, object_type, object_id, outcome, details)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";
    private final JdbcTemplate jdbc;
    private final AuditChainer chainer;
    private final Clock clock;
    private final org.springframework.transaction.support.TransactionTemplate transaction;

    JdbcAuditTrail(JdbcTemplate jdbc, AuditChainer chainer, ObjectProvider<Clock> clock,
                   org.springframework.transaction.PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.chainer = chainer;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Override
    public void record(AuditEvent event) {
        recordAll(List.of(event));
    }

    @Override
    public void recordAll(Collection<AuditEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        List<Object[]> rows = new ArrayList<>(events.size());
        for (AuditEvent event : events) {
            rows.add(new Object[] {now.atOffset(ZoneOffset.UTC),
                    AuditEntryCodec.clean(event.actor() != null ? event.actor() : currentActor(), 200),
                    AuditEntryCodec.clean(event.clientAddress() != null ? event.clientAddress() : currentAddress(), 64),
                    AuditEntryCodec.clean(event.action(), 100),
                    AuditEntryCodec.clean(event.objectType(), 60),
                    AuditEntryCodec.clean(event.objectId(), 200),
                    event.outcome().name(),
                    AuditEntryCodec.encodeDetails(event.details())});
        }
        if (rows.size() == 1) {
            jdbc.update(INSERT, rows.get(0));
        } else if (TransactionSynchronizationManager.isActualTransactionActive()) {
            jdbc.batchUpdate(INSERT, rows);
        } else {
            // one commit for the batch rather than one per row
            transaction.executeWithoutResult(status -> jdbc.batchUpdate(INSERT, rows));
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    chainer.wake();
                }
            });
        } else {
            chainer.wake();
        }
    }

    private static String currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated() ? "anonymous" : authentication.getName();
    }

    private static String currentAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }

}
