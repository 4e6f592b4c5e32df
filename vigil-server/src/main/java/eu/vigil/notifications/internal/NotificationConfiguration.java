package eu.vigil.notifications.internal;

import java.util.Set;

import eu.vigil.platform.NavigationEntry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The module's settings and its navigation entries. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationSettings.class)
class NotificationConfiguration {

    @Bean
    NavigationEntry inboxNavigation() {
        return new NavigationEntry("You", "Notifications", "/notifications", Set.of(), 2000);
    }

    @Bean
    NavigationEntry notificationAdministration() {
        return new NavigationEntry("Administration", "Notification channels", "/admin/notifications", Set.of("ROLE_ADMIN"), 930);
    }
}
