package eu.vigil.identity.internal;

import java.io.IOException;

import eu.vigil.audit.AuditEvent;
import eu.vigil.audit.AuditTrail;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;

/** Records refused requests (a forged or missing CSRF token, a page beyond the user's roles), then shows the 403 page. */
class AuditingAccessDeniedHandler implements AccessDeniedHandler {

    private final AuditTrail audit;
    private final AccessDeniedHandlerImpl page = new AccessDeniedHandlerImpl();

    AuditingAccessDeniedHandler(AuditTrail audit) {
        this.audit = audit;
        page.setErrorPage("/error");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        audit.record(AuditEvent.of(denied instanceof CsrfException ? "identity.csrf-rejected" : "identity.access-denied")
                .object("path", request.getRequestURI()).denied().detail("method", request.getMethod()));
        request.setAttribute(jakarta.servlet.RequestDispatcher.ERROR_STATUS_CODE, HttpServletResponse.SC_FORBIDDEN);
        if (denied instanceof CsrfException && "/login".equals(request.getServletPath())) {
            // The sign-in form outlived its session: offer a fresh one instead of a bare 403.
            response.sendRedirect("/login?expired");
            return;
        }
        page.handle(request, response, denied);
    }
}
