package eu.vigil.notifications.internal;

/** No such subscription (or notice), or not one the caller may touch. */
public class UnknownSubscription extends RuntimeException {

    public UnknownSubscription(String what, long id) {
        super("No " + what + " with id " + id + ".");
    }
}
