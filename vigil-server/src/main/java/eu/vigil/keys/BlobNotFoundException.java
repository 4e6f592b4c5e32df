package eu.vigil.keys;

/** No blob with that id. */
public class BlobNotFoundException extends RuntimeException {

    public BlobNotFoundException(String message) {
        super(message);
    }

    public BlobNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
