package eu.vigil.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;

import eu.vigil.identity.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Who may do what, in a real browser: an administrator invites one user per role; each accepts the
 * invitation in a browser of their own (enrolling an authenticator where the role requires it),
 * signs in, sees the overview with their role, and only administrators reach the user list. A
 * PSIRT user whose second factor an administrator reset must enrol again before anything else.
 * Five wrong passwords lock an account until an administrator unlocks it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccessControlIT {

    @RegisterExtension
    static final BrowserHarness vigil = new BrowserHarness();

    static Browser adminBrowser;
    static Browser userBrowser;
    static Journeys journeys;
    static final Http http = new Http();

    @BeforeAll
    static void administratorSignedIn() {
        adminBrowser = vigil.newBrowser("admin");
        userBrowser = vigil.newBrowser("user");
        journeys = vigil.journeys();
        Person admin = journeys.activateFirstAdministrator(adminBrowser, "grace", "Grace Hopper");
        adminBrowser.clickAndWait(By.linkText("Continue to sign in"));
        assertThat(journeys.signIn(adminBrowser, admin)).isEqualTo("/");
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    @Order(1)
    void eachRoleSeesItsOverviewAndOnlyAdministratorsTheUserList(Role role) {
        String username = role.name().toLowerCase(Locale.ROOT) + "-user";
        String displayName = role.title() + " Tester";
        String link = journeys.invite(adminBrowser, role);

        Person person = journeys.acceptInvitation(userBrowser, link, username, displayName, role);
        assertThat(person.hasSecondFactor()).isEqualTo(role.mfaRequired());
        userBrowser.clickAndWait(By.linkText("Continue to sign in"));
        assertThat(journeys.signIn(userBrowser, person)).isEqualTo("/");
        assertThat(userBrowser.title()).isEqualTo("Overview · Vigil");
        assertThat(userBrowser.text("main p.muted")).isEqualTo("Signed in as " + displayName + " (" + role.title() + ").");
        assertThat(userBrowser.text("main")).contains(role.mfaRequired() ? "Two-factor sign-in on" : "Two-factor sign-in off");
        assertThat(userBrowser.present("nav.sidebar a[href='/admin/users']")).as("Users in the menu").isEqualTo(role == Role.ADMIN);

        userBrowser.open("/account");
        assertThat(userBrowser.all(".badge.info").stream().map(WebElement::getText).toList()).containsExactly(role.title());

        userBrowser.open("/admin/users");
        HttpResponse<String> direct = http.get(vigil.server().url("/admin/users"), "Cookie", userBrowser.cookieHeader());
        if (role == Role.ADMIN) {
            assertThat(userBrowser.text("main h1")).isEqualTo("Users");
            assertThat(userBrowser.text("table tbody")).contains("grace").contains(username);
            assertThat(direct.statusCode()).isEqualTo(200);
        } else {
            assertThat(userBrowser.title()).isEqualTo("Error · Vigil");
            assertThat(userBrowser.text(".error-code")).isEqualTo("403");
            assertThat(userBrowser.text("main h1")).isEqualTo("Forbidden");
            assertThat(userBrowser.text("main")).contains("You are not allowed to do this.");
            assertThat(userBrowser.text("main")).doesNotContain("grace");
            assertThat(direct.statusCode()).isEqualTo(403);
        }

        // the administrator's list shows the new account with its role and second factor
        adminBrowser.open("/admin/users");
        List<String> cells = userCells(username);
        assertThat(cells.subList(0, 4)).containsExactly(username + "\n" + displayName, role.name(),
                role.mfaRequired() ? "on" : "off", "active");
        assertThat(cells.get(4)).as("last sign-in").endsWith(" UTC");
        journeys.signOut(userBrowser);
    }

    @Test
    @Order(2)
    void aPsirtUserWhoseSecondFactorWasResetMustEnrolAgainAfterSignIn() {
        String link = journeys.invite(adminBrowser, Role.SECURITY);
        Person pat = journeys.acceptInvitation(userBrowser, link, "pat", "Pat Sirt", Role.SECURITY);

        journeys.openUser(adminBrowser, "pat");
        adminBrowser.clickConfirmAndWait(By.xpath("//button[normalize-space()='Reset two-factor sign-in']"),
                "Reset two-factor sign-in?");
        assertThat(adminBrowser.text(".alert.ok")).startsWith("Two-factor sign-in was reset");
        adminBrowser.open("/admin/users");
        assertThat(userCells("pat").get(2)).isEqualTo("required, not set");

        // password alone signs in, but only to the enrolment page
        userBrowser.newSession();
        assertThat(journeys.signIn(userBrowser, "pat", pat.password(), "")).isEqualTo("/account/mfa");
        assertThat(userBrowser.text("main h1")).isEqualTo("Set up an authenticator");
        assertThat(userBrowser.text(".alert.warn")).isEqualTo("Your role requires two-factor sign-in. Set it up to continue.");
        assertThat(userBrowser.find("img.qr").getDomProperty("naturalWidth")).as("QR code loaded").isNotEqualTo("0");
        for (String elsewhere : List.of("/", "/account", "/admin/users")) {
            userBrowser.open(elsewhere);
            assertThat(userBrowser.path()).as("from %s", elsewhere).isEqualTo("/account/mfa");
        }

        String secret = userBrowser.text("#totp-secret");
        userBrowser.type("#totpCode", "000000".equals(journeys.totp().codeAt(secret, java.time.Instant.now())) ? "111111" : "000000");
        userBrowser.submit("Turn on two-factor sign-in");
        assertThat(userBrowser.text(".alert.error")).contains("does not match");
        assertThat(userBrowser.text("#totp-secret")).as("same secret offered again").isEqualTo(secret);

        Authenticator authenticator = new Authenticator(journeys.totp(), secret);
        userBrowser.type("#totpCode", authenticator.currentCode());
        userBrowser.submit("Turn on two-factor sign-in");
        assertThat(userBrowser.text("main h1")).isEqualTo("Your recovery codes");
        List<String> codes = userBrowser.all("#secret-list li").stream().map(WebElement::getText).toList();
        assertThat(codes).hasSize(10).doesNotHaveDuplicates();
        authenticator.recoveryCodes(codes);

        userBrowser.clickAndWait(By.linkText("Done"));
        assertThat(userBrowser.path()).isEqualTo("/");
        assertThat(userBrowser.text("main p.muted")).isEqualTo("Signed in as Pat Sirt (Security / PSIRT).");
        assertThat(userBrowser.text("main")).contains("Two-factor sign-in on");

        // the next sign-in asks for the new authenticator
        journeys.signOut(userBrowser);
        assertThat(journeys.signIn(userBrowser, "pat", pat.password(), "")).isEqualTo("/login?error");
        assertThat(journeys.signIn(userBrowser, pat.withAuthenticator(authenticator))).isEqualTo("/");
        journeys.signOut(userBrowser);
    }

    @Test
    @Order(3)
    void fiveWrongPasswordsLockTheAccountUntilAnAdministratorUnlocksIt() {
        String link = journeys.invite(adminBrowser, Role.COMPLIANCE);
        Person lena = journeys.acceptInvitation(userBrowser, link, "lena", "Lena Locke", Role.COMPLIANCE);
        userBrowser.newSession();

        for (int attempt = 1; attempt <= 4; attempt++) {
            assertThat(journeys.signIn(userBrowser, "lena", "not-the-password-" + attempt, "")).isEqualTo("/login?error");
            assertThat(userBrowser.text(".alert.error")).as("attempt %d", attempt).isEqualTo("Wrong user name, password or code.");
        }
        // the fifth failure locks the account and says so at once
        assertThat(journeys.signIn(userBrowser, "lena", "not-the-password-5", "")).isEqualTo("/login?error");
        assertThat(userBrowser.text(".alert.error")).startsWith("Too many failed logins: this account is locked until");
        // locked now: even the right password is refused, with the reason
        assertThat(journeys.signIn(userBrowser, lena)).isEqualTo("/login?error");
        assertThat(userBrowser.text(".alert.error"))
                .startsWith("This account is locked after repeated failed logins until")
                .endsWith("or until an administrator unlocks it.");

        adminBrowser.open("/admin/users");
        assertThat(userCells("lena").get(3)).isEqualTo("locked");
        journeys.openUser(adminBrowser, "lena");
        assertThat(adminBrowser.text("main")).contains("locked until").contains("failed sign-ins in a row: 5");
        adminBrowser.submit("Unlock");
        assertThat(adminBrowser.text(".alert.ok")).isEqualTo("The account is unlocked.");
        assertThat(adminBrowser.text("main")).doesNotContain("locked until").contains("failed sign-ins in a row: 0");

        assertThat(journeys.signIn(userBrowser, lena)).isEqualTo("/");
        assertThat(userBrowser.text("main p.muted")).isEqualTo("Signed in as Lena Locke (Compliance).");
        journeys.signOut(userBrowser);
    }

    @Test
    @Order(4)
    void theUserListShowsEveryone() {
        adminBrowser.open("/admin/users");
        List<String> names = adminBrowser.all("table tbody tr td:first-child a").stream().map(WebElement::getText).toList();
        assertThat(names).contains("grace", "admin-user", "management-user", "compliance-user", "security-user",
                "auditor-user", "supplier-user", "pat", "lena");
        vigil.screenshot(adminBrowser, "users");
        adminBrowser.screenshot(BrowserHarness.SCREENSHOTS, "users-narrow", 390);
        assertThat(adminBrowser.overflowAt(390)).as("sideways scrolling of the user list on a phone").isZero();
        journeys.openUser(adminBrowser, "lena");
        vigil.screenshot(adminBrowser, "user");
    }

    /** The cells of the user list's row for the user name (the list must be shown). */
    private static List<String> userCells(String username) {
        return adminBrowser.find("table tbody")
                .findElements(By.xpath(".//tr[td[1]/a[normalize-space()='" + username + "']]/td")).stream()
                .map(WebElement::getText).map(String::strip).toList();
    }
}
