package eu.vigil.vulndb.internal;

import java.util.Set;

import eu.vigil.platform.NavigationEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The knowledge base's links in the main navigation. */
@Configuration
class VulnDbNavigation {

    private static final Set<String> READERS = Set.of("ROLE_ADMIN", "ROLE_MANAGEMENT", "ROLE_COMPLIANCE", "ROLE_SECURITY",
            "ROLE_AUDITOR");

    @Bean
    NavigationEntry vulnerabilitiesNavigation() {
        return new NavigationEntry("Products", "Vulnerabilities", "/vulnerabilities", READERS, 320);
    }

    @Bean
    NavigationEntry vulnerabilityDataNavigation() {
        return new NavigationEntry("Products", "Vulnerability data", "/vulndb", READERS, 330);
    }
}
