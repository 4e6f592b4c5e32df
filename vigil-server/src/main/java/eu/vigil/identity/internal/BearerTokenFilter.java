package eu.vigil.identity.internal;

import java.io.IOException;
import java.util.List;

import eu.vigil.audit.AuditEvent;
import eu.vigil.audit.AuditTrail;
import eu.vigil.identity.CurrentUser;
import eu.vigil.platform.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates {@code Authorization: Bearer vgl_...} on the API. A bad token is refused at once. */
public class BearerTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final AuditTrail audit;

    public BearerTokenFilter(ApiTokens tokens, AuditTrail audit) {
        this.tokens = tokens;
        this.audit = audit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        String token = header.substring(7).strip();
        var user = tokens.authenticate(token);
        if (user.isEmpty()) {
            audit.record(AuditEvent.of("identity.api-token").object("token", token.length() >= 10 ? token.substring(0, 10) : "?")
                    .failed().actor("anonymous").clientAddress(request.getRemoteAddr()));
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            ProblemResponses.write(response, HttpServletResponse.SC_UNAUTHORIZED, "Invalid API token",
                    "The API token is unknown, expired or revoked, or its owner is disabled.", request.getRequestURI());
            return;
        }
        CurrentUser current = user.get();
        List<SimpleGrantedAuthority> authorities = current.roles().stream()
                .map(role -> new SimpleGrantedAuthority(role.authority())).toList();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(current, null, authorities));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
