package eu.vigil.notifications;

import eu.vigil.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class NotificationsOnPostgresIT extends NotificationScenarios {

    @BeforeAll
    static void postgresPresent() {
        TestDatabase.requirePostgres();
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, TestDatabase::postgres);
    }
}
