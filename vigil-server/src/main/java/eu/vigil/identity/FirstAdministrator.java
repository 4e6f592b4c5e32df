package eu.vigil.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;

import eu.vigil.identity.internal.Accounts;
import eu.vigil.identity.internal.ApiTokens;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sets up an empty installation without a browser ({@code vigil admin bootstrap}): the first
 * administrator, and optionally a first API token for automation.
 */
@Service
public class FirstAdministrator {

    /** The account made, and the API token when one was asked for. */
    public record Bootstrapped(String username, Optional<String> apiToken) {
    }

    private final Accounts accounts;
    private final ApiTokens tokens;

    FirstAdministrator(Accounts accounts, ApiTokens tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    /**
     * @throws IllegalArgumentException with the reasons, when the name or password is not acceptable
     *                                  or the installation already has users
     */
    @Transactional
    public Bootstrapped bootstrap(String username, String password, boolean withApiToken, Duration tokenValidity) {
        Accounts.Registered admin;
        try {
            admin = accounts.bootstrapAdministrator(username, password);
        } catch (eu.vigil.identity.internal.AccountRejected e) {
            throw new IllegalArgumentException(String.join(" ", e.problems().values()), e);
        }
        Optional<String> token = withApiToken
                ? Optional.of(tokens.create(admin.userId(), "bootstrap", EnumSet.of(Role.ADMIN), Instant.now().plus(tokenValidity)))
                : Optional.empty();
        return new Bootstrapped(admin.username(), token);
    }
}
