package eu.vigil.notifications.internal;

/** Input the module refuses, naming the field; nothing was changed. */
public class InvalidNotificationInput extends RuntimeException {

    private final String field;

    public InvalidNotificationInput(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
