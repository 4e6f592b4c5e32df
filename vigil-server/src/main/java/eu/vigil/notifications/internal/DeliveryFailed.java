package eu.vigil.notifications.internal;

/** A channel could not deliver; the message says why, for the outbox's last error. Never holds secrets. */
class DeliveryFailed extends RuntimeException {

    DeliveryFailed(String message) {
        super(message);
    }

    DeliveryFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
