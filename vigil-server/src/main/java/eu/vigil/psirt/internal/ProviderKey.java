package eu.vigil.psirt.internal;

import java.time.Clock;

import eu.vigil.audit.AuditEvent;
import eu.vigil.audit.AuditTrail;
import eu.vigil.core.csaf.OpenPgpSigner;
import eu.vigil.keys.Encryption;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The provider's OpenPGP key: generated on first use, its secret part sealed with the key
 * hierarchy ({@link Encryption}), its public part shown on the intake page and in provider-metadata.
 */
@Component
public class ProviderKey {

    private static final String PURPOSE = "psirt.openpgp";

    private final JdbcClient jdbc;
    private final Encryption encryption;
    private final AuditTrail audit;
    private final PsirtSettings settings;
    private final Clock clock;
    private volatile OpenPgpSigner signer;

    ProviderKey(JdbcClient jdbc, Encryption encryption, AuditTrail audit, PsirtSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.encryption = encryption;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional
    public synchronized OpenPgpSigner signer() {
        if (signer != null) {
            return signer;
        }
        var sealed = jdbc.sql("SELECT secret_sealed FROM psirt_provider_key WHERE id = 1").query(String.class).optional();
        if (sealed.isPresent()) {
            signer = OpenPgpSigner.load(encryption.decryptBytes(PURPOSE, "provider", sealed.get()));
            return signer;
        }
        OpenPgpSigner made = OpenPgpSigner.generate(settings.publisherName() + " PSIRT <"
                + settings.contact().replaceFirst("^mailto:", "") + ">");
        // two nodes may make a key at once: the first row wins, and both use it
        int inserted = jdbc.sql("INSERT INTO psirt_provider_key (id, fingerprint, public_key, secret_sealed, created_at) "
                        + "VALUES (1, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
                .param(made.fingerprint()).param(made.armoredPublicKey())
                .param(encryption.encryptBytes(PURPOSE, "provider", made.exportSecretKey()))
                .param(PsirtService.at(clock.instant())).update();
        if (inserted == 0) {
            String winner = jdbc.sql("SELECT secret_sealed FROM psirt_provider_key WHERE id = 1").query(String.class).single();
            signer = OpenPgpSigner.load(encryption.decryptBytes(PURPOSE, "provider", winner));
            return signer;
        }
        audit.record(AuditEvent.of("psirt.openpgp.generate").object("openpgp-key", made.fingerprint()));
        signer = made;
        return signer;
    }
}
