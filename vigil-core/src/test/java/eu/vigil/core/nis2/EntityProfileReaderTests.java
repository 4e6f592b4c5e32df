package eu.vigil.core.nis2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class EntityProfileReaderTests {

    private final EntityProfileReader reader = new EntityProfileReader();

    private EntityProfile read(String json) {
        return reader.read(json.getBytes(StandardCharsets.UTF_8));
    }

    private List<FieldProblem> problems(String json) {
        try {
            read(json);
        } catch (InvalidProfileException e) {
            return e.problems();
        }
        throw new AssertionError("profile was accepted: " + json);
    }

    @Test
    void readsEveryFieldOfAProfile() {
        EntityProfile profile = read("""
                {
                  "legalName": "Kamera Werk GmbH",
                  "mainEstablishment": "DE",
                  "otherMemberStates": ["AT", "NL"],
                  "headcount": 38.5,
                  "annualTurnoverEur": 7500000,
                  "balanceSheetTotalEur": 5000000,
                  "partnerEnterprises": [{"name": "Optik Holding AG", "sharePercent": 30,
                      "headcount": 100, "annualTurnoverEur": 20000000, "balanceSheetTotalEur": 15000000}],
                  "linkedEnterprises": [{"name": "Kamera Service SRL", "headcount": 4,
                      "annualTurnoverEur": 300000, "balanceSheetTotalEur": 100000}],
                  "groupIndependenceRecognised": false,
                  "entityTypes": ["manufacturing.computer_electronic_optical.undertaking"],
                  "qualifiedTrustServiceProvider": false,
                  "publicAdministrationLevel": null,
                  "memberStateDesignation": null,
                  "formerOperatorOfEssentialServices": false,
                  "supplierToEssentialOrImportantEntities": true
                }
                """);

        assertThat(profile.legalName()).isEqualTo("Kamera Werk GmbH");
        assertThat(profile.otherMemberStates()).containsExactly("AT", "NL");
        assertThat(profile.headcount()).isEqualByComparingTo("38.5");
        assertThat(profile.partnerEnterprises()).singleElement()
                .satisfies(partner -> assertThat(partner.sharePercent()).isEqualByComparingTo("30"));
        assertThat(profile.linkedEnterprises()).extracting(LinkedEnterprise::name).containsExactly("Kamera Service SRL");
        assertThat(profile.supplierToEssentialOrImportantEntities()).isTrue();
        assertThat(new ScopeClassifier().classify(profile).classification()).isEqualTo(Classification.IMPORTANT);
    }

    @Test
    void readsEnumCodes() {
        EntityProfile profile = read("""
                {"legalName": "Land X", "mainEstablishment": "AT", "entityTypes": [],
                 "publicAdministrationLevel": "regional", "memberStateDesignation": "essential"}
                """);

        assertThat(profile.publicAdministrationLevel()).isEqualTo(PublicAdministrationLevel.REGIONAL);
        assertThat(profile.memberStateDesignation()).isEqualTo(MemberStateDesignation.ESSENTIAL);
    }

    @Test
    void reportsWrongTypesUnknownFieldsAndMissingFiguresTogether() {
        List<FieldProblem> problems = problems("""
                {"legalName": 7, "mainEstablishment": "DE", "headCount": 12, "annualTurnoverEur": "5000000",
                 "entityTypes": ["energy.gas.tso", 3], "qualifiedTrustServiceProvider": "yes",
                 "publicAdministrationLevel": "federal"}
                """);

        assertThat(problems).extracting(FieldProblem::field).containsExactlyInAnyOrder("headCount", "legalName",
                "annualTurnoverEur", "entityTypes[1]", "qualifiedTrustServiceProvider", "publicAdministrationLevel",
                "headcount", "balanceSheetTotalEur");
        assertThat(problems).filteredOn(p -> p.field().equals("headCount")).singleElement()
                .satisfies(p -> assertThat(p.problem()).contains("did you mean 'headcount'?"));
        assertThat(problems).filteredOn(p -> p.field().equals("annualTurnoverEur")).singleElement()
                .satisfies(p -> assertThat(p.problem()).contains("must be a number"));
        assertThat(problems).filteredOn(p -> p.field().equals("publicAdministrationLevel")).singleElement()
                .satisfies(p -> assertThat(p.problem()).contains("'federal'"));
    }

    @Test
    void entityTypesAreRequired() {
        assertThat(problems("{\"legalName\": \"A\", \"mainEstablishment\": \"DE\"}"))
                .extracting(FieldProblem::field).containsExactly("entityTypes");
    }

    @Test
    void invalidJsonIsReportedWithLineAndColumn() {
        assertThat(problems("{\n  \"legalName\": \"A\",\n  oops\n}")).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("$");
            assertThat(problem.problem()).contains("line 3");
        });
    }

    @Test
    void duplicateFieldsAreRefused() {
        assertThat(problems("{\"legalName\": \"A\", \"legalName\": \"B\", \"entityTypes\": []}"))
                .singleElement().satisfies(problem -> assertThat(problem.problem()).contains("Duplicate field"));
    }

    @Test
    void documentMustBeAnObject() {
        assertThat(problems("[1, 2]")).singleElement()
                .satisfies(problem -> assertThat(problem.problem()).contains("not an array"));
        assertThat(problems("")).singleElement()
                .satisfies(problem -> assertThat(problem.problem()).contains("empty"));
        assertThat(problems("{} {}")).singleElement()
                .satisfies(problem -> assertThat(problem.problem()).contains("not valid JSON"));
    }

    @Test
    void numberWithAnAbsurdExponentIsAProblemNotACrash() {
        // found by fuzzing: Jackson throws NumberFormatException for such a number
        assertThat(problems("{\"headcount\": 1e9999999999999}")).singleElement()
                .satisfies(problem -> assertThat(problem.problem()).contains("number that cannot be read"));
    }

    @Test
    void malformedListElementDoesNotShiftTheIndexesOfLaterProblems() {
        List<FieldProblem> problems = problems("""
                {"legalName": "A", "mainEstablishment": "DE", "entityTypes": [], "partnerEnterprises": [5,
                  {"name": "P", "sharePercent": 30}]}
                """);

        assertThat(problems).extracting(FieldProblem::field).containsExactly("partnerEnterprises[0]");
    }
}
