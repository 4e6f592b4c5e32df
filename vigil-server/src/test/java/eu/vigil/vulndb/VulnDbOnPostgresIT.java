package eu.vigil.vulndb;

import eu.vigil.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class VulnDbOnPostgresIT extends VulnDbScenarios {

    @BeforeAll
    static void postgresPresent() {
        TestDatabase.requirePostgres();
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, TestDatabase::postgres);
    }
}
