package eu.vigil.identity.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * The stored sessions of a user, to end them all at once (logout everywhere, disabling, role
 * change). Without the web server (the offline commands) there is no session store, and nothing
 * to end.
 */
@Component
public class Sessions {

    private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> repository;

    Sessions(ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> repository) {
        this.repository = repository;
    }

    public int endAll(String username) {
        FindByIndexNameSessionRepository<? extends Session> sessions = repository.getIfAvailable();
        if (sessions == null) {
            return 0;
        }
        var found = sessions.findByPrincipalName(username);
        found.keySet().forEach(sessions::deleteById);
        return found.size();
    }

    public int count(String username) {
        FindByIndexNameSessionRepository<? extends Session> sessions = repository.getIfAvailable();
        return sessions == null ? 0 : sessions.findByPrincipalName(username).size();
    }
}
