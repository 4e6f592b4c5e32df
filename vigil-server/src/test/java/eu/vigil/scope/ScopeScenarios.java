package eu.vigil.scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import eu.vigil.core.nis2.EntityProfileReader;
import eu.vigil.core.nis2.EntityType;
import eu.vigil.core.nis2.EntityTypes;
import eu.vigil.core.nis2.ScopeClassifier;
import eu.vigil.identity.CurrentUser;
import eu.vigil.identity.Role;
import eu.vigil.identity.internal.ApiTokens;
import eu.vigil.identity.internal.UserAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The scope module end to end: guided form, classification with reasons, history, audit and API. */
@SpringBootTest
@AutoConfigureMockMvc
abstract class ScopeScenarios {

    static final Path EXAMPLE = Path.of("..", "docs", "examples", "scope-profile.json");

    /** Entries reach audit_entry through the chainer; chain what is pending before counting. */
    @Autowired eu.vigil.audit.AuditIntegrity auditIntegrity;
    @Autowired MockMvc mvc;
    @Autowired UserAccounts users;
    @Autowired ApiTokens tokens;
    @Autowired JdbcClient jdbc;
    @Autowired EntityScope scope;

    CurrentUser compliance;
    String complianceToken;
    String auditorToken;

    @BeforeEach
    void usersAndTokens() {
        compliance = user(Role.COMPLIANCE);
        complianceToken = tokens.create(compliance.id(), "test", EnumSet.of(Role.COMPLIANCE), Instant.now().plus(Duration.ofHours(1)));
        CurrentUser auditor = user(Role.AUDITOR);
        auditorToken = tokens.create(auditor.id(), "test", EnumSet.of(Role.AUDITOR), Instant.now().plus(Duration.ofHours(1)));
    }

    CurrentUser user(Role role) {
        String name = role.name().toLowerCase() + System.nanoTime();
        long id = users.insert(name, name, null, "{noop}unused", EnumSet.of(role), null, false, null, Instant.now());
        return new CurrentUser(id, name, name, EnumSet.of(role), null);
    }

    static RequestPostProcessor as(CurrentUser user) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                user.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList()));
    }

    MvcResult perform(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn();
    }

    @Test
    void formOffersEveryEntityTypeGroupedBySector() throws Exception {
        String html = perform(get("/scope/profile").with(as(compliance))).getResponse().getContentAsString();
        for (EntityType type : EntityTypes.all()) {
            assertThat(html).contains("value=\"" + type.code() + "\"");
        }
        assertThat(html).contains("Annex I · Energy", "Annex II · Manufacturing", "Outside the Annexes");
    }

    @Test
    void refusedFormNamesEveryFieldAndSavesNothing() throws Exception {
        int before = scope.history().size();
        MvcResult refused = perform(post("/scope/profile").with(as(compliance)).with(csrf())
                .param("legalName", "Broken Ltd").param("mainEstablishment", "DE")
                .param("headcount", "lots").param("annualTurnoverEur", "1000000")
                .param("entityTypes", "energy.electricity.supplier"));
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        String html = refused.getResponse().getContentAsString();
        assertThat(html).contains("id=\"problems\"", "must be a number such as 250", "headcount");
        assertThat(html).as("the typed values are kept").contains("value=\"lots\"", "value=\"Broken Ltd\"");
        assertThat(scope.history()).hasSize(before);
    }

    @Test
    void savedFormClassifiesWithRulesJurisdictionAndAudit() throws Exception {
        MvcResult saved = perform(post("/scope/profile").with(as(compliance)).with(csrf())
                .param("legalName", "Grid Power AG").param("mainEstablishment", "AT").param("otherMemberStates", "DE")
                .param("headcount", "300").param("annualTurnoverEur", "60000000").param("balanceSheetTotalEur", "50000000")
                .param("entityTypes", "energy.electricity.dso"));
        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/scope");
        String page = perform(get("/scope").with(as(compliance))).getResponse().getContentAsString();
        assertThat(page).contains("Grid Power AG", "essential", "NIS2 Art. 3(1)(a)", "Austria");
        auditIntegrity.chainPending();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'scope.profile.save' AND actor = ?")
                .param(compliance.username()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void apiAcceptsTheProfileFileAndAnswersLikeTheCli() throws Exception {
        byte[] file = Files.readAllBytes(EXAMPLE);
        MvcResult saved = perform(put("/api/v1/scope/profile").header("Authorization", "Bearer " + complianceToken)
                .contentType(MediaType.APPLICATION_JSON).content(file));
        assertThat(saved.getResponse().getStatus()).isEqualTo(200);
        String cli = new ObjectMapper().writeValueAsString(new ScopeClassifier().classify(new EntityProfileReader().read(file)));
        assertThat(saved.getResponse().getContentAsString()).isEqualTo(cli);

        MvcResult classification = perform(get("/api/v1/scope/classification").header("Authorization", "Bearer " + auditorToken));
        assertThat(classification.getResponse().getContentAsString()).isEqualTo(cli);
        MvcResult profile = perform(get("/api/v1/scope/profile").header("Authorization", "Bearer " + auditorToken));
        assertThat(new EntityProfileReader().read(profile.getResponse().getContentAsByteArray()).legalName())
                .isEqualTo("Kamera Werk GmbH");
        MvcResult denied = perform(put("/api/v1/scope/profile").header("Authorization", "Bearer " + auditorToken)
                .contentType(MediaType.APPLICATION_JSON).content(file));
        assertThat(denied.getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void apiRefusesAnInvalidProfileNamingEachField() throws Exception {
        MvcResult refused = perform(put("/api/v1/scope/profile").header("Authorization", "Bearer " + complianceToken)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"legalName\": \"X\", \"mainEstablishment\": \"UK\", \"headcount\": \"50\", \"entityTypes\": [\"energy.nope\"]}"));
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        assertThat(refused.getResponse().getContentType()).startsWith("application/problem+json");
        var problems = new ObjectMapper().readTree(refused.getResponse().getContentAsString()).get("problems");
        List<String> fields = new java.util.ArrayList<>();
        problems.forEach(p -> fields.add(p.get("field").asText()));
        assertThat(fields).contains("mainEstablishment", "headcount", "entityTypes[0]");
    }
}
