package eu.vigil.core.nis2;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

import eu.vigil.core.catalogue.Catalogue;
import eu.vigil.core.catalogue.CatalogueReader;
import eu.vigil.core.catalogue.CatalogueSet;
import eu.vigil.core.catalogue.CatalogueSource;
import eu.vigil.core.catalogue.InvalidCatalogueException;
import eu.vigil.core.catalogue.Requirement;
import eu.vigil.core.catalogue.ShippedCatalogues;

/**
 * Fuzzes the two parsers of this area: entity profile files and catalogue files. Either parser
 * may refuse its input only with its own {@code InvalidInputException}; a profile it accepts must
 * classify without error, and a catalogue it accepts must hold together.
 */
class ScopeAndCatalogueFuzzTests {

    private static final EntityProfileReader PROFILES = new EntityProfileReader();
    private static final ScopeClassifier CLASSIFIER = new ScopeClassifier();
    private static final CatalogueReader CATALOGUES = new CatalogueReader();
    private static final CatalogueSet SHIPPED = ShippedCatalogues.load();

    @FuzzTest(maxDuration = "60s")
    void profileFile(byte[] input) {
        EntityProfile profile;
        try {
            profile = PROFILES.read(input);
        } catch (InvalidProfileException e) {
            assertThat(e.problems()).isNotEmpty();
            return;
        }
        ScopeResult result = CLASSIFIER.classify(profile);
        assertThat(result.rules()).isNotNull();
        assertThat(result.jurisdiction()).isNotNull();
    }

    @FuzzTest(maxDuration = "60s")
    void catalogueFile(byte[] input) {
        Catalogue catalogue;
        try {
            catalogue = CATALOGUES.read(new CatalogueSource("fuzz.json", input), SHIPPED);
        } catch (InvalidCatalogueException e) {
            assertThat(e.problems()).isNotEmpty();
            return;
        }
        for (Requirement requirement : catalogue.requirements()) {
            assertThat(requirement.id()).startsWith(catalogue.id() + ".");
            if (requirement.parent() != null) {
                assertThat(catalogue.requirement(requirement.parent())).isPresent();
            }
        }
    }
}
