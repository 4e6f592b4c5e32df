package eu.vigil.keys;

/** The disk holding the blob store is full: nothing was stored. */
public class StorageFullException extends RuntimeException {

    public StorageFullException(String message) {
        super(message);
    }

    public StorageFullException(String message, Throwable cause) {
        super(message, cause);
    }
}
