package eu.vigil.keys;

/**
 * Rotates the key-encryption key: a new KEK is made and becomes active, every data key and
 * signing key is re-wrapped under it in small transactions, then the old KEKs, now unused,
 * are deleted. Data is never re-encrypted. Safe to interrupt at any point (each key is readable
 * under the KEK its row names) and to run again, which finishes an interrupted rotation.
 */
public interface KeyRotation {

    RotationResult rotate();

    /** Finishes an interrupted rotation without making a new KEK. */
    RotationResult resume();

    KeyStatus status();

    /**
     * @param activeVersion the KEK version new keys are wrapped under
     * @param rewrapped     data and signing keys moved to it by this call
     * @param retired       old KEK versions deleted by this call
     */
    record RotationResult(int activeVersion, long rewrapped, int retired) {
    }

    /**
     * @param activeVersion the active KEK version
     * @param kekVersions   KEK versions still stored
     * @param dataKeys      data keys stored
     * @param behind        data and signing keys wrapped under an older KEK (0 after a finished rotation)
     * @param masterKey     where the master key is held ({@code pkcs12:<path>} or {@code pkcs11:<config>})
     */
    record KeyStatus(int activeVersion, java.util.List<Integer> kekVersions, long dataKeys, long behind,
                     String masterKey) {
    }
}
