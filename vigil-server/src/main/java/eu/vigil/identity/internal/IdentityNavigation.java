package eu.vigil.identity.internal;

import java.util.Set;

import eu.vigil.platform.NavigationEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class IdentityNavigation {

    @Bean
    NavigationEntry usersNavigation() {
        return new NavigationEntry("Administration", "Users", "/admin/users", Set.of("ROLE_ADMIN"), 900);
    }

    @Bean
    NavigationEntry ipFilterNavigation() {
        return new NavigationEntry("Administration", "IP filter", "/admin/ip-filter", Set.of("ROLE_ADMIN"), 910);
    }
}
