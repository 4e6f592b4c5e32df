package eu.vigil.identity.internal;

import eu.vigil.keys.Encryption;
import org.springframework.stereotype.Component;

/**
 * Seals identity secrets (TOTP seeds) before they are stored: encrypted under the key hierarchy
 * of the keys module, bound to the account they belong to, so a sealed value moved to another
 * account does not open.
 */
@Component
public class SecretSealing {

    private static final String PURPOSE = "identity.secret";

    private final Encryption encryption;

    SecretSealing(Encryption encryption) {
        this.encryption = encryption;
    }

    /** @param owner what the secret belongs to, e.g. {@code identity.totp:42} */
    public String seal(String owner, String secret) {
        return encryption.encrypt(PURPOSE, owner, secret);
    }

    public String open(String owner, String sealed) {
        return encryption.decrypt(PURPOSE, owner, sealed);
    }
}
