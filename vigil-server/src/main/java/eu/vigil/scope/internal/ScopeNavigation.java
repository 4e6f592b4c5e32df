package eu.vigil.scope.internal;

import java.util.Set;

import eu.vigil.platform.NavigationEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ScopeNavigation {

    static final Set<String> READERS = Set.of("ROLE_ADMIN", "ROLE_MANAGEMENT", "ROLE_COMPLIANCE", "ROLE_SECURITY",
            "ROLE_AUDITOR");

    @Bean
    NavigationEntry scopeEntry() {
        return new NavigationEntry("Programme", "NIS2 scope", "/scope", READERS, 100);
    }
}
