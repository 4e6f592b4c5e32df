package eu.vigil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import eu.vigil.identity.CurrentUser;
import eu.vigil.identity.Role;
import eu.vigil.identity.internal.ApiTokens;
import eu.vigil.identity.internal.UserAccounts;
import eu.vigil.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Walks every endpoint with every role (and with no sign-in) and checks the allowed/denied
 * matrix below. A new endpoint fails this test until it is added to the matrix, so nobody adds
 * an endpoint without deciding who may call it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AccessMatrixIT {

    private static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);
    private static final Set<Role> ADMIN = EnumSet.of(Role.ADMIN);
    private static final Set<Role> NOBODY_SIGNED_IN_NEEDED = Set.of();
    private static final Set<Role> PROGRAMME_READERS = EnumSet.of(Role.ADMIN, Role.MANAGEMENT, Role.COMPLIANCE,
            Role.SECURITY, Role.AUDITOR);
    private static final Set<Role> PROGRAMME_WRITERS = EnumSet.of(Role.ADMIN, Role.COMPLIANCE);
    private static final Set<Role> MANAGEMENT = EnumSet.of(Role.MANAGEMENT);
    /** Incidents: everyone who runs or oversees the programme reads (auditors too); suppliers see nothing. */
    private static final Set<Role> INCIDENT_READERS = EnumSet.of(Role.ADMIN, Role.MANAGEMENT, Role.COMPLIANCE,
            Role.SECURITY, Role.AUDITOR);
    /** Incidents: compliance, security (PSIRT) and administrators record, assess and report. */
    private static final Set<Role> INCIDENT_WRITERS = EnumSet.of(Role.ADMIN, Role.COMPLIANCE, Role.SECURITY);

    /** Audit trail: auditors and administrators read, search, export and verify it. */
    private static final Set<Role> AUDIT_READERS = EnumSet.of(Role.ADMIN, Role.AUDITOR);

    /** SBOM repository: security and administrators change; auditors, compliance and management read. */
    private static final Set<Role> SBOM_READERS = EnumSet.of(Role.ADMIN, Role.MANAGEMENT, Role.COMPLIANCE,
            Role.SECURITY, Role.AUDITOR);
    private static final Set<Role> SBOM_WRITERS = EnumSet.of(Role.ADMIN, Role.SECURITY);
    /** Vulnerability knowledge base: security staff and administrators import; programme readers read. */
    private static final Set<Role> VULNDB_READERS = EnumSet.of(Role.ADMIN, Role.MANAGEMENT, Role.COMPLIANCE,
            Role.SECURITY, Role.AUDITOR);
    private static final Set<Role> VULNDB_IMPORTERS = EnumSet.of(Role.ADMIN, Role.SECURITY);

    /** "METHOD path" to the roles allowed; PUBLIC entries need no sign-in at all. */
    private static final Map<String, Set<Role>> MATRIX = Map.ofEntries(
            Map.entry("GET /", EVERYONE),
            Map.entry("GET /login", NOBODY_SIGNED_IN_NEEDED),
            Map.entry("GET /activate", NOBODY_SIGNED_IN_NEEDED),
            Map.entry("GET /invite", NOBODY_SIGNED_IN_NEEDED),
            Map.entry("POST /activate", NOBODY_SIGNED_IN_NEEDED),
            Map.entry("POST /invite", NOBODY_SIGNED_IN_NEEDED),
            Map.entry("GET /{kind:activate|invite}/qr.png", NOBODY_SIGNED_IN_NEEDED),
            Map.entry("ANY /error", NOBODY_SIGNED_IN_NEEDED),
            Map.entry("GET /account", EVERYONE),
            Map.entry("POST /account/password", EVERYONE),
            Map.entry("GET /account/mfa", EVERYONE),
            Map.entry("GET /account/mfa/qr.png", EVERYONE),
            Map.entry("POST /account/mfa", EVERYONE),
            Map.entry("POST /account/recovery-codes", EVERYONE),
            Map.entry("POST /account/tokens", EVERYONE),
            Map.entry("POST /account/tokens/{id}/revoke", EVERYONE),
            Map.entry("POST /account/sessions/end-all", EVERYONE),
            Map.entry("GET /admin/users", ADMIN),
            Map.entry("POST /admin/users/invite", ADMIN),
            Map.entry("GET /admin/users/{id}", ADMIN),
            Map.entry("POST /admin/users/{id}/roles", ADMIN),
            Map.entry("POST /admin/users/{id}/enabled", ADMIN),
            Map.entry("POST /admin/users/{id}/unlock", ADMIN),
            Map.entry("POST /admin/users/{id}/reset-mfa", ADMIN),
            Map.entry("POST /admin/users/{id}/end-sessions", ADMIN),
            Map.entry("GET /admin/ip-filter", ADMIN),
            Map.entry("POST /admin/ip-filter", ADMIN),
            Map.entry("POST /admin/ip-filter/{id}/delete", ADMIN),
            Map.entry("GET /vulndb", VULNDB_READERS),
            Map.entry("GET /vulndb/imports", VULNDB_READERS),
            Map.entry("POST /vulndb/imports", VULNDB_IMPORTERS),
            Map.entry("GET /vulndb/imports/{id}", VULNDB_READERS),
            Map.entry("GET /vulnerabilities", VULNDB_READERS),
            Map.entry("GET /vulnerabilities/{id}", VULNDB_READERS),
            Map.entry("POST /api/v1/vulndb/imports", VULNDB_IMPORTERS),
            Map.entry("GET /api/v1/vulndb/imports/{id}", VULNDB_READERS),
            Map.entry("GET /api/v1/vulnerabilities", VULNDB_READERS),
            Map.entry("GET /api/v1/vulnerabilities/{id}", VULNDB_READERS),
            Map.entry("GET /incidents", INCIDENT_READERS),
            Map.entry("GET /incidents/new", INCIDENT_WRITERS),
            Map.entry("POST /incidents", INCIDENT_WRITERS),
            Map.entry("GET /incidents/{id}", INCIDENT_READERS),
            Map.entry("GET /incidents/{id}/edit", INCIDENT_WRITERS),
            Map.entry("POST /incidents/{id}", INCIDENT_WRITERS),
            Map.entry("POST /incidents/{id}/timeline", INCIDENT_WRITERS),
            Map.entry("GET /incidents/{id}/significance", INCIDENT_WRITERS),
            Map.entry("POST /incidents/{id}/significance", INCIDENT_WRITERS),
            Map.entry("POST /incidents/{id}/significance/override", INCIDENT_WRITERS),
            Map.entry("POST /incidents/{id}/reports", INCIDENT_WRITERS),
            Map.entry("GET /incidents/{id}/reports/{reportId}", INCIDENT_READERS),
            Map.entry("POST /incidents/{id}/reports/{reportId}", INCIDENT_WRITERS),
            Map.entry("POST /incidents/{id}/reports/{reportId}/supersede", INCIDENT_WRITERS),
            Map.entry("GET /incidents/{id}/reports/{reportId}/pdf", INCIDENT_READERS),
            Map.entry("GET /incidents/{id}/reports/{reportId}/json", INCIDENT_READERS),
            Map.entry("GET /incident-clocks", INCIDENT_READERS),
            Map.entry("GET /continuity", INCIDENT_READERS),
            Map.entry("POST /continuity/plans", INCIDENT_WRITERS),
            Map.entry("POST /continuity/drills", INCIDENT_WRITERS),
            Map.entry("POST /api/v1/incidents", INCIDENT_WRITERS),
            Map.entry("GET /api/v1/incidents", INCIDENT_READERS),
            Map.entry("GET /api/v1/incidents/{id}", INCIDENT_READERS),
            Map.entry("PUT /api/v1/incidents/{id}", INCIDENT_WRITERS),
            Map.entry("GET /api/v1/incidents/{id}/timeline", INCIDENT_READERS),
            Map.entry("POST /api/v1/incidents/{id}/timeline", INCIDENT_WRITERS),
            Map.entry("GET /api/v1/incidents/{id}/significance", INCIDENT_READERS),
            Map.entry("PUT /api/v1/incidents/{id}/significance", INCIDENT_WRITERS),
            Map.entry("PUT /api/v1/incidents/{id}/significance/override", INCIDENT_WRITERS),
            Map.entry("GET /api/v1/incidents/{id}/reports", INCIDENT_READERS),
            Map.entry("POST /api/v1/incidents/{id}/reports", INCIDENT_WRITERS),
            Map.entry("GET /api/v1/incidents/{id}/reports/{reportId}", INCIDENT_READERS),
            Map.entry("PUT /api/v1/incidents/{id}/reports/{reportId}", INCIDENT_WRITERS),
            Map.entry("POST /api/v1/incidents/{id}/reports/{reportId}/submit", INCIDENT_WRITERS),
            Map.entry("POST /api/v1/incidents/{id}/reports/{reportId}/supersede", INCIDENT_WRITERS),
            Map.entry("GET /api/v1/incidents/{id}/reports/{reportId}/export", INCIDENT_READERS),
            Map.entry("GET /api/v1/incidents/{id}/reports/{reportId}/pdf", INCIDENT_READERS),
            Map.entry("GET /api/v1/incident-clocks", INCIDENT_READERS),
            Map.entry("GET /api/v1/continuity/plans", INCIDENT_READERS),
            Map.entry("POST /api/v1/continuity/plans", INCIDENT_WRITERS),
            Map.entry("GET /api/v1/continuity/drills", INCIDENT_READERS),
            Map.entry("POST /api/v1/continuity/drills", INCIDENT_WRITERS),
            Map.entry("GET /audit", AUDIT_READERS),
            Map.entry("POST /audit/verify", AUDIT_READERS),
            Map.entry("POST /audit/checkpoint", ADMIN),
            Map.entry("GET /api/v1/audit/entries", AUDIT_READERS),
            Map.entry("GET /api/v1/audit/export", AUDIT_READERS),
            Map.entry("GET /api/v1/audit/verification", AUDIT_READERS),
            Map.entry("POST /api/v1/audit/checkpoints", ADMIN),
            Map.entry("GET /admin/keys", ADMIN),
            Map.entry("POST /admin/keys/rotate", ADMIN),
            Map.entry("GET /admin/backups", ADMIN),
            Map.entry("POST /admin/backups", ADMIN),
            Map.entry("POST /admin/backups/check", ADMIN),
            Map.entry("GET /sbom", SBOM_READERS),
            Map.entry("POST /sbom/products", SBOM_WRITERS),
            Map.entry("GET /sbom/products/{id}", SBOM_READERS),
            Map.entry("POST /sbom/products/{id}/releases", SBOM_WRITERS),
            Map.entry("GET /sbom/releases/{id}", SBOM_READERS),
            Map.entry("POST /sbom/releases/{id}", SBOM_WRITERS),
            Map.entry("POST /sbom/releases/{id}/sboms", SBOM_WRITERS),
            Map.entry("GET /sbom/releases/{id}/vex", SBOM_READERS),
            Map.entry("POST /sbom/releases/{id}/vex", SBOM_WRITERS),
            Map.entry("GET /sbom/findings", SBOM_READERS),
            Map.entry("GET /sbom/findings/{id}", SBOM_READERS),
            Map.entry("POST /sbom/findings/{id}/analysis", SBOM_WRITERS),
            Map.entry("GET /sbom/impact", SBOM_READERS),
            Map.entry("GET /sbom/components/{id}", SBOM_READERS),
            Map.entry("GET /sbom/vulnerabilities/{id}", SBOM_READERS),
            Map.entry("GET /sbom/licences", SBOM_READERS),
            Map.entry("POST /sbom/licences", SBOM_WRITERS),
            Map.entry("GET /api/v1/products", SBOM_READERS),
            Map.entry("POST /api/v1/products", SBOM_WRITERS),
            Map.entry("GET /api/v1/products/{id}", SBOM_READERS),
            Map.entry("PUT /api/v1/products/{id}", SBOM_WRITERS),
            Map.entry("GET /api/v1/products/{id}/releases", SBOM_READERS),
            Map.entry("POST /api/v1/products/{id}/releases", SBOM_WRITERS),
            Map.entry("GET /api/v1/releases/{id}", SBOM_READERS),
            Map.entry("PUT /api/v1/releases/{id}", SBOM_WRITERS),
            Map.entry("POST /api/v1/releases/{id}/sboms", SBOM_WRITERS),
            Map.entry("POST /api/v1/sboms", SBOM_WRITERS),
            Map.entry("GET /api/v1/releases/{id}/sboms", SBOM_READERS),
            Map.entry("GET /api/v1/releases/{id}/sboms/{documentId}", SBOM_READERS),
            Map.entry("GET /api/v1/releases/{id}/components", SBOM_READERS),
            Map.entry("GET /api/v1/releases/{id}/licences", SBOM_READERS),
            Map.entry("GET /api/v1/components/{id}", SBOM_READERS),
            Map.entry("GET /api/v1/findings", SBOM_READERS),
            Map.entry("GET /api/v1/findings/{id}", SBOM_READERS),
            Map.entry("PUT /api/v1/findings/{id}/analysis", SBOM_WRITERS),
            Map.entry("GET /api/v1/impact", SBOM_READERS),
            Map.entry("GET /api/v1/releases/{id}/vex", SBOM_READERS),
            Map.entry("POST /api/v1/releases/{id}/vex", SBOM_WRITERS),
            Map.entry("GET /api/v1/licence-policy", SBOM_READERS),
            Map.entry("PUT /api/v1/licence-policy/{licenceId}", SBOM_WRITERS),
            Map.entry("POST /api/v1/sbom/match", SBOM_WRITERS),
            Map.entry("GET /api/v1/openapi.json", NOBODY_SIGNED_IN_NEEDED),
            Map.entry("GET /api/v1/openapi.json.yaml", NOBODY_SIGNED_IN_NEEDED),
            Map.entry("GET /api/v1/me", EVERYONE),
            Map.entry("GET /api/v1/admin/users", ADMIN),
            Map.entry("GET /scope", PROGRAMME_READERS),
            Map.entry("GET /scope/profile", PROGRAMME_WRITERS),
            Map.entry("POST /scope/profile", PROGRAMME_WRITERS),
            Map.entry("GET /api/v1/scope/profile", PROGRAMME_READERS),
            Map.entry("PUT /api/v1/scope/profile", PROGRAMME_WRITERS),
            Map.entry("GET /api/v1/scope/classification", PROGRAMME_READERS),
            Map.entry("GET /api/v1/scope/history", PROGRAMME_READERS),
            Map.entry("GET /compliance/catalogues", PROGRAMME_READERS),
            Map.entry("GET /compliance/catalogues/requirements/{requirementId}", PROGRAMME_READERS),
            Map.entry("GET /compliance/assessments", PROGRAMME_READERS),
            Map.entry("POST /compliance/assessments", PROGRAMME_WRITERS),
            Map.entry("GET /compliance/assessments/{id}", PROGRAMME_READERS),
            Map.entry("GET /compliance/assessments/{id}/requirements/{requirementId}", PROGRAMME_READERS),
            Map.entry("POST /compliance/assessments/{id}/requirements/{requirementId}", PROGRAMME_WRITERS),
            Map.entry("POST /compliance/assessments/{id}/requirements/{requirementId}/evidence", PROGRAMME_WRITERS),
            Map.entry("POST /compliance/assessments/{id}/approvals", MANAGEMENT),
            Map.entry("GET /compliance/assessments/{id}/export.csv", PROGRAMME_READERS),
            Map.entry("GET /compliance/assessments/{id}/export.oscal.json", PROGRAMME_READERS),
            Map.entry("GET /compliance/assessments/{id}/report.pdf", PROGRAMME_READERS),
            Map.entry("GET /compliance/compare", PROGRAMME_READERS),
            Map.entry("GET /compliance/actions", PROGRAMME_READERS),
            Map.entry("GET /compliance/evidence", PROGRAMME_READERS),
            Map.entry("GET /api/v1/compliance/catalogues", PROGRAMME_READERS),
            Map.entry("GET /api/v1/compliance/assessments", PROGRAMME_READERS),
            Map.entry("POST /api/v1/compliance/assessments", PROGRAMME_WRITERS),
            Map.entry("GET /api/v1/compliance/assessments/{id}", PROGRAMME_READERS),
            Map.entry("GET /api/v1/compliance/assessments/{id}/results", PROGRAMME_READERS),
            Map.entry("PUT /api/v1/compliance/assessments/{id}/results/{requirementId}", PROGRAMME_WRITERS),
            Map.entry("GET /api/v1/compliance/assessments/{id}/actions", PROGRAMME_READERS),
            Map.entry("GET /api/v1/compliance/assessments/{id}/approvals", PROGRAMME_READERS),
            Map.entry("POST /api/v1/compliance/assessments/{id}/approvals", MANAGEMENT));

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, TestDatabase::h2);
    }

    @Autowired MockMvc mvc;
    @Autowired UserAccounts users;
    @Autowired ApiTokens tokens;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    private final Map<Role, CurrentUser> principals = new EnumMap<>(Role.class);
    private final Map<Role, String> apiTokens = new EnumMap<>(Role.class);

    @BeforeEach
    void oneUserPerRole() {
        for (Role role : Role.values()) {
            String name = "matrix-" + role.name().toLowerCase() + "-" + System.nanoTime();
            long id = users.insert(name, name, null, "{noop}unused", EnumSet.of(role), null, false, null, Instant.now());
            principals.put(role, new CurrentUser(id, name, name, EnumSet.of(role), null));
            apiTokens.put(role, tokens.create(id, "matrix", EnumSet.of(role), Instant.now().plus(Duration.ofHours(1))));
        }
    }

    @Test
    void everyEndpointIsInTheMatrix() {
        Set<String> mapped = new TreeSet<>(endpoints().keySet());
        assertThat(mapped).as("endpoints and the access matrix must list the same routes")
                .isEqualTo(new TreeSet<>(MATRIX.keySet()));
    }

    @Test
    void everyRoleGetsExactlyWhatTheMatrixAllows() throws Exception {
        List<String> violations = new ArrayList<>();
        for (Map.Entry<String, Set<Role>> entry : MATRIX.entrySet()) {
            String[] parts = entry.getKey().split(" ", 2);
            String method = parts[0].equals("ANY") ? "GET" : parts[0];
            String path = concrete(parts[1]);
            boolean isPublic = entry.getValue().isEmpty();
            boolean api = path.startsWith("/api/");
            int anonymous = mvc.perform(request(method, path)).andReturn().getResponse().getStatus();
            if (isPublic && (anonymous == 401 || anonymous == 403 || isLoginRedirect(mvc, method, path))) {
                violations.add(entry.getKey() + ": public, but anonymous got " + anonymous);
            }
            if (!isPublic && !(anonymous == 401 || isLoginRedirect(mvc, method, path))) {
                violations.add(entry.getKey() + ": anonymous should be sent to sign in, got " + anonymous);
            }
            if (isPublic) {
                continue;
            }
            for (Role role : Role.values()) {
                MockHttpServletRequestBuilder request = request(method, path);
                if (api) {
                    request.header("Authorization", "Bearer " + apiTokens.get(role));
                } else {
                    CurrentUser user = principals.get(role);
                    request.with(authentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                            List.of(new SimpleGrantedAuthority(role.authority())))));
                }
                int status = mvc.perform(request).andReturn().getResponse().getStatus();
                boolean allowed = entry.getValue().contains(role);
                if (allowed && (status == 401 || status == 403)) {
                    violations.add(entry.getKey() + ": " + role + " should be allowed, got " + status);
                }
                if (!allowed && status != 403) {
                    violations.add(entry.getKey() + ": " + role + " should be denied, got " + status);
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    private static boolean isLoginRedirect(MockMvc mvc, String method, String path) throws Exception {
        String location = mvc.perform(request(method, path)).andReturn().getResponse().getRedirectedUrl();
        return location != null && location.contains("/login");
    }

    private static MockHttpServletRequestBuilder request(String method, String path) {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(HttpMethod.valueOf(method), path);
        if (!method.equals("GET")) {
            request.with(csrf());
        }
        return request;
    }

    private static String concrete(String pattern) {
        return pattern.replace("{kind:activate|invite}", "activate").replaceAll("\\{[A-Za-z]+}", "999999");
    }

    private Map<String, HandlerMethod> endpoints() {
        Map<String, HandlerMethod> endpoints = new java.util.HashMap<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            Set<String> methods = info.getMethodsCondition().getMethods().isEmpty()
                    ? Set.of("ANY") : info.getMethodsCondition().getMethods().stream().map(Enum::name).collect(java.util.stream.Collectors.toSet());
            for (String pattern : info.getPatternValues()) {
                for (String method : methods) {
                    endpoints.put(method + " " + pattern, entry.getValue());
                }
            }
        }
        return endpoints;
    }
}
