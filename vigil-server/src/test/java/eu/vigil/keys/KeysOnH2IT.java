package eu.vigil.keys;

import eu.vigil.testing.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class KeysOnH2IT extends KeysScenarios {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, TestDatabase::h2);
        registry.add("vigil.data", KeysScenarios.DATA::toString);
    }
}
