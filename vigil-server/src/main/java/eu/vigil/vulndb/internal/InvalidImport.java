package eu.vigil.vulndb.internal;

/** An import request that cannot be carried out; changes nothing. */
public class InvalidImport extends RuntimeException {

    private final String field;

    public InvalidImport(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
