package eu.vigil.keys;

/**
 * Replaces the master key (offline: {@code vigil keys rotate-master}): a new master key in a new
 * key store under a new passphrase, every key-encryption key re-wrapped under it; data keys and
 * data are untouched. Crash-safe: the KEKs are first wrapped under both keys, then the new key
 * store is moved into place in one atomic rename, then the old wrappings are dropped, so at every
 * point either the old key store (with the old passphrase) or the new one (with the new
 * passphrase) opens the database.
 */
public interface MasterKeyRotation {

    /**
     * @param newPassphrase the passphrase that protects the new key store (at least 16 characters)
     * @throws IllegalStateException when the master key is in an HSM (rotate it there)
     */
    Result rotate(char[] newPassphrase);

    /**
     * @param previousAlias    the alias of the master key that was replaced
     * @param alias            the alias of the new master key
     * @param keks             key-encryption keys re-wrapped
     * @param keyStore         the key store file that now holds the new master key
     * @param generatedPassphraseReplaced whether the data folder's generated passphrase file now holds the new passphrase
     */
    record Result(String previousAlias, String alias, int keks, String keyStore, boolean generatedPassphraseReplaced) {
    }
}
