package eu.vigil.core.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import eu.vigil.core.InvalidInputException;

class CatalogueReaderTests {

    private final CatalogueReader reader = new CatalogueReader();
    private final CatalogueSet shipped = ShippedCatalogues.load();

    private static CatalogueSource source(String json) {
        return new CatalogueSource("custom.json", json.getBytes(StandardCharsets.UTF_8));
    }

    private List<CatalogueProblem> problems(String json) {
        try {
            reader.read(source(json), shipped);
        } catch (InvalidCatalogueException e) {
            return e.problems();
        }
        throw new AssertionError("catalogue was accepted");
    }

    @Test
    void readsACatalogueThatMapsToTheShippedOnes() {
        Catalogue catalogue = reader.read(source("""
                {
                  "catalogue": "acme",
                  "version": "1",
                  "title": "ACME product rules",
                  "requirements": [
                    {"id": "acme.1", "title": "Updates", "text": "Sign every firmware image.", "assessable": false},
                    {"id": "acme.1.1", "title": "Signed firmware", "text": "Firmware is signed with Ed25519.",
                     "parent": "acme.1", "areas": ["cryptography"], "isoControls": ["A.8.24"],
                     "equivalents": ["cra.aii.7"], "implements": ["nis2.art21.2.h"], "obligation": "mandatory"}
                  ]
                }
                """), shipped);

        assertThat(catalogue.id()).isEqualTo("acme");
        assertThat(catalogue.requirement("acme.1.1").orElseThrow().equivalents()).containsExactly("cra.aii.7");
        assertThat(catalogue.assessableCount()).isEqualTo(1);
        assertThat(shipped.with(catalogue).equivalentsOf("cra.aii.7")).extracting(Requirement::id).contains("acme.1.1");
    }

    @Test
    void malformedJsonIsRejectedWithItsLine() {
        List<CatalogueProblem> problems = problems("{\n  \"catalogue\": \"acme\",\n  \"version\": 1,,\n}");

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(3);
            assertThat(problem.problem()).startsWith("not valid JSON");
        });
    }

    @Test
    void duplicateIdIsRejectedWithBothLines() {
        List<CatalogueProblem> problems = problems("""
                {"catalogue": "acme", "version": "1", "title": "T", "requirements": [
                  {"id": "acme.1", "title": "A", "text": "a"},
                  {"id": "acme.1", "title": "B", "text": "b"}
                ]}
                """);

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("$.requirements[1].id");
            assertThat(problem.line()).isEqualTo(3);
            assertThat(problem.problem()).contains("duplicate id 'acme.1'", "line 2");
        });
    }

    @Test
    void unknownReferencesAreRejectedWithTheirPath() {
        List<CatalogueProblem> problems = problems("""
                {"catalogue": "acme", "version": "1", "title": "T", "requirements": [
                  {"id": "acme.1", "title": "A", "text": "a", "parent": "acme.0",
                   "areas": ["resilience"], "isoControls": ["A.9.1"],
                   "equivalents": ["cra.aii.99", "acme.2"], "implements": ["nis2.art21.2.z"]},
                  {"id": "acme.2", "title": "B", "text": "b", "parent": "acme.3"},
                  {"id": "acme.3", "title": "C", "text": "c"}
                ]}
                """);

        assertThat(problems).extracting(CatalogueProblem::path).containsExactly(
                "$.requirements[0].parent", "$.requirements[0].areas[0]", "$.requirements[0].isoControls[0]",
                "$.requirements[0].equivalents[0]", "$.requirements[0].equivalents[1]",
                "$.requirements[0].implements[0]", "$.requirements[1].parent");
        assertThat(problems).extracting(CatalogueProblem::line).containsExactly(2, 3, 3, 4, 4, 4, 5);
        assertThat(problems.get(1).problem()).contains("unknown area 'resilience'", "supply-chain");
        assertThat(problems.get(6).problem()).contains("must be defined before");
    }

    @Test
    void structuralProblemsAreAllReported() {
        List<CatalogueProblem> problems = problems("""
                {"catalogue": "Acme!", "title": "T", "colour": "red", "requirements": [
                  {"id": "other.1", "title": "", "text": 5, "assessable": "yes", "obligation": "must"},
                  "not an object"
                ]}
                """);

        assertThat(problems).extracting(CatalogueProblem::path).contains("$.catalogue", "$", "$.colour",
                "$.requirements[0].title", "$.requirements[0].text", "$.requirements[0].assessable",
                "$.requirements[0].obligation", "$.requirements[1]");
        assertThat(problems).filteredOn(p -> p.path().equals("$")).extracting(CatalogueProblem::problem)
                .containsExactly("missing field 'version'");
    }

    @Test
    void crossReferenceIntoTheSameCatalogueIsRefused() {
        assertThat(problems("""
                {"catalogue": "acme", "version": "1", "title": "T", "requirements": [
                  {"id": "acme.1", "title": "A", "text": "a"},
                  {"id": "acme.2", "title": "B", "text": "b", "equivalents": ["acme.1"]}
                ]}
                """)).singleElement().satisfies(problem -> assertThat(problem.problem()).contains("in this catalogue"));
    }

    @Test
    void newVersionOfAShippedCatalogueIsCheckedAgainstTheOthers() {
        Catalogue replacement = reader.read(source("""
                {"catalogue": "nis2", "version": "2", "title": "T", "requirements": [
                  {"id": "nis2.x", "title": "A", "text": "a", "equivalents": ["ir2690.1.1.1.k"]}
                ]}
                """), shipped);

        assertThat(replacement.version()).isEqualTo("2");
        assertThat(problems("""
                {"catalogue": "nis2", "version": "2", "title": "T", "requirements": [
                  {"id": "nis2.x", "title": "A", "text": "a", "equivalents": ["nis2.art20.approve"]}
                ]}
                """)).singleElement().satisfies(problem -> assertThat(problem.problem()).contains("in this catalogue"));
    }

    @Test
    void readAllResolvesReferencesBetweenNewFilesAndRejectsDuplicateCatalogues() {
        CatalogueSource first = new CatalogueSource("a.json", """
                {"catalogue": "a", "version": "1", "title": "A", "requirements": [
                  {"id": "a.1", "title": "A", "text": "a", "equivalents": ["b.1"]}]}
                """.getBytes(StandardCharsets.UTF_8));
        CatalogueSource second = new CatalogueSource("b.json", """
                {"catalogue": "b", "version": "1", "title": "B", "requirements": [
                  {"id": "b.1", "title": "B", "text": "b"}]}
                """.getBytes(StandardCharsets.UTF_8));

        CatalogueSet set = reader.readAll(List.of(first, second));

        assertThat(set.equivalentsOf("b.1")).extracting(Requirement::id).containsExactly("a.1");
        assertThatThrownBy(() -> reader.readAll(List.of(first, second, second)))
                .isInstanceOf(InvalidInputException.class)
                .isInstanceOfSatisfying(InvalidCatalogueException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p.problem()).contains("also used by b.json")));
    }

    @Test
    void emptyAndNonObjectDocumentsAreRejected() {
        assertThat(problems("")).singleElement().satisfies(p -> assertThat(p.problem()).contains("empty"));
        assertThat(problems("[]")).singleElement().satisfies(p -> assertThat(p.problem()).contains("JSON object"));
    }
}
