package eu.vigil.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The knowledge base in a real browser: upload an OSV zip with one bad record on "Vulnerability
 * data", watch the run finish (htmx polling), see the bad record by name, then search the new
 * record by its CVE alias and open it, with its affected range and the "What it hits" link.
 */
class VulnDbJourneyIT {

    @RegisterExtension
    static final BrowserHarness vigil = new BrowserHarness();

    static Browser browser;

    @BeforeAll
    static void administratorSignedIn() {
        browser = vigil.newBrowser("vulndb");
        Journeys journeys = vigil.journeys();
        Person admin = journeys.activateFirstAdministrator(browser, "ada", "Ada Lovelace");
        browser.clickAndWait(By.linkText("Continue to sign in"));
        assertThat(journeys.signIn(browser, admin)).isEqualTo("/");
    }

    @Test
    void uploadAnOsvZipFollowItsProgressAndOpenTheRecord() throws IOException {
        Path zip = Files.createTempFile("osv-journey-", ".zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("GHSA-jrny-0001-0001.json"));
            out.write("""
                    {"id": "GHSA-jrny-0001-0001", "modified": "2026-05-01T00:00:00Z", "aliases": ["CVE-2026-55501"],
                     "summary": "Camera web server crashes on a long header",
                     "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H"}],
                     "affected": [{"package": {"ecosystem": "Maven", "name": "com.example:camera-web"},
                       "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "1.0"}, {"fixed": "1.4.2"}]}]}],
                     "references": [{"type": "ADVISORY", "url": "https://example.org/advisories/1"}],
                     "database_specific": {"cwe_ids": ["CWE-400"]}}""".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            out.putNextEntry(new ZipEntry("GHSA-jrny-0002-0002.json"));
            out.write("{\"id\": \"GHSA-jrny-0002-0002\", \"modified\": ".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }

        browser.open("/vulndb");
        assertThat(browser.text("main h1")).isEqualTo("Vulnerability data");
        new Select(browser.find("#source")).selectByValue("osv");
        browser.driver().findElement(By.id("file")).sendKeys(zip.toAbsolutePath().toString());
        browser.submit("Import");
        assertThat(browser.text(".alert.ok")).contains("started");
        // the runs table polls until the run is done
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#runs tbody tr"), "done"));
        assertThat(browser.text("#runs tbody tr")).contains("osv", "upload " + zip.getFileName());

        browser.clickAndWait(By.cssSelector("#runs tbody tr td a"));
        assertThat(browser.text("main")).contains("GHSA-jrny-0002-0002", "not a readable OSV JSON record");

        browser.open("/vulnerabilities");
        browser.type("#q", "CVE-2026-55501");
        browser.submit("Search");
        browser.clickAndWait(By.linkText("GHSA-jrny-0001-0001"));
        assertThat(browser.text("main h1")).isEqualTo("GHSA-jrny-0001-0001");
        assertThat(browser.text("main")).contains("CVE-2026-55501", "CWE-400", "com.example:camera-web", ">= 1.0, < 1.4.2",
                "HIGH 7.5");
        assertThat(browser.find("a.button").getAttribute("href")).endsWith("/sbom/impact?q=GHSA-jrny-0001-0001");
        Files.deleteIfExists(zip);
    }
}
