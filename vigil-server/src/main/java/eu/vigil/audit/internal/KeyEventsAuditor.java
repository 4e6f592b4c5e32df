package eu.vigil.audit.internal;

import eu.vigil.audit.AuditEvent;
import eu.vigil.audit.AuditTrail;
import eu.vigil.keys.BlobCorrupted;
import eu.vigil.keys.KeysRotated;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Records what the key module reports: KEK and master-key rotations, and damaged files. */
@Component
class KeyEventsAuditor {

    private final AuditTrail trail;

    KeyEventsAuditor(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void on(KeysRotated event) {
        trail.record(AuditEvent.of("keys.rotate").object("kek", event.activeVersion())
                .actor("system").detail("rewrapped", event.rewrapped()).detail("retired", event.retiredVersions()));
    }

    @EventListener
    void on(eu.vigil.keys.MasterKeyRotated event) {
        trail.record(AuditEvent.of("keys.rotate-master").object("master-key", event.alias())
                .actor("system").detail("previous", event.previousAlias()).detail("keks", event.keks()));
    }

    @EventListener
    void on(BlobCorrupted event) {
        trail.record(AuditEvent.of("keys.blob-corrupted").object("blob", event.blobId()).failed()
                .detail("purpose", event.purpose()).detail("reason", event.reason()));
    }
}
