package eu.vigil.sbom.internal;

/** Input the SBOM repository refuses; nothing was changed. */
public class InvalidSbomInput extends RuntimeException {

    private final String field;

    public InvalidSbomInput(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
