package eu.vigil.audit;

/**
 * The one way to write to the audit trail. Recording joins the caller's transaction when there
 * is one, so an audited change and its entry are committed together or not at all.
 */
public interface AuditTrail {

    void record(AuditEvent event);

    default void record(AuditEvent.Builder event) {
        record(event.build());
    }

    /** Records several events at once, in one batch and in the given order. */
    default void recordAll(java.util.Collection<AuditEvent> events) {
        events.forEach(this::record);
    }
}
