package eu.vigil.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The PSIRT journey in a real browser: a researcher reports a vulnerability on the public page
 * (no account, with a proof-of-concept file), the team triages it, scores it with the CVSS
 * calculator, drafts and publishes the advisory, and the advisory is reachable under
 * /.well-known/csaf/. No page may break the Content-Security-Policy (checked by the harness).
 */
class PsirtJourneyIT {

    @RegisterExtension
    static final BrowserHarness vigil = new BrowserHarness();

    static Browser team;
    static final Http http = new Http();

    @BeforeAll
    static void administratorSignedIn() {
        team = vigil.newBrowser("psirt");
        Journeys journeys = vigil.journeys();
        Person admin = journeys.activateFirstAdministrator(team, "katie", "Katie Moussouris");
        team.clickAndWait(By.linkText("Continue to sign in"));
        assertThat(journeys.signIn(team, admin)).isEqualTo("/");
    }

    @Test
    void publicReportToTriageToCvssToAdvisoryToPublishedUnderWellKnown() throws Exception {
        Browser reporter = vigil.newBrowser("reporter");
        reporter.open("/report-vulnerability");
        assertThat(reporter.pageSource()).contains("BEGIN PGP PUBLIC KEY BLOCK");
        reporter.type("#product", "Camera X");
        reporter.type("#version", "2.0.0");
        reporter.type("#description", "<script>alert(1)</script> stored in the camera name runs for every operator.");
        reporter.type("#contact", "researcher@example.org");
        Path poc = Files.createTempFile("poc", ".txt");
        Files.writeString(poc, "POST /api/name name=<script>alert(1)</script>");
        reporter.find("#attachment").sendKeys(poc.toString());
        reporter.submit("Send report");
        String reference = reporter.text("#reference");
        String token = reporter.text("#tracking-token");
        assertThat(reference).startsWith("PSIRT-");
        assertThat(token).hasSizeGreaterThanOrEqualTo(40);
        Files.delete(poc);

        team.open("/psirt");
        team.clickAndWait(By.partialLinkText(reference));
        assertThat(team.text("#case-description")).contains("<script>alert(1)</script>");
        new Select(team.find("#state")).selectByValue("TRIAGED");
        team.clickAndWait(By.id("change-state"));
        assertThat(team.text("#case-state")).isEqualTo("Triaged");

        // the calculator builds the vector and the server scores it
        for (String[] metric : new String[][] {{"AV", "N"}, {"AC", "L"}, {"PR", "L"}, {"UI", "R"}, {"S", "C"},
                {"C", "L"}, {"I", "L"}, {"A", "N"}}) {
            new Select(team.find("#cvss-" + metric[0])).selectByValue(metric[1]);
        }
        team.waiting().withTimeout(Duration.ofSeconds(20)).until(d -> team.find("#cvss31-score").getText()
                .contains("Base score 5.4 (MEDIUM)"));
        assertThat(team.find("#cvss31").getAttribute("value")).isEqualTo("CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:C/C:L/I:L/A:N");
        team.type("#cweId", "CWE-79");
        team.clickAndWait(By.id("save-case"));
        assertThat(team.pageSource()).contains(">MEDIUM<");

        team.type("#summary", "Camera X 2.0.0 lets a user store script in the camera name.");
        team.clickAndWait(By.id("draft-advisory"));
        assertThat(team.text("#advisory-valid")).contains("Passes the CSAF schema");
        team.type("#revision", "Initial version");
        team.clickAndWait(By.id("publish-advisory"));
        assertThat(team.text("#advisory-status")).isEqualTo("PUBLISHED");
        String advisoryPath = team.find("#advisory-page").getAttribute("href");
        String trackingId = advisoryPath.substring(advisoryPath.lastIndexOf('/') + 1);

        // reachable by anyone under /.well-known/csaf/
        HttpResponse<String> metadata = http.get(vigil.server().url("/.well-known/csaf/provider-metadata.json"));
        assertThat(metadata.statusCode()).isEqualTo(200);
        assertThat(metadata.body()).contains("csaf_trusted_provider");
        String year = Integer.toString(java.time.Instant.now().atOffset(ZoneOffset.UTC).getYear());
        String file = year + "/" + trackingId.toLowerCase() + ".json";
        assertThat(http.get(vigil.server().url("/.well-known/csaf/white/index.txt")).body()).contains(file);
        HttpResponse<String> advisory = http.get(vigil.server().url("/.well-known/csaf/white/" + file));
        assertThat(advisory.statusCode()).isEqualTo(200);
        assertThat(advisory.body()).contains(trackingId).contains("CWE-79");
        assertThat(http.get(vigil.server().url("/.well-known/csaf/white/" + file + ".asc")).body())
                .startsWith("-----BEGIN PGP SIGNATURE-----");

        // the reporter sees the advisory with the tracking token
        reporter.open("/report-vulnerability/status");
        reporter.type("#token", token);
        reporter.submit("Show status");
        assertThat(reporter.text("#report-state")).isEqualTo("Triaged");
        assertThat(reporter.pageSource()).contains(trackingId);
        reporter.open("/advisories/" + trackingId);
        assertThat(reporter.text("main h1")).isNotBlank();
    }
}
