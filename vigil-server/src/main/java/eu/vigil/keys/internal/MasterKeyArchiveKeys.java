package eu.vigil.keys.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.crypto.SecretKey;

import eu.vigil.core.crypto.AesGcm;
import eu.vigil.core.crypto.TamperedCiphertextException;
import eu.vigil.keys.ArchiveKeys;
import eu.vigil.keys.DecryptionFailedException;
import eu.vigil.platform.DataFolder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

@Component
public class MasterKeyArchiveKeys implements ArchiveKeys {

    private final MasterKey master;
    private final Path keyStore;

    MasterKeyArchiveKeys(MasterKey master, Environment environment) {
        this.master = master;
        this.keyStore = MasterKeyStore.folder(DataFolder.from(environment).root()).resolve(MasterKeyStore.KEY_STORE_FILE);
    }

    @Override
    public ArchiveKey newArchiveKey(byte[] context) {
        SecretKey key = AesGcm.newKey();
        byte[] store;
        try {
            store = master.location().startsWith("pkcs12:") ? Files.readAllBytes(keyStore) : new byte[0];
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the master key store " + keyStore, e);
        }
        return new ArchiveKey(key, master.seal(context, key.getEncoded()), store, master.alias());
    }

    @Override
    public SecretKey open(byte[] context, byte[] sealed) {
        try {
            return AesGcm.key(master.open(context, sealed));
        } catch (TamperedCiphertextException e) {
            throw new DecryptionFailedException("the archive key does not open under this master key", e);
        }
    }

    public static SecretKey openOffline(byte[] masterKeyStore, char[] passphrase, byte[] context, byte[] sealed) {
        try {
            Path temporary = Files.createTempFile("vigil-master", ".p12");
            try {
                MasterKeyStore.restrictToOwner(temporary);
                Files.write(temporary, masterKeyStore);
                MasterKey master = MasterKeyStore.load(temporary, passphrase);
                return AesGcm.key(master.open(context, sealed));
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (TamperedCiphertextException e) {
            throw new DecryptionFailedException("the archive key does not open under the archive's master key: "
                    + "the archive header was altered", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The master passphrase as configured (environment, passphrase file, or generated file). */
    public static char[] passphrase(org.springframework.core.env.PropertyResolver settings, Path dataRoot) {
        return MasterKeyStore.passphrase(settings, dataRoot, false);
    }
}
