package eu.vigil.audit;

import eu.vigil.testing.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class AuditOnPostgresIT extends AuditScenarios {

    @org.junit.jupiter.api.BeforeAll
    static void postgresPresent() {
        TestDatabase.requirePostgres();
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, TestDatabase::postgres);
        registry.add("vigil.data", DATA::toString);
    }
}
