package eu.vigil.identity.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Session rules beyond the idle timeout: a session ends twelve hours after its login whatever the
 * activity, and a user whose role needs a second factor that is not enrolled yet can reach only
 * the enrolment page until it is.
 */
public class SessionPolicyFilter extends OncePerRequestFilter {

    public static final String SIGNED_IN_AT = "vigil.signedInAt";
    static final Duration ABSOLUTE_TIMEOUT = Duration.ofHours(12);

    private final Clock clock;

    public SessionPolicyFilter(Clock clock) {
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SIGNED_IN_AT) instanceof Instant signedInAt
                && signedInAt.plus(ABSOLUTE_TIMEOUT).isBefore(clock.instant())) {
            session.invalidate();
            SecurityContextHolder.clearContext();
            response.sendRedirect("/login?expired");
            return;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> PasswordAndCodeAuthentication.MFA_ENROLMENT_REQUIRED.equals(a.getAuthority()))
                && !enrolmentMayProceed(request.getRequestURI())) {
            response.sendRedirect("/account/mfa");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean enrolmentMayProceed(String path) {
        return path.startsWith("/account/mfa") || path.equals("/logout") || path.startsWith("/css/")
                || path.startsWith("/js/") || path.startsWith("/webjars/") || path.startsWith("/img/")
                || path.equals("/error") || path.equals("/favicon.ico");
    }
}
