package eu.vigil.audit.internal;

import java.util.Set;

import eu.vigil.platform.NavigationEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AuditNavigation {

    @Bean
    NavigationEntry auditTrailEntry() {
        return new NavigationEntry("Administration", "Audit trail", "/audit", Set.of("ROLE_ADMIN", "ROLE_AUDITOR"), 920);
    }
}
