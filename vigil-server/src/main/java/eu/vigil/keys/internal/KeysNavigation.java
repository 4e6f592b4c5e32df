package eu.vigil.keys.internal;

import java.util.Set;

import eu.vigil.platform.NavigationEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class KeysNavigation {

    @Bean
    NavigationEntry keysEntry() {
        return new NavigationEntry("Administration", "Keys", "/admin/keys", Set.of("ROLE_ADMIN"), 930);
    }
}
