package eu.vigil.identity.internal;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/** The stored sessions of a user, to end them all at once (logout everywhere, disabling, role change). */
@Component
public class Sessions {

    private final FindByIndexNameSessionRepository<? extends Session> repository;

    Sessions(FindByIndexNameSessionRepository<? extends Session> repository) {
        this.repository = repository;
    }

    public int endAll(String username) {
        var found = repository.findByPrincipalName(username);
        found.keySet().forEach(repository::deleteById);
        return found.size();
    }

    public int count(String username) {
        return repository.findByPrincipalName(username).size();
    }
}
