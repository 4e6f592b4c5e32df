package eu.vigil.platform;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.vigil.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** The REST API describes itself at /api/v1/openapi.json, with the bearer-token scheme. */
@SpringBootTest
@AutoConfigureMockMvc
class OpenApiIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, TestDatabase::h2);
    }

    @Autowired
    MockMvc mvc;

    @Test
    void theDocumentListsTheApiAndHowToAuthenticate() throws Exception {
        mvc.perform(get("/api/v1/openapi.json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.info.title").value("Vigil API"))
                .andExpect(jsonPath("$.components.securitySchemes.apiToken.scheme").value("bearer"))
                .andExpect(jsonPath("$.paths['/api/v1/me'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/incidents'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/incidents/{id}'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/scope/classification'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/compliance/assessments'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/audit/entries'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/notifications/subscriptions'].post.summary").exists())
                .andExpect(jsonPath("$.paths['/api/v1/notifications/inbox'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/continuity/backup-status'].get").exists());
    }
}
