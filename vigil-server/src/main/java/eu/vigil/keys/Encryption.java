package eu.vigil.keys;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * Encrypts values and streams that belong to one object, under that object's data key
 * (AES-256-GCM; the purpose and object id are authenticated with the data, so a ciphertext
 * moved to another object or purpose does not decrypt). Rotation never changes a ciphertext.
 *
 * <pre>{@code
 * String stored = encryption.encrypt("identity.totp-secret", userId, base32Secret);
 * String secret = encryption.decrypt("identity.totp-secret", userId, stored);
 * }</pre>
 *
 * A field ciphertext is text of the form {@code vk1.<data key id>.<base64url>}, at most about
 * {@code 4/3 * (plaintext + 28) + 42} characters. Arguments are never {@code null}.
 */
public interface Encryption {

    /** Encrypts a text field of {@code objectId} for {@code purpose} (e.g. {@code identity.totp-secret}). */
    String encrypt(String purpose, String objectId, String plaintext);

    /**
     * Decrypts what {@link #encrypt(String, String, String)} made for the same purpose and object.
     *
     * @throws DecryptionFailedException when the value was altered or belongs elsewhere
     */
    String decrypt(String purpose, String objectId, String ciphertext);

    String encryptBytes(String purpose, String objectId, byte[] plaintext);

    byte[] decryptBytes(String purpose, String objectId, String ciphertext);

    /** Wraps {@code out}: what is written to the result is stored encrypted; close it to finish. */
    OutputStream encrypting(String purpose, String objectId, OutputStream out);

    /**
     * Wraps {@code in}, which must hold what {@link #encrypting} wrote for the same purpose and
     * object. Each 64 KiB chunk is authenticated before it is released; a damaged, truncated or
     * reordered stream throws {@link eu.vigil.core.crypto.TamperedCiphertextException} from read.
     */
    InputStream decrypting(String purpose, String objectId, InputStream in);

    /** Destroys the object's data key: every ciphertext of it becomes unreadable for good. */
    void forget(String purpose, String objectId);
}
