package eu.vigil.core.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ShippedCataloguesTests {

    private final CatalogueSet catalogues = ShippedCatalogues.load();

    @Test
    void shipsFourCataloguesInDisplayOrder() {
        assertThat(catalogues.catalogues()).extracting(Catalogue::id)
                .containsExactly("nis2", "ir2690", "cra", "etsi303645");
        assertThat(catalogues.catalogues()).allSatisfy(catalogue -> {
            assertThat(catalogue.version()).isNotBlank();
            assertThat(catalogue.source()).isNotBlank();
        });
    }

    @Test
    void everyAssessableRequirementServesAnAreaAndMapsToIso27001() {
        for (Catalogue catalogue : catalogues.catalogues()) {
            for (Requirement requirement : catalogue.requirements()) {
                if (requirement.assessable()) {
                    assertThat(requirement.areas()).as(requirement.id()).isNotEmpty();
                    if (!requirement.id().startsWith("ir2690.7.") && !requirement.id().startsWith("ir2690.9.")
                            && !requirement.id().equals("ir2690.3.6.3") && !requirement.id().equals("ir2690.4.3.2.p2")
                            && !requirement.id().equals("ir2690.13.1.2.e")) {
                        // ENISA maps no control to sections 7 and 9 and a few single points
                        assertThat(requirement.isoControls()).as(requirement.id()).isNotEmpty();
                    }
                }
            }
        }
    }

    @Test
    void everyAreaIsServedByEachOrganisationalCatalogue() {
        for (String id : List.of("nis2", "ir2690")) {
            assertThat(catalogues.catalogue(id).orElseThrow().requirements())
                    .flatExtracting(Requirement::areas).as(id).contains(Area.values());
        }
    }

    @Test
    void equivalenceWorksInBothDirections() {
        assertThat(catalogues.equivalentsOf("cra.aii.5")).extracting(Requirement::id)
                .contains("etsi303645.5.2-1", "ir2690.6.10.2.e");
        assertThat(catalogues.equivalentsOf("etsi303645.5.2-1")).extracting(Requirement::id)
                .contains("cra.aii.5", "cra.aii.6", "ir2690.6.10.2.e");
        assertThat(catalogues.equivalentsOf("nis2.art23.notify")).extracting(Requirement::id)
                .containsExactly("ir2690.3.5.3.a");
    }

    @Test
    void annexSectionsDetailTheArticle21PointTheyImplement() {
        assertThat(catalogues.detailedBy("nis2.art21.2.i")).extracting(Requirement::id)
                .containsExactly("ir2690.10", "ir2690.11", "ir2690.12", "ir2690.13");
        assertThat(catalogues.catalogueOf("ir2690.9.2.c.xii")).map(Catalogue::id).contains("ir2690");
    }

    @Test
    void annexKeepsTheLegalNesting() {
        Catalogue annex = catalogues.catalogue("ir2690").orElseThrow();

        assertThat(annex.children("ir2690.9.2.c")).hasSize(12);
        assertThat(annex.children("ir2690.5.2.p1")).extracting(Requirement::id)
                .containsExactly("ir2690.5.2.a", "ir2690.5.2.b");
        assertThat(annex.requirement("ir2690.10.2").orElseThrow().title()).isEqualTo("Verification of background");
        assertThat(annex.requirement("ir2690.12.5.p1").orElseThrow().aliases()).containsExactly("12.5.1");
        assertThat(annex.requirement("ir2690.6.7.2.g").orElseThrow().condition()).startsWith("Where appropriate");
    }

    @Test
    void shippedFilesAreValidOneByOneAgainstTheOthers() {
        CatalogueReader reader = new CatalogueReader();
        for (CatalogueSource source : ShippedCatalogues.sources()) {
            Catalogue catalogue = reader.read(source, catalogues);
            assertThat(catalogue).isEqualTo(catalogues.catalogue(catalogue.id()).orElseThrow());
        }
    }
}
