package eu.vigil.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import eu.vigil.identity.internal.Activations;
import eu.vigil.identity.internal.ApiTokens;
import eu.vigil.identity.internal.IpRules;
import eu.vigil.identity.internal.Totp;
import eu.vigil.identity.internal.UserAccounts;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Identity end to end through the web layer, on a real database: activation, sign-in with a
 * second factor, lockout, API tokens, CSRF, the IP filter and bad input. Run on H2 and on
 * PostgreSQL by the subclasses.
 */
@SpringBootTest
@AutoConfigureMockMvc
abstract class IdentityScenarios {

    static final String GOOD_PASSWORD = "quiet-lantern-orbit-mosaic-17";
    private static final Pattern SECRET = Pattern.compile("id=\"totp-secret\">([A-Z2-7]+)<");

    /** Entries reach audit_entry through the chainer; chain what is pending before counting. */
    @Autowired eu.vigil.audit.AuditIntegrity auditIntegrity;
    @Autowired MockMvc mvc;
    @Autowired Activations activations;
    @Autowired ApiTokens apiTokens;
    @Autowired UserAccounts users;
    @Autowired Totp totp;
    @Autowired IpRules ipRules;
    @Autowired JdbcClient jdbc;
    @Autowired org.springframework.security.crypto.password.PasswordEncoder passwordEncoder;

    /** A browser-like session: keeps the session cookie between requests. */
    final class Browser {
        Cookie session;
        org.springframework.mock.web.MockHttpSession httpSession = new org.springframework.mock.web.MockHttpSession();

        MvcResult perform(MockHttpServletRequestBuilder request) throws Exception {
            request.session(httpSession);
            if (session != null) {
                request.cookie(session);
            }
            MvcResult result = mvc.perform(request).andReturn();
            for (String header : result.getResponse().getHeaders("Set-Cookie")) {
                if (header.startsWith("VIGIL_SESSION=")) {
                    String value = header.substring("VIGIL_SESSION=".length(), header.indexOf(';') < 0 ? header.length() : header.indexOf(';'));
                    session = value.isEmpty() || header.contains("Max-Age=0") ? null : new Cookie("VIGIL_SESSION", value);
                }
            }
            if (result.getRequest().getSession(false) instanceof org.springframework.mock.web.MockHttpSession current) {
                httpSession = current.isInvalid() ? new org.springframework.mock.web.MockHttpSession() : current;
            }
            return result;
        }
    }

    private String unique(String prefix) {
        return prefix + Long.toString(System.nanoTime(), 36);
    }

    /** Registers an account through an invitation link, enrolling TOTP; returns its TOTP secret. */
    String register(String username, Set<Role> roles) throws Exception {
        String token = activations.create(Activations.Purpose.INVITATION, roles, null, "test");
        Browser browser = new Browser();
        MvcResult form = browser.perform(get("/invite").param("token", token));
        assertThat(form.getResponse().getStatus()).isEqualTo(200);
        Matcher secret = SECRET.matcher(form.getResponse().getContentAsString());
        assertThat(secret.find()).as("the form shows the authenticator key").isTrue();
        MvcResult done = browser.perform(post("/invite").with(csrf()).param("token", token).param("username", username)
                .param("displayName", "Test " + username).param("password", GOOD_PASSWORD)
                .param("passwordRepeated", GOOD_PASSWORD)
                .param("totpCode", totp.codeAt(secret.group(1), Instant.now())));
        assertThat(done.getResponse().getStatus()).as(done.getResponse().getContentAsString()).isEqualTo(200);
        assertThat(done.getResponse().getContentAsString()).contains("recovery-codes");
        return secret.group(1);
    }

    @Test
    void firstAdministratorActivatesOnceWithAStrongPasswordAndAnAuthenticator() throws Exception {
        String token = activations.create(Activations.Purpose.ACTIVATION, EnumSet.of(Role.ADMIN), null, "vigil");
        Browser browser = new Browser();
        MvcResult form = browser.perform(get("/activate").param("token", token));
        String html = form.getResponse().getContentAsString();
        assertThat(html).contains("the first administrator");
        Matcher secret = SECRET.matcher(html);
        assertThat(secret.find()).isTrue();
        String username = unique("admin");

        long before = users.count();
        MvcResult weak = browser.perform(post("/activate").with(csrf()).param("token", token).param("username", username)
                .param("password", "password1234").param("passwordRepeated", "password1234")
                .param("totpCode", totp.codeAt(secret.group(1), Instant.now())));
        assertThat(weak.getResponse().getStatus()).isEqualTo(400);
        assertThat(weak.getResponse().getContentAsString()).contains("common or leaked");
        assertThat(users.count()).as("a rejected form changes nothing").isEqualTo(before);

        MvcResult noCode = browser.perform(post("/activate").with(csrf()).param("token", token).param("username", username)
                .param("password", GOOD_PASSWORD).param("passwordRepeated", GOOD_PASSWORD));
        assertThat(noCode.getResponse().getStatus()).isEqualTo(400);
        assertThat(noCode.getResponse().getContentAsString()).contains("requires an authenticator");

        MvcResult done = browser.perform(post("/activate").with(csrf()).param("token", token).param("username", username)
                .param("password", GOOD_PASSWORD).param("passwordRepeated", GOOD_PASSWORD)
                .param("totpCode", totp.codeAt(secret.group(1), Instant.now())));
        assertThat(done.getResponse().getStatus()).isEqualTo(200);
        assertThat(done.getResponse().getContentAsString()).contains("recovery-codes");
        assertThat(users.findByUsername(username)).get().satisfies(user -> {
            assertThat(user.roles()).containsExactly(Role.ADMIN);
            assertThat(user.mfaEnabled()).isTrue();
            assertThat(user.passwordHash()).startsWith("$argon2id$");
            assertThat(user.sealedTotpSecret()).doesNotContain(secret.group(1));
        });

        mvc.perform(get("/activate").param("token", token)).andExpect(status().isGone())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("already been used")));
        mvc.perform(get("/activate").param("token", "not-a-token")).andExpect(status().isNotFound());
        assertThat(auditCount("identity.activate-first-admin")).isPositive();
        assertThat(auditCount("identity.link-refused")).isPositive();
    }

    @Test
    void signInNeedsTheSecondFactorAndACodeWorksOnce() throws Exception {
        String username = unique("sec");
        String secret = register(username, EnumSet.of(Role.SECURITY));

        Browser browser = new Browser();
        MvcResult noCode = browser.perform(post("/login").with(csrf()).param("username", username).param("password", GOOD_PASSWORD));
        assertThat(noCode.getResponse().getRedirectedUrl()).isEqualTo("/login?error");

        String code = totp.codeAt(secret, Instant.now().plusSeconds(30));
        MvcResult signedIn = browser.perform(post("/login").with(csrf()).param("username", username)
                .param("password", GOOD_PASSWORD).param("code", code));
        assertThat(signedIn.getResponse().getRedirectedUrl()).isEqualTo("/");
        MvcResult overview = browser.perform(get("/"));
        assertThat(overview.getResponse().getStatus()).isEqualTo(200);
        assertThat(overview.getResponse().getContentAsString()).contains("Security / PSIRT");
        assertThat(overview.getResponse().getHeader("Content-Security-Policy")).contains("frame-ancestors 'none'");

        // The same code again is a replay.
        MvcResult replay = new Browser().perform(post("/login").with(csrf()).param("username", username)
                .param("password", GOOD_PASSWORD).param("code", code));
        assertThat(replay.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
    }

    @Test
    void fiveFailuresLockTheAccountUntilAnAdministratorUnlocksIt() throws Exception {
        String username = unique("comp");
        String secret = register(username, EnumSet.of(Role.COMPLIANCE));
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/login").with(csrf()).param("username", username).param("password", "wrong-password-" + i))
                    .andExpect(redirectedUrl("/login?error"));
        }
        var locked = users.findByUsername(username).orElseThrow();
        assertThat(locked.failedLogins()).isEqualTo(5);
        assertThat(locked.lockedAt(Instant.now())).isTrue();
        assertThat(auditCount("identity.lockout")).isPositive();

        Browser browser = new Browser();
        browser.perform(post("/login").with(csrf()).param("username", username).param("password", GOOD_PASSWORD)
                .param("code", totp.codeAt(secret, Instant.now())));
        MvcResult page = browser.perform(get("/login").param("error", ""));
        assertThat(page.getResponse().getContentAsString()).contains("locked after repeated failed logins");

        Browser admin = signedInAdmin();
        MvcResult unlocked = admin.perform(post("/admin/users/" + locked.id() + "/unlock").with(csrf()));
        assertThat(unlocked.getResponse().getStatus()).isEqualTo(302);
        assertThat(users.findByUsername(username).orElseThrow().lockedAt(Instant.now())).isFalse();
        MvcResult again = new Browser().perform(post("/login").with(csrf()).param("username", username)
                .param("password", GOOD_PASSWORD).param("code", totp.codeAt(secret, Instant.now().plusSeconds(30))));
        assertThat(again.getResponse().getRedirectedUrl()).isEqualTo("/");
    }

    Browser signedInAdmin() throws Exception {
        String username = unique("adm");
        String secret = register(username, EnumSet.of(Role.ADMIN));
        Browser browser = new Browser();
        MvcResult result = browser.perform(post("/login").with(csrf()).param("username", username)
                .param("password", GOOD_PASSWORD).param("code", totp.codeAt(secret, Instant.now().plusSeconds(30))));
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/");
        return browser;
    }

    @Test
    void apiTokensActWithTheirRolesUntilRevoked() throws Exception {
        String username = unique("api");
        register(username, EnumSet.of(Role.ADMIN));
        long id = users.findByUsername(username).orElseThrow().id();
        String full = apiTokens.create(id, "ci", EnumSet.of(Role.ADMIN), Instant.now().plus(Duration.ofDays(1)));
        String auditorOnly = apiTokens.create(id, "read", EnumSet.of(Role.AUDITOR), Instant.now().plus(Duration.ofDays(1)));

        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + full))
                .andExpect(status().isOk()).andExpect(jsonPath("$.username").value(username));
        mvc.perform(get("/api/v1/admin/users").header("Authorization", "Bearer " + full)).andExpect(status().isOk());
        // The auditor token's owner is an admin, but the token only carries roles it was given and the owner holds.
        mvc.perform(get("/api/v1/admin/users").header("Authorization", "Bearer " + auditorOnly))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/me")).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.title").value("Authentication required"));

        long tokenId = apiTokens.ofUser(id).stream().filter(t -> t.name().equals("ci")).findFirst().orElseThrow().id();
        assertThat(apiTokens.revoke(id, tokenId)).isTrue();
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + full))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.containsString("invalid_token")))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("revoked")));
        // Session cookies are not accepted on the API: a signed-in browser without a token is unauthenticated there.
        Browser admin = signedInAdmin();
        assertThat(admin.perform(get("/api/v1/me")).getResponse().getStatus()).isEqualTo(401);
    }

    @Test
    void formsWithoutAValidCsrfTokenAreRefusedAndAudited() throws Exception {
        Browser admin = signedInAdmin();
        long before = auditCount("identity.csrf-rejected");
        MvcResult forged = admin.perform(post("/admin/users/invite").param("roles", "ADMIN"));
        assertThat(forged.getResponse().getStatus()).isEqualTo(403);
        MvcResult wrongToken = admin.perform(post("/admin/users/invite").param("roles", "ADMIN").with(csrf().useInvalidToken()));
        assertThat(wrongToken.getResponse().getStatus()).isEqualTo(403);
        assertThat(auditCount("identity.csrf-rejected")).isGreaterThanOrEqualTo(before + 2);
    }

    @Test
    void theIpFilterAppliesBeforeAuthentication() throws Exception {
        ipRules.add(IpRules.Scope.DENY, "198.51.100.0/24", "test", "test", "127.0.0.1");
        ipRules.add(IpRules.Scope.ADMIN_ALLOW, "127.0.0.0/8", "test", "test", "127.0.0.1");
        try {
            mvc.perform(get("/login").with(from("198.51.100.7"))).andExpect(status().isForbidden())
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("not permitted")));
            mvc.perform(get("/api/v1/me").with(from("198.51.100.7"))).andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
            mvc.perform(get("/login").with(from("192.0.2.10"))).andExpect(status().isOk());
            mvc.perform(get("/admin/users").with(from("192.0.2.10"))).andExpect(status().isForbidden());
            mvc.perform(get("/admin/users").with(from("127.0.0.1"))).andExpect(status().is3xxRedirection());
            assertThat(auditCount("identity.ip-denied")).isPositive();
            // An administrator cannot add a rule that shuts out the address they work from.
            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> ipRules.add(IpRules.Scope.DENY, "127.0.0.1", null, "test", "127.0.0.1"))
                    .hasMessageContaining("lock out your own address");
        } finally {
            jdbc.sql("DELETE FROM ip_rule").update();
            ipRules.all();
        }
    }

    @Test
    void badInputGetsAClearAnswerAndChangesNothing() throws Exception {
        Browser admin = signedInAdmin();
        mvc.perform(post("/login").with(csrf()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("x".repeat(3_000_000)))
                .andExpect(status().isContentTooLarge());
        MvcResult badPath = admin.perform(get("/admin/users/not-a-number"));
        assertThat(badPath.getResponse().getStatus()).isEqualTo(400);
        MvcResult unknown = admin.perform(get("/admin/users/999999"));
        assertThat(unknown.getResponse().getStatus()).isEqualTo(404);
        assertThat(unknown.getResponse().getContentAsString()).contains("No user with id 999999");
        mvc.perform(get("/api/v1/admin/users").header("Authorization", "Bearer vgl_forged"))
                .andExpect(status().isUnauthorized());
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
        return (MockHttpServletRequest request) -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    long auditCount(String action) {
        auditIntegrity.chainPending();
        return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = ?").param(action).query(Long.class).single();
    }

    static List<Role> allRoles() {
        return List.of(Role.values());
    }
}
