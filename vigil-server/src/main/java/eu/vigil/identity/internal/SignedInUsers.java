package eu.vigil.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/** Brings the current session's authentication up to date after the user's own factors changed. */
@Component
public class SignedInUsers {

    private final UserAccounts users;

    SignedInUsers(UserAccounts users) {
        this.users = users;
    }

    public void refresh(long userId, HttpServletRequest request) {
        UserAccount user = users.findById(userId).orElseThrow();
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(PasswordAndCodeAuthentication.refreshed(user, current == null ? null : current.getDetails()));
        SecurityContextHolder.setContext(context);
        request.getSession().setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
    }
}
