package eu.vigil.browser;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/**
 * Where Debian's Chromium and chromedriver are ({@code /usr/bin/chromium}, {@code /usr/bin/chromedriver};
 * {@code VIGIL_CHROMIUM} and {@code VIGIL_CHROMEDRIVER} override). When either is missing the browser
 * tests are skipped with a message, unless {@code VIGIL_REQUIRE_BROWSER=true} (as in CI): then they fail.
 */
record BrowserBinaries(Path chromium, Path chromedriver) {

    static final String INSTALL_HINT = "apt-get install -y chromium chromium-driver";

    static BrowserBinaries require() {
        Path chromium = Path.of(env("VIGIL_CHROMIUM", "/usr/bin/chromium"));
        Path chromedriver = Path.of(env("VIGIL_CHROMEDRIVER", "/usr/bin/chromedriver"));
        StringBuilder missing = new StringBuilder();
        if (!Files.isExecutable(chromium)) {
            missing.append(" Chromium (").append(chromium).append(")");
        }
        if (!Files.isExecutable(chromedriver)) {
            missing.append(missing.isEmpty() ? "" : " and").append(" chromedriver (").append(chromedriver).append(")");
        }
        if (!missing.isEmpty()) {
            String message = "No" + missing + ". Install them with `" + INSTALL_HINT
                    + "`, or point VIGIL_CHROMIUM / VIGIL_CHROMEDRIVER at them.";
            if (Boolean.parseBoolean(System.getenv("VIGIL_REQUIRE_BROWSER"))) {
                throw new IllegalStateException(message + " VIGIL_REQUIRE_BROWSER=true, so the browser tests fail.");
            }
            // Surefire counts a skipped class as "Tests run: 0", so say it where people look.
            System.err.println("browser tests SKIPPED: " + message);
            Assumptions.abort("Browser tests skipped: " + message);
        }
        return new BrowserBinaries(chromium, chromedriver);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
