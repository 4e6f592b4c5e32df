package eu.vigil.notifications.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Polls the outbox on every node ({@code vigil.notifications.poll-interval}); no lock is needed,
 * as the claim itself keeps nodes apart. Deliveries are also started right after a notice is taken in.
 */
@Component
@ConditionalOnProperty(name = "vigil.jobs.enabled", havingValue = "true", matchIfMissing = true)
class DeliverySchedule {

    private final DeliveryWorker worker;

    DeliverySchedule(DeliveryWorker worker) {
        this.worker = worker;
    }

    @Scheduled(fixedDelayString = "${vigil.notifications.poll-interval:5s}", initialDelayString = "${vigil.notifications.poll-interval:5s}")
    void poll() {
        worker.deliverDueQuietly();
    }
}
