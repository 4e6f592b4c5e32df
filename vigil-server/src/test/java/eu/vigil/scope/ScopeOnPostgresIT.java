package eu.vigil.scope;

import eu.vigil.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class ScopeOnPostgresIT extends ScopeScenarios {

    @BeforeAll
    static void postgresPresent() {
        TestDatabase.requirePostgres();
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, TestDatabase::postgres);
    }
}
