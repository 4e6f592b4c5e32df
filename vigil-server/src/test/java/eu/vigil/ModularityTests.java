package eu.vigil;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module map is executable: boundaries are verified on every build and documented. */
class ModularityTests {

    /** {@code eu.vigil.core} is the pure library every module may use (vigil-core), not a business module. */
    private final ApplicationModules modules = ApplicationModules.of(VigilApplication.class,
            com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage("eu.vigil.core.."));

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml().writeModuleCanvases();
    }
}
