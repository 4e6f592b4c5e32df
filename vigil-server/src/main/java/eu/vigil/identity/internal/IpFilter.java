package eu.vigil.identity.internal;

import java.io.IOException;

import eu.vigil.audit.AuditEvent;
import eu.vigil.audit.AuditTrail;
import eu.vigil.platform.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/** Applies the IP allow/deny lists before anything else, authentication included. */
public class IpFilter extends OncePerRequestFilter {

    private final IpRules rules;
    private final AuditTrail audit;

    public IpFilter(IpRules rules, AuditTrail audit) {
        this.rules = rules;
        this.audit = audit;
    }

    static boolean isAdministration(String path) {
        return path.startsWith("/admin") || path.startsWith("/api/v1/admin");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String address = request.getRemoteAddr();
        String path = request.getRequestURI();
        IpRules.Verdict verdict = rules.judge(address, isAdministration(path));
        if (verdict == IpRules.Verdict.ALLOWED) {
            chain.doFilter(request, response);
            return;
        }
        audit.record(AuditEvent.of("identity.ip-denied").object("path", path).denied()
                .actor("anonymous").clientAddress(address).detail("verdict", verdict));
        String detail = verdict == IpRules.Verdict.DENIED_NOT_ADMIN
                ? "Administration is not reachable from your address (" + address + ")."
                : "Access from your address (" + address + ") is not permitted.";
        if (ProblemResponses.wantsProblem(request)) {
            ProblemResponses.write(response, HttpServletResponse.SC_FORBIDDEN, "Address not permitted", detail, path);
        } else {
            ProblemResponses.writePage(response, HttpServletResponse.SC_FORBIDDEN, "Address not permitted", detail);
        }
    }
}
