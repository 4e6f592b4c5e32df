package eu.vigil.backup;

import java.nio.file.Path;

import eu.vigil.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** PostgreSQL to a fresh PostgreSQL database. (The H2 class covers H2 to H2.) */
class BackupOnPostgresIT extends BackupScenarios {

    static final Path DATA = folder("vigil-backup-pg-");

    @BeforeAll
    static void postgresPresent() {
        TestDatabase.requirePostgres();
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, TestDatabase::postgres);
        registry.add("vigil.data", DATA::toString);
    }

    @Override
    Path data() {
        return DATA;
    }

    @Override
    TestDatabase restoreTarget() {
        return TestDatabase.postgres();
    }
}
