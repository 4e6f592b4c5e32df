package eu.vigil.keys.internal;

import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

import eu.vigil.core.crypto.AesGcm;
import eu.vigil.core.crypto.TamperedCiphertextException;

/**
 * The master key: wraps and unwraps key-encryption keys, nothing else. Held in a PKCS#12 key
 * store, or in an HSM (then {@code provider} is its PKCS#11 provider and the key never leaves it).
 */
public final class MasterKey {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final SecretKey key;
    private final Provider provider;
    private final String alias;
    private final String location;

    MasterKey(SecretKey key, Provider provider, String alias, String location) {
        this.key = key;
        this.provider = provider;
        this.alias = alias;
        this.location = location;
    }

    String alias() {
        return alias;
    }

    /** Where the key is held, for status pages: {@code pkcs12:<file>} or {@code pkcs11:<config>}. */
    String location() {
        return location;
    }

    byte[] seal(byte[] associatedData, byte[] plaintext) {
        if (provider == null) {
            return AesGcm.seal(key, associatedData, plaintext);
        }
        byte[] nonce = new byte[AesGcm.NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding", provider);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(associatedData);
            byte[] sealed = cipher.doFinal(plaintext);
            byte[] out = Arrays.copyOf(nonce, nonce.length + sealed.length);
            System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the HSM refused to wrap a key: " + e.getMessage(), e);
        }
    }

    byte[] open(byte[] associatedData, byte[] sealed) throws TamperedCiphertextException {
        if (provider == null) {
            return AesGcm.open(key, associatedData, sealed);
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding", provider);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealed, 0, AesGcm.NONCE_BYTES));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(sealed, AesGcm.NONCE_BYTES, sealed.length - AesGcm.NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new TamperedCiphertextException("key does not unwrap under the master key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the HSM refused to unwrap a key: " + e.getMessage(), e);
        }
    }
}
