package eu.vigil.identity.internal;

import java.io.IOException;
import java.time.Clock;

import eu.vigil.audit.AuditTrail;
import eu.vigil.platform.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Access control for the whole server. Two chains: the API under {@code /api/} takes only bearer
 * tokens and keeps no session (so no CSRF exposure); the pages use form login with a second
 * factor, sessions in the database and CSRF tokens. Both send the same strict headers. Roles are
 * checked again on every handler with {@code @PreAuthorize}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfiguration {

    /** No inline script or style anywhere: everything comes from our own origin. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    static final String[] PUBLIC_PAGES = {"/login", "/activate", "/activate/**", "/invite", "/invite/**",
            "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/error", "/.well-known/**",
            "/report-vulnerability", "/report-vulnerability/**", "/advisories/*"};

    @Bean
    PasswordEncoder passwordEncoder() {
        // Argon2id with Spring Security's current recommended parameters (16 MiB, 2 iterations)
        return Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    }

    @Bean
    FilterRegistrationBean<IpFilter> ipFilter(IpRules rules, AuditTrail audit) {
        FilterRegistrationBean<IpFilter> registration = new FilterRegistrationBean<>(new IpFilter(rules, audit));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, AuditTrail audit) throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, e) -> ProblemResponses.write(response,
                HttpServletResponse.SC_UNAUTHORIZED, "Authentication required",
                "Send an API token: Authorization: Bearer vgl_...", request.getRequestURI());
        AccessDeniedHandler forbidden = (request, response, e) -> ProblemResponses.write(response,
                HttpServletResponse.SC_FORBIDDEN, "Forbidden",
                "Your token's roles do not allow this request.", request.getRequestURI());
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/v1/public/**", "/api/v1/openapi.json", "/api/v1/openapi.json.yaml", "/api/v1/openapi.json/**").permitAll()
                        .requestMatchers("/api/v1/admin/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .addFilterBefore(new BearerTokenFilter(tokens, audit), BasicAuthenticationFilter.class)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(cache -> cache.disable())
                // Bearer tokens only: no cookie is ever honoured here, so there is nothing to forge.
                .csrf(csrf -> csrf.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                .headers(SecurityConfiguration::strictHeaders);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, Clock clock, AuditTrail audit) throws Exception {
        SavedRequestAwareAuthenticationSuccessHandler signedIn = new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                                Authentication authentication) throws IOException, jakarta.servlet.ServletException {
                request.getSession().setAttribute(SessionPolicyFilter.SIGNED_IN_AT, clock.instant());
                super.onAuthenticationSuccess(request, response, authentication);
            }
        };
        signedIn.setDefaultTargetUrl("/");
        AccessDeniedHandler denied = new AuditingAccessDeniedHandler(audit);
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(PUBLIC_PAGES).permitAll()
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .authenticationDetailsSource(LoginDetails::of)
                        .successHandler(signedIn)
                        .failureUrl("/login?error")
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout")
                        .deleteCookies("VIGIL_SESSION"))
                .sessionManagement(sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId()))
                .addFilterAfter(new SessionPolicyFilter(clock), UsernamePasswordAuthenticationFilter.class)
                .exceptionHandling(errors -> errors.accessDeniedHandler(denied))
                .headers(SecurityConfiguration::strictHeaders);
        return http.build();
    }

    private static void strictHeaders(
            org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(frame -> frame.deny())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000))
                .permissionsPolicyHeader(permissions -> permissions.policy("camera=(), microphone=(), geolocation=(), payment=()"))
                .contentTypeOptions(options -> { })
                .cacheControl(cache -> { });
    }

}
