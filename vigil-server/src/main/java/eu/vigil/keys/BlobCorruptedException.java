package eu.vigil.keys;

/** A stored blob whose ciphertext, digest or size does not check: damaged on disk or altered. */
public class BlobCorruptedException extends java.io.IOException {

    public BlobCorruptedException(String message) {
        super(message);
    }

    public BlobCorruptedException(String message, Throwable cause) {
        super(message, cause);
    }
}
