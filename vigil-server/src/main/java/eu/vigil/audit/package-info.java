/**
 * Audit: one append-only trail of every security event and every change in every module.
 * Other modules record through {@link eu.vigil.audit.AuditTrail}; nothing else here is theirs.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit trail")
package eu.vigil.audit;
