package eu.vigil.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import eu.vigil.identity.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The NIS2 incident journey in a real browser: record an incident, assess it as significant, then
 * submit the early warning, the incident notification and the final report, and download the final
 * report as PDF. No page may break the Content-Security-Policy (checked by the harness).
 */
class IncidentJourneyIT {

    static {
        // the deadline reminder job runs every few seconds here rather than every minute
        System.setProperty("vigil.incidents.reminder-interval", "2s");
    }

    @AfterAll
    static void resetReminderInterval() {
        System.clearProperty("vigil.incidents.reminder-interval");
    }

    @RegisterExtension
    static final BrowserHarness vigil = new BrowserHarness();

    static Browser browser;
    static final Http http = new Http();

    @BeforeAll
    static void administratorSignedIn() {
        browser = vigil.newBrowser("incidents");
        Journeys journeys = vigil.journeys();
        Person admin = journeys.activateFirstAdministrator(browser, "grace", "Grace Hopper");
        browser.clickAndWait(By.linkText("Continue to sign in"));
        assertThat(journeys.signIn(browser, admin)).isEqualTo("/");
    }

    @Test
    void incidentToSignificanceToEarlyWarningNotificationAndFinalReportPdf() {
        browser.open("/incidents");
        browser.clickAndWait(By.linkText("Record an incident"));
        browser.type("#title", "Ransomware on the build servers");
        browser.type("#description", "Build servers encrypted; signing keys not affected.");
        setValue("detectedAt", "2026-01-10T08:00");
        setValue("awareAt", "2026-01-10T09:30");
        new Select(browser.find("#suspectedMalicious")).selectByValue("yes");
        browser.submit("Record incident");
        assertThat(browser.text("main h1")).contains("Ransomware on the build servers");
        assertThat(browser.text("#verdict")).isEqualTo("Not yet assessed");
        assertThat(browser.text("#clock")).contains("Early warning", "Incident notification", "Final report");

        browser.clickAndWait(By.linkText("Assess significance"));
        browser.check("input[name=severeOperationalDisruption]");
        browser.submit("Assess");
        assertThat(browser.text("#verdict")).isEqualTo("Significant");
        assertThat(browser.text("#criteria")).contains("Art. 23(3)(a)");

        submitReport("EARLY_WARNING", null);
        submitReport("INCIDENT_NOTIFICATION", "Two build servers encrypted; releases paused.");
        browser.type("#body", "Servers rebuilt from clean images.");
        browser.submit("Add to timeline");
        String finalReport = submitReport("FINAL_REPORT", "Rebuilt from clean images; credentials rotated.");

        HttpResponse<String> pdf = http.get(vigil.server().url(finalReport + "/pdf"), "Cookie", browser.cookieHeader());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
        assertThat(pdf.body()).startsWith("%PDF-");
        browser.open(finalReport.substring(0, finalReport.indexOf("/reports")));
        assertThat(browser.text("#reports")).contains("Early warning", "Incident notification", "Final report");
        assertThat(browser.all("#reports .badge.ok")).hasSize(3);
    }

    /**
     * Continuity: a plan with its document attached (stored encrypted, downloaded back), the backup
     * status from the backup module before and after a backup; and the reporting clock's reminder
     * reaching a compliance officer's bell and inbox when an early warning falls due.
     */
    @Test
    void continuityPlanWithDocumentAndBackupStatusAndTheReminderBell() throws Exception {
        browser.open("/continuity");
        assertThat(browser.text("#backup-status")).contains("No backup has been written yet.");
        browser.type("#title", "Crisis management plan");
        new Select(browser.find("#kind")).selectByValue("CRISIS_MANAGEMENT");
        browser.submit("Record plan");
        java.nio.file.Path file = java.nio.file.Files.createTempFile("crisis-plan-", ".txt");
        java.nio.file.Files.writeString(file, "Call tree: Grace, then the board.");
        browser.find("input[type=file]").sendKeys(file.toAbsolutePath().toString());
        browser.submit("Attach");
        assertThat(browser.text(".alert.ok")).startsWith("Attached " + file.getFileName());
        String href = browser.find("a[download]").getAttribute("href");
        HttpResponse<String> document = http.get(href, "Cookie", browser.cookieHeader());
        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(document.body()).isEqualTo("Call tree: Grace, then the board.");
        java.nio.file.Files.deleteIfExists(file);

        browser.open("/admin/backups");
        browser.submit("Back up now");
        browser.open("/continuity");
        assertThat(browser.text("#backup-status")).contains("Last backup", "not checked yet", "Next scheduled backup")
                .doesNotContain("No backup");
        browser.open("/admin/backups");
        browser.submit("Check");
        browser.open("/continuity");
        assertThat(browser.text("#backup-status")).contains("verified");
        vigil.screenshot(browser, "continuity-backup-status");

        // an incident whose early warning falls due within the hour (its reminder window is six)
        browser.open("/incidents");
        browser.clickAndWait(By.linkText("Record an incident"));
        browser.type("#title", "Leaked VPN credentials");
        java.time.format.DateTimeFormatter local = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")
                .withZone(java.time.ZoneOffset.UTC);
        setValue("detectedAt", local.format(java.time.Instant.now().minus(java.time.Duration.ofHours(23))));
        setValue("awareAt", local.format(java.time.Instant.now().minus(java.time.Duration.ofHours(22))));
        browser.submit("Record incident");

        Journeys journeys = vigil.journeys();
        String link = journeys.invite(browser, Role.COMPLIANCE);
        Browser officer = vigil.newBrowser("compliance");
        Person lena = journeys.acceptInvitation(officer, link, "lena", "Lena Locke", Role.COMPLIANCE);
        officer.newSession();
        assertThat(journeys.signIn(officer, lena)).isEqualTo("/");
        officer.waiting().withTimeout(java.time.Duration.ofSeconds(30)).until(d -> {
            officer.open("/");
            return officer.present("a.indicator .count");
        });
        assertThat(officer.find("a.indicator").getAttribute("aria-label")).endsWith("unread notifications");
        vigil.screenshot(officer, "notification-bell");
        officer.clickAndWait(By.cssSelector("a.indicator"));
        vigil.screenshot(officer, "notification-inbox");
        assertThat(officer.text("main table")).contains("early warning", "Leaked VPN credentials");
        officer.submit("Mark all read");
        assertThat(officer.present("a.indicator .count")).isFalse();
    }

    /** Drafts the stage's report from the incident page, fills the blanks, submits it; returns its path. */
    private String submitReport(String stage, String filler) {
        new Select(browser.find("#stage")).selectByValue(stage);
        browser.submit("Draft report");
        assertThat(browser.text("main h1")).contains("version 1");
        for (var field : browser.all("textarea")) {
            if (field.getAttribute("value").isBlank() && filler != null) {
                field.sendKeys(filler);
            }
        }
        browser.type("#recipient", "CSIRT (national)");
        browser.clickAndWait(By.id("submit-report"));
        assertThat(browser.text("#report-status")).isEqualTo("submitted");
        String path = browser.path();
        browser.clickAndWait(By.linkText("← Back to the incident"));
        return path;
    }

    private static void setValue(String id, String value) {
        browser.driver().executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, value);
    }
}
