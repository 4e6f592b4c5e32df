package eu.vigil.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * The signed-in shell and the account page: strict security headers on pages and API, no
 * Content-Security-Policy violation on the overview and account pages, and an API token made on
 * the account page that works against {@code /api/v1} until it is revoked there.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccountIT {

    @RegisterExtension
    static final BrowserHarness vigil = new BrowserHarness();

    static Browser browser;
    static final Http http = new Http();

    @BeforeAll
    static void administratorSignedIn() {
        browser = vigil.newBrowser("main");
        Journeys journeys = vigil.journeys();
        Person admin = journeys.activateFirstAdministrator(browser, "ada", "Ada Lovelace");
        browser.clickAndWait(By.linkText("Continue to sign in"));
        assertThat(journeys.signIn(browser, admin)).isEqualTo("/");
    }

    @Test
    @Order(1)
    void pagesAndApiCarryStrictSecurityHeaders() {
        String session = browser.cookieHeader();
        record Check(String path, String cookie, int status) {
        }
        for (Check check : List.of(new Check("/login", "", 200), new Check("/activate?token=unknown", "", 404),
                new Check("/", session, 200), new Check("/account", session, 200), new Check("/admin/users", session, 200),
                new Check("/api/v1/me", "", 401))) {
            HttpResponse<String> response = check.cookie().isEmpty()
                    ? http.get(vigil.server().url(check.path()))
                    : http.get(vigil.server().url(check.path()), "Cookie", check.cookie());
            var headers = response.headers();
            String where = check.path();
            assertThat(response.statusCode()).as(where).isEqualTo(check.status());
            assertThat(headers.firstValue("Strict-Transport-Security")).as(where).hasValueSatisfying(hsts ->
                    assertThat(hsts).contains("max-age=31536000").contains("includeSubDomains"));
            assertThat(headers.firstValue("Content-Security-Policy")).as(where).hasValueSatisfying(csp ->
                    assertThat(csp).contains("frame-ancestors 'none'").contains("default-src 'self'")
                            .contains("script-src 'self'").contains("object-src 'none'")
                            .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval"));
            assertThat(headers.firstValue("X-Content-Type-Options")).as(where).contains("nosniff");
            assertThat(headers.firstValue("Referrer-Policy")).as(where).contains("no-referrer");
            assertThat(headers.firstValue("X-Frame-Options")).as(where).contains("DENY");
            if (!check.cookie().isEmpty()) {
                assertThat(headers.firstValue("Cache-Control")).as(where).hasValueSatisfying(cache ->
                        assertThat(cache).contains("no-store"));
            }
        }
        assertThat(browser.cookie("VIGIL_SESSION")).as("the session cookie").isPresent();
        assertThat(browser.driver().manage().getCookieNamed("VIGIL_SESSION").isSecure()).isTrue();
        assertThat(browser.driver().manage().getCookieNamed("VIGIL_SESSION").isHttpOnly()).isTrue();
    }

    @Test
    @Order(2)
    void overviewAndAccountPagesLoadCleanly() {
        browser.consoleErrors();
        browser.open("/");
        assertThat(browser.text("main h1")).isEqualTo("Overview");
        assertThat(browser.find("nav.sidebar a.active").getText()).isEqualTo("Overview");
        vigil.screenshot(browser, "overview");
        browser.screenshot(BrowserHarness.SCREENSHOTS, "overview-narrow", 390);
        assertThat(browser.overflowAt(390)).as("sideways scrolling of the overview on a phone").isZero();

        browser.open("/account");
        assertThat(browser.text("main h1")).isEqualTo("Account and security");
        assertThat(browser.text("main")).containsPattern("(9|10) recovery codes left").contains("You have 1 active session (this one).");
        vigil.screenshot(browser, "account");
        browser.screenshot(BrowserHarness.SCREENSHOTS, "account-narrow", 390);
        assertThat(browser.overflowAt(390)).as("sideways scrolling of the account page on a phone").isZero();

        assertThat(browser.consoleErrors()).as("console errors on the overview and account pages").isEmpty();
    }

    @Test
    @Order(3)
    void anApiTokenWorksUntilItIsRevoked() {
        String me = vigil.server().url("/api/v1/me");
        browser.open("/account");
        browser.type("#tokenName", "ci-pipeline");
        assertThat(browser.find("input[name=roles][value=ADMIN]").isSelected()).as("the user's role is offered").isTrue();
        browser.submit("Create token");
        assertThat(browser.text("main h1")).isEqualTo("Your new API token");
        assertThat(browser.text(".alert.warn")).isEqualTo("Copy the token now: it is not shown again.");
        String token = browser.text("#secret-value");
        assertThat(token).startsWith("vgl_").hasSizeGreaterThan(30);
        vigil.screenshot(browser, "api-token-shown-once");

        HttpResponse<String> ok = http.get(me, "Authorization", "Bearer " + token, "Accept", "application/json");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(ok.body()).contains("\"username\":\"ada\"").contains("\"displayName\":\"Ada Lovelace\"").contains("ADMIN");
        assertThat(http.get(vigil.server().url("/api/v1/admin/users"), "Authorization", "Bearer " + token).body())
                .as("an ADMIN token reads the user list").contains("\"username\":\"ada\"");

        browser.clickAndWait(By.linkText("Done"));
        assertThat(browser.path()).isEqualTo("/account");
        assertThat(browser.driver().getPageSource()).as("the token is shown once only").doesNotContain(token);
        String row = tokenRow("ci-pipeline");
        assertThat(row).contains(token.substring(0, 8)).contains("ADMIN").contains("active");

        browser.clickConfirmAndWait(By.xpath("//tr[td[1][normalize-space()='ci-pipeline']]//button[normalize-space()='Revoke']"),
                "Revoke this token?");
        assertThat(browser.text(".alert.ok")).isEqualTo("The token was revoked.");
        assertThat(tokenRow("ci-pipeline")).contains("revoked").doesNotContain("active");
        assertThat(browser.present("tr button.danger")).as("no revoke button left").isFalse();

        HttpResponse<String> refused = http.get(me, "Authorization", "Bearer " + token);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.body()).contains("\"status\":401");
    }

    private static String tokenRow(String name) {
        return browser.find("table").findElement(By.xpath(".//tr[td[1][normalize-space()='" + name + "']]")).getText();
    }
}
