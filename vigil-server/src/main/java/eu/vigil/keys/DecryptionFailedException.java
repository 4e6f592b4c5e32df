package eu.vigil.keys;

/** A stored ciphertext that cannot be decrypted: altered, moved to another object, or its key is gone. */
public class DecryptionFailedException extends RuntimeException {

    public DecryptionFailedException(String message, Throwable cause) {
        super(message, cause);
    }

    public DecryptionFailedException(String message) {
        super(message);
    }
}
