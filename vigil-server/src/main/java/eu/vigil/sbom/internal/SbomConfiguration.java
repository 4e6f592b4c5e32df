package eu.vigil.sbom.internal;

import java.util.Set;

import eu.vigil.platform.NavigationEntry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SbomSettings.class)
class SbomConfiguration {

    static final Set<String> READERS = Set.of("ROLE_ADMIN", "ROLE_MANAGEMENT", "ROLE_COMPLIANCE", "ROLE_SECURITY",
            "ROLE_AUDITOR");

    @Bean
    NavigationEntry sbomPortfolioEntry() {
        return new NavigationEntry("Products", "Portfolio", "/sbom", READERS, 300);
    }

    @Bean
    NavigationEntry sbomFindingsEntry() {
        return new NavigationEntry("Products", "Findings", "/sbom/findings", READERS, 310);
    }

    @Bean
    NavigationEntry sbomImpactEntry() {
        return new NavigationEntry("Products", "Impact search", "/sbom/impact", READERS, 320);
    }

    @Bean
    NavigationEntry sbomLicencesEntry() {
        return new NavigationEntry("Products", "Licence policy", "/sbom/licences", READERS, 330);
    }
}
