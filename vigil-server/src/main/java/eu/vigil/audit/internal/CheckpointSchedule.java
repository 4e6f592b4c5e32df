package eu.vigil.audit.internal;

import eu.vigil.audit.AuditIntegrity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Anchors the chain with a signed checkpoint every {@code vigil.audit.checkpoint-interval} (default an hour). */
@Component
@ConditionalOnProperty(name = "vigil.jobs.enabled", havingValue = "true", matchIfMissing = true)
class CheckpointSchedule {

    private static final Logger log = LoggerFactory.getLogger(CheckpointSchedule.class);
    private final AuditIntegrity integrity;

    CheckpointSchedule(AuditIntegrity integrity) {
        this.integrity = integrity;
    }

    @Scheduled(initialDelayString = "${vigil.audit.checkpoint-interval:PT1H}",
            fixedDelayString = "${vigil.audit.checkpoint-interval:PT1H}")
    void anchor() {
        // the head row lock makes concurrent nodes take turns; the second finds nothing new
        integrity.checkpoint().ifPresent(c -> log.info("Audit checkpoint signed at entry {}", c.seq()));
    }
}
