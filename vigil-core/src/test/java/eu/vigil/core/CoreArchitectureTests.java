package eu.vigil.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class CoreArchitectureTests {

    private final JavaClasses core = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("eu.vigil.core");

    @Test
    void coreDependsOnNoSpring() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .because("vigil-core is pure Java, shared by the server, the CLI and benchmarks")
                .check(core);
    }

    @Test
    void coreDependsOnNoServerOrCliCode() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("eu.vigil.cli..", "eu.vigil.server..")
                .check(core);
    }
}
