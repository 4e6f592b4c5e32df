package eu.vigil.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import eu.vigil.identity.internal.UserAccounts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The first start in a real browser: the one-time activation link refuses bad input and unknown
 * tokens, creates the first administrator with an authenticator and recovery codes, works once,
 * and the administrator signs in with a TOTP code (a code works once; a recovery code is the way
 * in within the same 30 s) and lands on the overview with the Administration menu.
 * The methods run in order: the link is spent by the third.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ActivationIT {

    @RegisterExtension
    static final BrowserHarness vigil = new BrowserHarness();

    static Browser browser;
    static Journeys journeys;
    static Person admin;

    @BeforeAll
    static void browser() {
        browser = vigil.newBrowser("main");
        journeys = vigil.journeys();
    }

    @Test
    @Order(1)
    void loginAndActivationPagesRaiseNoContentSecurityPolicyViolation() {
        browser.consoleErrors();
        browser.open("/login");
        assertThat(browser.text("h1")).isEqualTo("Sign in to Vigil");
        browser.open(vigil.server().activationLink());
        assertThat(browser.find("img.qr").getAttribute("naturalWidth")).as("QR code image loaded").isNotEqualTo("0");
        assertThat(browser.consoleErrors()).as("console errors on the login and activation pages").isEmpty();

        // The check itself works: inline script is refused, and the refusal reaches the console.
        browser.driver().executeScript("const s = document.createElement('script');"
                + " s.textContent = 'window.inlineRan = true;'; document.head.appendChild(s);");
        List<String> seen = new ArrayList<>();
        browser.waiting().until(d -> {
            seen.addAll(browser.consoleErrors());
            return seen.stream().anyMatch(Browser::isCspViolation);
        });
        assertThat(browser.driver().executeScript("return window.inlineRan === true;")).isEqualTo(false);
        browser.consoleErrors(); // the provoked violation is no finding
    }

    @Test
    @Order(2)
    void badInputOnTheActivationFormShowsFieldErrorsAndCreatesNothing() {
        browser.newSession().open(vigil.server().activationLink());
        vigil.screenshot(browser, "activation");
        browser.screenshot(BrowserHarness.SCREENSHOTS, "activation-narrow", 390);
        assertThat(browser.overflowAt(390)).as("sideways scrolling of the activation page on a phone").isZero();

        // too short
        journeys.fillRegistration(browser, "ada", "Ada Lovelace", "short-pw", "short-pw");
        browser.type("#totpCode", "123456");
        browser.submit("Create account");
        assertThat(browser.text("h1")).isEqualTo("Set up Vigil: the first administrator");
        assertThat(browser.text(".alert.error")).isEqualTo("Please correct the fields marked below.");
        assertThat(browser.text("#password-error")).contains("at least 12 characters");
        assertThat(browser.find("#password").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("#username").getAttribute("value")).as("entered values stay").isEqualTo("ada");
        vigil.screenshot(browser, "activation-errors");

        // common password, and a wrong authenticator code
        String secret = browser.text("#totp-secret");
        journeys.fillRegistration(browser, "ada", "Ada Lovelace", "password123456", "password123456");
        browser.type("#totpCode", wrongCode(secret));
        browser.submit("Create account");
        assertThat(browser.text("#password-error")).containsAnyOf("common or leaked", "too easy to guess");
        assertThat(fieldErrorAfter("totpCode")).contains("does not match");
        assertThat(browser.text("#totp-secret")).as("the same secret is offered again").isEqualTo(secret);

        // good password, repeated wrongly
        journeys.fillRegistration(browser, "ada", "Ada Lovelace", Person.PASSWORD, Person.PASSWORD + "x");
        browser.submit("Create account");
        assertThat(fieldErrorAfter("passwordRepeated")).isEqualTo("The two passwords differ.");

        // the authenticator is required for the administrator: no code, no account
        journeys.fillRegistration(browser, "ada", "Ada Lovelace", Person.PASSWORD, Person.PASSWORD);
        browser.find("#totpCode").clear();
        browser.submit("Create account");
        assertThat(browser.text("legend")).isEqualTo("Authenticator app (required for this role)");
        assertThat(fieldErrorAfter("totpCode")).contains("code");

        assertThat(vigil.server().bean(UserAccounts.class).count()).as("no account was made").isZero();
    }

    @Test
    @Order(3)
    void unknownTokensAreRefused() {
        browser.newSession().open("/activate?token=not-a-real-token");
        assertThat(browser.title()).isEqualTo("Link not usable · Vigil");
        assertThat(browser.text("h1")).isEqualTo("This link cannot be used");
        assertThat(browser.text("main p")).isEqualTo("This link is not valid. Ask an administrator for a new one.");

        browser.open("/invite");
        assertThat(browser.text("h1")).isEqualTo("This link cannot be used");
    }

    @Test
    @Order(4)
    void firstAdministratorActivatesSignsInAndSeesTheAdministration() {
        browser.newSession();
        admin = journeys.activateFirstAdministrator(browser, "ada", "Ada Lovelace");
        assertThat(browser.text(".alert.warn")).contains("recovery codes");
        vigil.screenshot(browser, "activation-recovery-codes");

        browser.clickAndWait(By.linkText("Continue to sign in"));
        assertThat(browser.path()).isEqualTo("/login?registered");
        assertThat(browser.text(".alert.ok")).isEqualTo("Your account is ready. Sign in with your new password.");

        // the code is required
        journeys.signIn(browser, "ada", Person.PASSWORD, "");
        assertThat(browser.path()).isEqualTo("/login?error");
        assertThat(browser.text(".alert.error")).isEqualTo("Enter the 6-digit code from your authenticator app, or a recovery code.");

        String code = admin.authenticator().freshCode();
        assertThat(journeys.signIn(browser, "ada", Person.PASSWORD, code)).isEqualTo("/");
        assertOverviewOfAdministrator();

        browser.clickAndWait(By.linkText("Users"));
        assertThat(browser.path()).isEqualTo("/admin/users");
        assertThat(browser.text("h1")).isEqualTo("Users");
        assertThat(browser.text("table tbody")).contains("ada").contains("Ada Lovelace").contains("ADMIN");
        assertThat(browser.find("nav.sidebar a.active").getText()).isEqualTo("Users");

        journeys.signOut(browser);

        // the same code again is a replay
        journeys.signIn(browser, "ada", Person.PASSWORD, code);
        assertThat(browser.path()).isEqualTo("/login?error");
        assertThat(browser.text(".alert.error")).isEqualTo("Wrong user name, password or code.");

        // a recovery code works once, within the same 30 s
        assertThat(journeys.signIn(browser, "ada", Person.PASSWORD, admin.authenticator().useRecoveryCode())).isEqualTo("/");
        assertOverviewOfAdministrator();
        browser.open("/account");
        assertThat(browser.text("main")).contains("9 recovery codes left");
    }

    @Test
    @Order(5)
    void theActivationLinkWorksOnce() {
        browser.newSession().open(vigil.server().activationLink());
        assertThat(browser.text("h1")).isEqualTo("This link cannot be used");
        assertThat(browser.text("main p")).isEqualTo("This link has already been used. Ask an administrator for a new one.");
        assertThat(vigil.server().bean(UserAccounts.class).count()).isEqualTo(1);
    }

    private static void assertOverviewOfAdministrator() {
        assertThat(browser.title()).isEqualTo("Overview · Vigil");
        assertThat(browser.text("main h1")).isEqualTo("Overview");
        assertThat(browser.text("main p.muted")).isEqualTo("Signed in as Ada Lovelace (Administrator).");
        assertThat(browser.text("details.usermenu summary")).contains("Ada Lovelace");
        List<String> sections = browser.all("nav.sidebar h2").stream()
                .map(h -> h.getDomProperty("textContent").strip()).toList(); // shown in capitals by CSS
        assertThat(sections).contains("Administration");
        assertThat(browser.find("nav.sidebar").findElements(By.linkText("Users"))).hasSize(1);
        assertThat(browser.find("nav.sidebar a[href='/admin/users']").getText()).isEqualTo("Users");
    }

    private static String fieldErrorAfter(String fieldId) {
        return browser.find("#" + fieldId + " + .field-error").getText().strip();
    }

    /** A six-digit code that matches none of the steps the server accepts now. */
    private static String wrongCode(String secret) {
        java.time.Instant now = java.time.Instant.now();
        List<String> valid = List.of(journeys.totp().codeAt(secret, now.minusSeconds(30)),
                journeys.totp().codeAt(secret, now), journeys.totp().codeAt(secret, now.plusSeconds(30)),
                journeys.totp().codeAt(secret, now.plusSeconds(60)));
        return java.util.stream.Stream.of("000000", "111111", "222222", "333333", "444444")
                .filter(code -> !valid.contains(code)).findFirst().orElseThrow();
    }
}
