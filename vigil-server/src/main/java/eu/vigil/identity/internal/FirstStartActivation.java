package eu.vigil.identity.internal;

import java.util.EnumSet;

import eu.vigil.audit.AuditEvent;
import eu.vigil.audit.AuditTrail;
import eu.vigil.identity.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * No default credential: on a start with no users, a one-time activation link (valid 24 hours)
 * is printed to the console. Each such start replaces the previous link.
 */
@Component
public class FirstStartActivation {

    private static final Logger log = LoggerFactory.getLogger(FirstStartActivation.class);

    private final UserAccounts users;
    private final Activations activations;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Environment environment;
    private volatile String lastLink;

    FirstStartActivation(UserAccounts users, Activations activations, AuditTrail audit,
                         TransactionTemplate transactions, Environment environment) {
        this.users = users;
        this.activations = activations;
        this.audit = audit;
        this.transactions = transactions;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void offerActivation() {
        if (environment.getProperty("local.server.port") == null) {
            return; // not a web server (the CLI's offline commands)
        }
        String token = transactions.execute(status -> {
            if (users.count() > 0) {
                return null;
            }
            activations.revokeOpenActivations();
            audit.record(AuditEvent.of("identity.activation-link-issued").actor("vigil").object("activation", "first-start"));
            return activations.create(Activations.Purpose.ACTIVATION, EnumSet.of(Role.ADMIN), null, "vigil");
        });
        if (token == null) {
            return;
        }
        String link = "https://localhost:" + environment.getProperty("local.server.port") + "/activate?token=" + token;
        lastLink = link;
        String banner = "=".repeat(78);
        // Printed to the console on purpose: whoever can read it may claim the installation.
        System.out.println(banner + "\n Vigil has no users yet. Open this one-time link within 24 hours to create the\n"
                + " first administrator:\n\n   " + link + "\n\n"
                + " The server's certificate is self-signed; its SHA-256 fingerprint is\n   "
                + environment.getProperty("vigil.tls.fingerprint", "(configured certificate)") + "\n" + banner);
        log.info("First-start activation link issued (valid 24 h)");
    }

    /** The link printed at this start, for the browser tests; empty when none was needed. */
    public String lastLink() {
        return lastLink;
    }
}
