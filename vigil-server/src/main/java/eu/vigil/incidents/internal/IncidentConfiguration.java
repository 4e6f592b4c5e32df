package eu.vigil.incidents.internal;

import java.util.Set;

import eu.vigil.platform.NavigationEntry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The module's settings and its entries in the main navigation. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IncidentSettings.class)
class IncidentConfiguration {

    private static final Set<String> READERS = Set.of("ROLE_ADMIN", "ROLE_MANAGEMENT", "ROLE_COMPLIANCE", "ROLE_SECURITY",
            "ROLE_AUDITOR");

    @Bean
    NavigationEntry incidentsNavigation() {
        return new NavigationEntry("Programme", "Incidents", "/incidents", READERS, 300);
    }

    @Bean
    NavigationEntry reportingClocksNavigation() {
        return new NavigationEntry("Programme", "Reporting clocks", "/incident-clocks", READERS, 310);
    }

    @Bean
    NavigationEntry continuityNavigation() {
        return new NavigationEntry("Programme", "Continuity and drills", "/continuity", READERS, 320);
    }
}
