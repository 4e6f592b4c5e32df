package eu.vigil.core.crypto;

import java.io.IOException;

/**
 * Ciphertext that fails authentication: altered, truncated, reordered, encrypted for another
 * object, or under another key. Nothing of it is ever returned as data.
 */
public class TamperedCiphertextException extends IOException {

    public TamperedCiphertextException(String message) {
        super(message);
    }

    public TamperedCiphertextException(String message, Throwable cause) {
        super(message, cause);
    }
}
