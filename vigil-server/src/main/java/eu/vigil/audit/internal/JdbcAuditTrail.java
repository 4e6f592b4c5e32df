package eu.vigil.audit.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.stream.Collectors;

import eu.vigil.audit.AuditEvent;
import eu.vigil.audit.AuditTrail;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Appends entries to the {@code audit_entry} table, filling actor and address from the request. */
@Component
class JdbcAuditTrail implements AuditTrail {

    private final JdbcClient jdbc;

    JdbcAuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(AuditEvent event) {
        jdbc.sql("""
                INSERT INTO audit_entry (recorded_at, actor, client_address, action, object_type, object_id, outcome, details)
                VALUES (:at, :actor, :address, :action, :objectType, :objectId, :outcome, :details)
                """)
                .param("at", Instant.now().truncatedTo(ChronoUnit.MICROS).atOffset(java.time.ZoneOffset.UTC))
                .param("actor", event.actor() != null ? event.actor() : currentActor())
                .param("address", event.clientAddress() != null ? event.clientAddress() : currentAddress())
                .param("action", event.action())
                .param("objectType", event.objectType())
                .param("objectId", event.objectId())
                .param("outcome", event.outcome().name())
                .param("details", encode(event.details()))
                .update();
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

    private static String encode(Map<String, String> details) {
        return details.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; "));
    }
}
