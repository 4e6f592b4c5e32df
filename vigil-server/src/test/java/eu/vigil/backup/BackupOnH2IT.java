package eu.vigil.backup;

import java.nio.file.Path;

import eu.vigil.testing.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class BackupOnH2IT extends BackupScenarios {

    static final Path DATA = folder("vigil-backup-h2-");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, TestDatabase::h2);
        registry.add("vigil.data", DATA::toString);
    }

    @Override
    Path data() {
        return DATA;
    }

    @Override
    TestDatabase restoreTarget() {
        return null;
    }
}
