package eu.vigil.keys;

import javax.crypto.SecretKey;

/**
 * Keys for archives that must be opened where there is no database yet (backups): a random
 * AES-256 key sealed under the master key, shipped with the passphrase-protected master key
 * store, so the archive opens with the master passphrase alone.
 */
public interface ArchiveKeys {

    /**
     * @param key            the archive key, to encrypt with now
     * @param sealed         the key sealed under the master key, bound to {@code context}
     * @param masterKeyStore the PKCS#12 master key store (empty when the master key is in an HSM)
     * @param masterAlias    the master key's alias
     */
    record ArchiveKey(SecretKey key, byte[] sealed, byte[] masterKeyStore, String masterAlias) {
    }

    ArchiveKey newArchiveKey(byte[] context);

    /** Opens an archive key under this installation's master key. */
    SecretKey open(byte[] context, byte[] sealed);

    /**
     * Opens an archive key offline, with the master key store that came with the archive and
     * the master passphrase.
     *
     * @throws MasterKeyUnavailableException when the passphrase is wrong
     * @throws DecryptionFailedException     when the sealed key was altered
     */
    static SecretKey open(byte[] masterKeyStore, char[] passphrase, byte[] context, byte[] sealed) {
        return eu.vigil.keys.internal.MasterKeyArchiveKeys.openOffline(masterKeyStore, passphrase, context, sealed);
    }
}
