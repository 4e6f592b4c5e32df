package eu.vigil.platform;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's header: what the API is and how to authenticate (springdoc adds the paths). */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    @Bean
    OpenAPI vigilApi() {
        return new OpenAPI()
                .info(new Info().title("Vigil API").version("v1")
                        .description("REST API of Vigil, the NIS2 and Cyber Resilience Act security programme platform. "
                                + "Authenticate with an API token (Account → API tokens): Authorization: Bearer vgl_…. "
                                + "Errors are RFC 9457 application/problem+json.")
                        .license(new License().name("Open source")))
                .components(new Components().addSecuritySchemes("apiToken", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").description("A Vigil API token (vgl_…)")))
                .addSecurityItem(new SecurityRequirement().addList("apiToken"));
    }
}
