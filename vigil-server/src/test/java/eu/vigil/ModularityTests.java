package eu.vigil;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module map is executable: boundaries are verified on every build and documented. */
class ModularityTests {

    /**
     * vigil-core's engines live under {@code eu.vigil.core} and would otherwise be taken for a
     * business module whose sub-packages are internal. They are a library, used by every module.
     */
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
