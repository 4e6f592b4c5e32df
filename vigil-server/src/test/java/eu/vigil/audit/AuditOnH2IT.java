package eu.vigil.audit;

import eu.vigil.testing.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class AuditOnH2IT extends AuditScenarios {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, TestDatabase::h2);
        registry.add("vigil.data", DATA::toString);
    }
}
