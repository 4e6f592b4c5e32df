/**
 * Audit: one append-only, hash-chained trail of every security event and every change in every
 * module, anchored by signed checkpoints and forwarded to syslog (RFC 5424). Other modules record
 * through {@link eu.vigil.audit.AuditTrail}; auditors read through {@link eu.vigil.audit.AuditLog}
 * and check it through {@link eu.vigil.audit.AuditIntegrity}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit trail")
package eu.vigil.audit;
