package eu.vigil.core;

/**
 * Input that does not follow its standard: a malformed vector, purl, version, record or document.
 * The message says what is wrong, and where, in words an analyst can act on.
 */
public class InvalidInputException extends RuntimeException {

    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
