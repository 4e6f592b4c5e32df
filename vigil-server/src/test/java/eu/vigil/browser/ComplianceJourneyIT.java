package eu.vigil.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import eu.vigil.identity.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The compliance journey in a real browser: entity profile and classification, a new assessment
 * with its radar chart, a rating and a file as evidence, management training and a signed management
 * approval, and the PDF report.
 * The methods run in order; each builds on the one before.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComplianceJourneyIT {

    @RegisterExtension
    static final BrowserHarness vigil = new BrowserHarness();

    static Browser officer;
    static Browser board;
    static String assessment;

    @BeforeAll
    static void people() {
        Journeys journeys = vigil.journeys();
        officer = vigil.newBrowser("officer");
        Person admin = journeys.activateFirstAdministrator(officer, "admin", "Ada Admin");
        journeys.signIn(officer, admin);
        String link = journeys.invite(officer, Role.MANAGEMENT);
        board = vigil.newBrowser("board");
        Person director = journeys.acceptInvitation(board, link, "director", "Dora Director", Role.MANAGEMENT);
        journeys.signIn(board, director);
    }

    @Test
    @Order(1)
    void profileIsRefusedFieldByFieldThenClassified() {
        officer.open("/scope");
        officer.clickAndWait(By.linkText("Fill in the entity profile"));
        officer.type("#legalName", "Kamera Werk GmbH").type("#headcount", "lots");
        new Select(officer.find("#mainEstablishment")).selectByValue("DE");
        officer.find("details.sector > summary").isDisplayed();
        officer.driver().findElement(By.xpath("//summary[normalize-space()='Annex II · Manufacturing']")).click();
        officer.check("input[name=entityTypes][value='manufacturing.computer_electronic_optical.undertaking']");
        officer.submit("Save and classify");
        assertThat(officer.text("#problems")).contains("headcount");
        assertThat(officer.text(".field-error")).contains("must be a number");
        assertThat(officer.find("#legalName").getAttribute("value")).isEqualTo("Kamera Werk GmbH");

        officer.type("#headcount", "300").type("#annualTurnoverEur", "60000000").type("#balanceSheetTotalEur", "50000000");
        officer.submit("Save and classify");
        assertThat(officer.path()).isEqualTo("/scope");
        assertThat(officer.text("#classification")).isEqualTo("important");
        assertThat(officer.text("#rules")).contains("important.size_cap", "NIS2 Art. 2(1), 3(2)");
        vigil.screenshot(officer, "scope-classification");
    }

    @Test
    @Order(2)
    void newAssessmentShowsTheRadarChartWithoutPolicyViolations() {
        officer.consoleErrors();
        officer.open("/compliance/assessments");
        officer.type("#title", "NIS2 self-assessment 2026");
        officer.submit("Start assessment");
        assertThat(officer.path()).matches("/compliance/assessments/\\d+");
        assessment = officer.path();
        officer.waiting().until(d -> Boolean.TRUE.equals(officer.driver().executeScript(
                "return typeof Chart !== 'undefined' && Chart.getChart(document.getElementById('radar')) !== undefined;")));
        assertThat(officer.consoleErrors()).as("console errors on the assessment page").isEmpty();
        vigil.screenshot(officer, "assessment-overview");
    }

    @Test
    @Order(3)
    void rateARequirementAndAttachAFile() throws Exception {
        officer.open(assessment + "/requirements/nis2.art20.approve");
        officer.check("input[name=maturity][value='1']").type("#owner", "CISO");
        officer.submit("Save rating");
        assertThat(officer.text(".alert.ok")).contains("Saved nis2.art20.approve");
        java.nio.file.Path minutes = java.nio.file.Files.createTempFile("board-minutes", ".txt");
        java.nio.file.Files.writeString(minutes, "Board meeting: the risk-management measures were approved.\n");
        String sha256 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(java.nio.file.Files.readAllBytes(minutes)));
        officer.find("#ef-file").sendKeys(minutes.toString());
        officer.type("#ef-title", "Board minutes");
        officer.driver().executeScript("document.getElementById('ef-speaks').value = arguments[0];",
                LocalDate.now().toString());
        officer.submit("Attach file");
        assertThat(officer.text(".alert.ok")).startsWith("File attached: " + minutes.getFileName()).contains(sha256);
        assertThat(officer.pageSource()).contains("Board minutes", "SHA-256 " + sha256);
        java.nio.file.Files.delete(minutes);
        Object download = officer.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => r.text().then(t => done(r.status + ' ' + t)));
                """, officer.find("a[href*='/evidence/'][href$='/file']").getAttribute("href"));
        assertThat(download).isEqualTo("200 Board meeting: the risk-management measures were approved.\n");
        officer.open(assessment);
        assertThat(officer.text("#actions")).contains("nis2.art20.approve", "MEDIUM");
        vigil.screenshot(officer, "assessment-rated");
    }

    @Test
    @Order(4)
    void managementRecordsTrainingAndApprovesTheVersion() {
        board.open(assessment);
        assertThat(board.text("#management-training")).contains("director", "no training");
        board.open("/compliance/training");
        board.driver().executeScript("document.getElementById('t-held').value = arguments[0];",
                LocalDate.now().minusMonths(1).toString());
        board.type("#t-title", "NIS2 duties of the management body").type("#t-provider", "CyberAcademy")
                .type("#t-minutes", "240").check("input[name=attendees][value='director']");
        board.submit("Record session");
        assertThat(board.text(".alert.ok")).contains("NIS2 duties of the management body");
        board.open(assessment);
        assertThat(board.text("#management-training")).contains("director", "current, next due");
        board.clickAndWait(By.cssSelector("form[action$='/approvals'] button"));
        assertThat(board.text(".alert.ok")).contains("approved. SHA-256 of the approved content:");
        assertThat(board.pageSource()).contains("approved by director");
        assertThat(board.text(".signature")).isEqualTo("signature valid");
    }

    @Test
    @Order(5)
    void reportDownloadsAsPdf() {
        Object answer = board.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done(r.headers.get('content-type') + ' '
                    + new TextDecoder().decode(new Uint8Array(b).slice(0, 5)))));
                """, assessment + "/report.pdf");
        assertThat(answer).isEqualTo("application/pdf %PDF-");
    }
}
