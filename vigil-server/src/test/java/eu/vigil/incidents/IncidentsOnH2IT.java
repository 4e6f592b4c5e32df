package eu.vigil.incidents;

import eu.vigil.testing.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class IncidentsOnH2IT extends IncidentScenarios {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, TestDatabase::h2);
    }
}
