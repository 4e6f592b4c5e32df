package eu.vigil.incidents.internal;

/** Input that cannot be accepted, naming the field at fault. Nothing was changed. */
public class InvalidIncidentInput extends RuntimeException {

    private final String field;

    public InvalidIncidentInput(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
