package eu.vigil.keys;

/**
 * The master key cannot be opened (wrong passphrase, missing or damaged key store, HSM not
 * reachable) or does not match the database. Vigil refuses to start and changes nothing.
 */
public class MasterKeyUnavailableException extends RuntimeException {

    public MasterKeyUnavailableException(String message) {
        super(message);
    }

    public MasterKeyUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
