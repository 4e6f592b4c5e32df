package eu.vigil.backup.internal;

import java.util.Set;

import eu.vigil.platform.NavigationEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class BackupNavigation {

    @Bean
    NavigationEntry backupsEntry() {
        return new NavigationEntry("Administration", "Backups", "/admin/backups", Set.of("ROLE_ADMIN"), 940);
    }
}
