package eu.vigil.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import eu.vigil.identity.Role;
import eu.vigil.identity.internal.Totp;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The steps many browser tests share: activating, inviting, registering, signing in and out. */
final class Journeys {

    private final VigilServer server;

    Journeys(VigilServer server) {
        this.server = server;
    }

    Totp totp() {
        return server.bean(Totp.class);
    }

    /** Opens the first-start activation link and creates the first administrator with an authenticator. */
    Person activateFirstAdministrator(Browser browser, String username, String displayName) {
        browser.open(server.activationLink());
        assertThat(browser.text("h1")).isEqualTo("Set up Vigil: the first administrator");
        return register(browser, username, displayName, EnumSet.of(Role.ADMIN), true);
    }

    /**
     * Fills the registration form now shown (activation or invitation) and submits it; enrols the
     * authenticator when {@code enrol}. Ends on the "Account created" page, whose recovery codes the
     * returned person's authenticator keeps.
     */
    Person register(Browser browser, String username, String displayName, Set<Role> roles, boolean enrol) {
        fillRegistration(browser, username, displayName, Person.PASSWORD, Person.PASSWORD);
        Authenticator authenticator = null;
        if (enrol) {
            authenticator = new Authenticator(totp(), browser.text("#totp-secret"));
            browser.type("#totpCode", authenticator.currentCode());
        }
        browser.submit("Create account");
        assertThat(browser.text("h1")).as("after registering %s", username).isEqualTo("Account created");
        assertThat(browser.text("main strong")).isEqualTo(username);
        List<String> codes = browser.all("#recovery-codes li").stream().map(WebElement::getText).map(String::strip).toList();
        if (enrol) {
            assertThat(codes).as("recovery codes shown once").hasSize(10).doesNotHaveDuplicates()
                    .allSatisfy(code -> assertThat(code).matches("[A-Za-z0-9-]{8,}"));
            authenticator.recoveryCodes(codes);
        } else {
            assertThat(codes).isEmpty();
        }
        return new Person(username, displayName, Person.PASSWORD, roles, authenticator);
    }

    void fillRegistration(Browser browser, String username, String displayName, String password, String repeated) {
        browser.type("#username", username)
                .type("#displayName", displayName)
                .type("#password", password)
                .type("#passwordRepeated", repeated);
    }

    /** Signs in from the login page with the person's password and, when enrolled, a code; returns the path landed on. */
    String signIn(Browser browser, Person person) {
        return signIn(browser, person.username(), person.password(),
                person.hasSecondFactor() ? person.authenticator().nextSignInCode() : "");
    }

    String signIn(Browser browser, String username, String password, String code) {
        if (!browser.path().startsWith("/login")) {
            browser.open("/login");
        }
        browser.type("#username", username).type("#password", password);
        if (!code.isEmpty()) {
            browser.type("#code", code);
        }
        browser.submit("Sign in");
        return browser.path();
    }

    /** Signs out through the user menu. */
    void signOut(Browser browser) {
        browser.find("details.usermenu > summary").click();
        browser.clickAndWait(By.xpath("//details[contains(@class,'usermenu')]//button[normalize-space()='Sign out']"));
        assertThat(browser.path()).isEqualTo("/login?logout");
        assertThat(browser.text(".alert.ok")).isEqualTo("You have signed out.");
    }

    /** As an administrator on the Users page: creates an invitation link for the roles and returns it. */
    String invite(Browser admin, Role... roles) {
        admin.open("/admin/users");
        for (Role role : roles) {
            admin.check("input[name=roles][value=" + role.name() + "]");
        }
        admin.submit("Create invitation link");
        assertThat(admin.text("h1")).isEqualTo("Invitation link");
        String link = admin.text("#secret-value");
        assertThat(link).startsWith(server.baseUrl() + "/invite?token=");
        return link;
    }

    /** In a browser with no session: opens the invitation and registers; enrols an authenticator when the role needs it. */
    Person acceptInvitation(Browser browser, String link, String username, String displayName, Role... roles) {
        browser.newSession().open(link);
        assertThat(browser.text("h1")).isEqualTo("Accept your invitation");
        Set<Role> set = EnumSet.noneOf(Role.class);
        set.addAll(List.of(roles));
        boolean mfaRequired = set.stream().anyMatch(Role::mfaRequired);
        assertThat(browser.text("fieldset legend")).isEqualTo(mfaRequired
                ? "Authenticator app (required for this role)" : "Authenticator app (recommended)");
        return register(browser, username, displayName, set, mfaRequired);
    }

    /** As an administrator: opens the user's page from the user list and returns its path. */
    String openUser(Browser admin, String username) {
        admin.open("/admin/users");
        admin.clickAndWait(By.linkText(username));
        assertThat(admin.path()).matches("/admin/users/\\d+");
        assertThat(admin.text("h1")).endsWith("(" + username + ")");
        return admin.path();
    }
}
