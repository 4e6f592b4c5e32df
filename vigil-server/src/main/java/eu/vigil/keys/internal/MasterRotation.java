package eu.vigil.keys.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

import eu.vigil.core.crypto.AesGcm;
import eu.vigil.keys.MasterKeyRotated;
import eu.vigil.keys.MasterKeyRotation;
import eu.vigil.platform.DataFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Master-key rotation in four steps, each leaving a usable state behind:
 * <ol>
 * <li>the new key store is written beside the old one ({@code master.p12.next}); the database still
 *     names only the old master key — the old key store opens it;</li>
 * <li>one transaction wraps every KEK also under the new master key ({@code next_*} columns) — the
 *     old key store still opens it;</li>
 * <li>{@code master.p12.next} is renamed over {@code master.p12} (atomic) — from now on the new key
 *     store opens it, through the {@code next_*} wrappings;</li>
 * <li>the new wrappings become the only ones (also done on the next start if a crash came first),
 *     and a generated passphrase file is replaced by the new passphrase.</li>
 * </ol>
 */
@Component
class MasterRotation implements MasterKeyRotation {

    private static final Logger log = LoggerFactory.getLogger(MasterRotation.class);
    static final String NEXT_KEY_STORE = MasterKeyStore.KEY_STORE_FILE + ".next";

    private final KeyHierarchy keys;
    private final Environment environment;
    private final ApplicationEventPublisher events;

    MasterRotation(KeyHierarchy keys, Environment environment, ApplicationEventPublisher events) {
        this.keys = keys;
        this.environment = environment;
        this.events = events;
    }

    @Override
    public Result rotate(char[] newPassphrase) {
        MasterKey old = keys.master();
        if (!old.location().startsWith("pkcs12:")) {
            throw new IllegalStateException("the master key is held in an HSM (" + old.location()
                    + "): rotate it with the HSM's own tools");
        }
        if (newPassphrase == null || newPassphrase.length < 16) {
            throw new IllegalArgumentException("the new master passphrase needs at least 16 characters");
        }
        Path dataRoot = DataFolder.from(environment).root();
        Path keyStore = MasterKeyStore.folder(dataRoot).resolve(MasterKeyStore.KEY_STORE_FILE);
        Path next = keyStore.resolveSibling(NEXT_KEY_STORE);
        String alias = nextAlias(old.alias());
        try {
            MasterKeyStore.write(next, AesGcm.newKey(), alias, newPassphrase);
            // the key store written must open with the new passphrase before anything depends on it
            MasterKey reread = MasterKeyStore.load(next, newPassphrase);
            int keks = keys.wrapKeksAlsoUnder(reread);
            log.info("Wrapped {} key-encryption key(s) also under the new master key {}", keks, alias);
            MasterKeyStore.syncAndMove(next, keyStore);
            log.info("The new master key store is in place: {}", keyStore);
            keys.settleMasterRotation(alias);
            boolean replaced = false;
            if (MasterKeyStore.usesGeneratedPassphrase(environment)) {
                MasterKeyStore.writeGeneratedPassphrase(dataRoot, newPassphrase);
                replaced = true;
            }
            events.publishEvent(new MasterKeyRotated(old.alias(), alias, keks));
            return new Result(old.alias(), alias, keks, keyStore.toString(), replaced);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("master-key rotation failed before the new key store was in place; "
                    + "the old master key and passphrase still open Vigil: " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(next);
            } catch (IOException e) {
                // a leftover master.p12.next is never read
            }
        }
    }

    static String nextAlias(String alias) {
        int dash = alias.lastIndexOf('-');
        try {
            return "vigil-master-" + (Integer.parseInt(alias.substring(dash + 1)) + 1);
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            return "vigil-master-2";
        }
    }
}
