package eu.vigil.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * JUnit 5 extension for browser tests: one real Vigil server per test class (HTTPS on a free port,
 * fresh data folder, H2) and as many headless Chromium browsers as the class asks for, each with
 * its own fresh profile. Skips the class when Chromium or chromedriver is missing (fails instead
 * with {@code VIGIL_REQUIRE_BROWSER=true}). On a failure every open browser's page is saved as a
 * screenshot and HTML to {@code target/browser-screenshots/failures/}. After every test no browser
 * may have seen a Content-Security-Policy violation.
 * <pre>{@code
 * @RegisterExtension
 * static final BrowserHarness vigil = new BrowserHarness();
 * }</pre>
 */
final class BrowserHarness implements BeforeAllCallback, AfterAllCallback, AfterEachCallback,
        TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {

    static final Path OUTPUT = Path.of(System.getProperty("basedir", ".")).resolve("target");
    static final Path SCREENSHOTS = OUTPUT.resolve("browser-screenshots");

    private BrowserBinaries binaries;
    private VigilServer server;
    private final List<Browser> browsers = new ArrayList<>();
    private String testClass = "browser";

    @Override
    public void beforeAll(ExtensionContext context) {
        testClass = context.getRequiredTestClass().getSimpleName();
        binaries = BrowserBinaries.require();
        server = VigilServer.start();
    }

    VigilServer server() {
        return server;
    }

    Journeys journeys() {
        return new Journeys(server);
    }

    /** A new browser with its own profile (its own cookies), closed after the class. */
    Browser newBrowser(String name) {
        long started = System.nanoTime();
        Browser browser = new Browser(testClass + "-" + name, server.baseUrl(), binaries, OUTPUT.resolve("browser-logs"));
        browsers.add(browser);
        System.out.printf("browser tests: Chromium '%s' started in %.1f s%n", name, (System.nanoTime() - started) / 1e9);
        return browser;
    }

    /** Saves a full-page screenshot for people to look at: {@code target/browser-screenshots/NAME.png}. */
    Path screenshot(Browser browser, String name) {
        return browser.screenshot(SCREENSHOTS, name);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (context.getExecutionException().isPresent()) {
            return; // the failure says more than a console complaint would
        }
        List<String> violations = new ArrayList<>();
        for (Browser browser : browsers) {
            browser.consoleErrors().stream().filter(Browser::isCspViolation)
                    .map(message -> browser.name() + " " + message)
                    .forEach(violations::add);
        }
        if (!violations.isEmpty()) {
            throw new AssertionError("Content-Security-Policy violations on the console:\n  "
                    + String.join("\n  ", violations));
        }
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        saveFailure(context);
        throw throwable;
    }

    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        saveFailure(context);
        throw throwable;
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        saveFailure(context);
        throw throwable;
    }

    private void saveFailure(ExtensionContext context) {
        String test = testClass + context.getTestMethod().map(m -> "-" + m.getName()).orElse("")
                + (context.getDisplayName().startsWith("[") ? "-" + context.getDisplayName().replaceAll("[^A-Za-z0-9]+", "_") : "");
        Path folder = SCREENSHOTS.resolve("failures");
        for (Browser browser : browsers) {
            try {
                String file = test + "-" + browser.name().substring(testClass.length() + 1);
                Path shot = browser.screenshot(folder, file);
                Files.writeString(folder.resolve(file + ".html"), "<!-- " + browser.path() + " -->\n" + browser.pageSource(),
                        StandardCharsets.UTF_8);
                System.err.println("browser tests: failure screenshot " + shot + " (page " + browser.path() + ")");
                List<String> console = browser.consoleErrors();
                if (!console.isEmpty()) {
                    System.err.println("browser tests: console errors of " + browser.name() + ":\n  "
                            + console.stream().collect(Collectors.joining("\n  ")));
                }
            } catch (IOException | RuntimeException e) {
                System.err.println("browser tests: no failure screenshot from " + browser.name() + ": " + e);
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            for (Browser browser : browsers) {
                try {
                    browser.close();
                } catch (RuntimeException e) {
                    System.err.println("browser tests: closing " + browser.name() + ": " + e);
                }
            }
            browsers.clear();
        } finally {
            if (server != null) {
                server.close();
                server = null;
            }
        }
    }
}
