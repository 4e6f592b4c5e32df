package eu.vigil.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

class SessionPolicyFilterTests {

    private final Instant now = Instant.parse("2026-11-28T12:00:00Z");
    private final SessionPolicyFilter filter = new SessionPolicyFilter(Clock.fixed(now, ZoneOffset.UTC));

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    private MockHttpServletResponse run(String path, Instant signedInAt) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        MockHttpSession session = new MockHttpSession();
        session.setAttribute(SessionPolicyFilter.SIGNED_IN_AT, signedInAt);
        request.setSession(session);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }

    @Test
    void aSessionEndsTwelveHoursAfterSignInWhateverTheActivity() throws Exception {
        assertThat(run("/", now.minus(Duration.ofHours(11))).getRedirectedUrl()).isNull();
        assertThat(run("/", now.minus(Duration.ofHours(12)).minusSeconds(1)).getRedirectedUrl()).isEqualTo("/login?expired");
    }

    @Test
    void aUserWhoMustEnrolAnAuthenticatorReachesOnlyTheEnrolmentPage() throws Exception {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("u", null,
                List.of(new SimpleGrantedAuthority("ROLE_SECURITY"),
                        new SimpleGrantedAuthority(PasswordAndCodeAuthentication.MFA_ENROLMENT_REQUIRED))));
        assertThat(run("/admin/users", now).getRedirectedUrl()).isEqualTo("/account/mfa");
        assertThat(run("/", now).getRedirectedUrl()).isEqualTo("/account/mfa");
        assertThat(run("/account/mfa", now).getRedirectedUrl()).isNull();
        assertThat(run("/css/vigil.css", now).getRedirectedUrl()).isNull();
    }
}
