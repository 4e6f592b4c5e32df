package eu.vigil.psirt.internal;

import eu.vigil.core.csaf.CsafValidator;
import eu.vigil.platform.NavigationEntry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(PsirtSettings.class)
class PsirtConfiguration {

    /** One validator: loading the CSAF schemas takes a moment. */
    @Bean
    CsafValidator csafValidator() {
        return new CsafValidator();
    }

    @Bean
    NavigationEntry psirtNavigation() {
        return new NavigationEntry("Products", "Security response (PSIRT)", "/psirt",
                java.util.Set.of("ROLE_ADMIN", "ROLE_SECURITY", "ROLE_MANAGEMENT", "ROLE_COMPLIANCE", "ROLE_AUDITOR"), 45);
    }
}
