package eu.vigil.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import eu.vigil.sbom.SbomFixtures;
import eu.vigil.vulndb.internal.FeedImporter;
import eu.vigil.vulndb.internal.FeedSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The SBOM journey in a real browser: create a product and a release, upload its SBOM, see the
 * findings, triage one, search the impact of a CVE, and export the release's VEX. No page may break
 * the Content-Security-Policy (checked by the harness).
 */
class SbomJourneyIT {

    @RegisterExtension
    static final BrowserHarness vigil = new BrowserHarness();

    static Browser browser;
    static final Http http = new Http();

    @BeforeAll
    static void administratorSignedInAndKnowledgeBaseLoaded() throws Exception {
        browser = vigil.newBrowser("sbom");
        Journeys journeys = vigil.journeys();
        Person admin = journeys.activateFirstAdministrator(browser, "ada", "Ada Lovelace");
        browser.clickAndWait(By.linkText("Continue to sign in"));
        assertThat(journeys.signIn(browser, admin)).isEqualTo("/");
        Path folder = TempFolders.create("vigil-sbom-journey-");
        Path record = Files.writeString(folder.resolve("VIGIL-TEST-0001.json"), SbomFixtures.osv("VIGIL-TEST-0001",
                "CVE-2099-0001", "2026-01-01T00:00:00Z", "npm", "left-pad", "1.3.0", SbomFixtures.CRITICAL));
        FeedImporter importer = vigil.server().bean(FeedImporter.class);
        importer.run(importer.queuePaths(FeedSource.OSV, List.of(record), null, "journey"), n -> { }).orElseThrow();
    }

    @Test
    void uploadToFindingsToTriageToImpactToVexExport() throws Exception {
        browser.open("/sbom");
        browser.type("#key", "cam-x");
        browser.type("#name", "Camera X");
        browser.type("#vendor", "ACME");
        new Select(browser.find("#craCategory")).selectByValue("important-class-1");
        browser.submit("Create product");
        assertThat(browser.text("main h1")).isEqualTo("Camera X");

        browser.type("#version", "2.1");
        new Select(browser.find("#status")).selectByValue("supported");
        browser.submit("Create release");
        assertThat(browser.text("main h1")).isEqualTo("Camera X 2.1");

        Path sbom = Files.writeString(TempFolders.create("vigil-sbom-upload-").resolve("cam-x-2.1.cdx.json"),
                SbomFixtures.cycloneDx("cam-x", "2.1", "1.2.0"));
        browser.find("#sbom-file").sendKeys(sbom.toString());
        browser.submit("Upload and match");
        assertThat(browser.text("main .alert.ok")).contains("SBOM stored", "5 components", "1 new findings");
        assertThat(browser.text("main")).contains("CVE-2099-0001", "cam-x@2.1 > app@1.0.0 > left-pad@1.2.0", "FORBIDDEN".isEmpty() ? "" : "left-pad");

        browser.clickAndWait(By.linkText("CVE-2099-0001"));
        assertThat(browser.text("#finding-severity")).isEqualTo("CRITICAL");
        assertThat(browser.text("#finding-state")).isEqualTo("IN_TRIAGE");
        new Select(browser.find("#state")).selectByValue("NOT_AFFECTED");
        new Select(browser.find("#justification")).selectByValue("code_not_reachable");
        browser.type("#detail", "The firmware never pads strings.");
        browser.submit("Save analysis");
        assertThat(browser.text("#finding-state")).isEqualTo("NOT_AFFECTED");

        browser.open("/sbom/impact");
        browser.type("#q", "CVE-2099-0001");
        browser.submit("Search");
        assertThat(browser.text("#impact-summary")).startsWith("1 product(s), 1 release(s)");
        assertThat(browser.text("main table")).contains("Camera X", "2.1", "fixed in 1.3.0", "NOT_AFFECTED");

        browser.clickAndWait(By.linkText("2.1"));
        String vexPath = browser.find("#vex-openvex").getAttribute("href");
        HttpResponse<String> vex = http.get(vexPath, "Cookie", browser.cookieHeader());
        assertThat(vex.statusCode()).isEqualTo(200);
        assertThat(vex.body()).contains("\"status\" : \"not_affected\"", "vulnerable_code_not_in_execute_path",
                "pkg:npm/left-pad@1.2.0", "The firmware never pads strings.");
        HttpResponse<String> cdx = http.get(browser.find("#vex-cyclonedx").getAttribute("href"), "Cookie", browser.cookieHeader());
        assertThat(cdx.body()).contains("\"bomFormat\" : \"CycloneDX\"", "\"state\" : \"not_affected\"");

        browser.open("/sbom");
        assertThat(browser.text("main table")).contains("Camera X");
    }
}
