package eu.vigil.backup;

/** An archive that cannot be used: not a Vigil backup, damaged, altered, or for another master key. */
public class InvalidArchiveException extends RuntimeException {

    public InvalidArchiveException(String message) {
        super(message);
    }

    public InvalidArchiveException(String message, Throwable cause) {
        super(message, cause);
    }
}
