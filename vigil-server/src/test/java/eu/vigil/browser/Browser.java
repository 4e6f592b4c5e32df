package eu.vigil.browser;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium (Debian's, driven by Debian's chromedriver) with its own fresh profile, and
 * the few moves the journeys need. Every page it loads is checked for Content-Security-Policy
 * violations reported on the console; {@link #consoleErrors()} collects them.
 */
final class Browser implements AutoCloseable {

    /** Generous: the CI machines have two cores and run several builds at once. */
    static final Duration WAIT = Duration.ofSeconds(40);
    static final int WIDTH = 1280;
    static final int HEIGHT = 900;

    private final String name;
    private final String baseUrl;
    private final Path profile;
    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final WebDriverWait wait;
    /** Console messages of level SEVERE seen so far, each with the page it was seen on. */
    private final List<String> severe = new ArrayList<>();

    Browser(String name, String baseUrl, BrowserBinaries binaries, Path logFolder) {
        this.name = name;
        this.baseUrl = baseUrl;
        this.profile = TempFolders.create("vigil-chromium-");
        ChromeDriverService.Builder builder = new ChromeDriverService.Builder()
                .usingDriverExecutable(binaries.chromedriver().toFile())
                .usingAnyFreePort();
        try {
            Files.createDirectories(logFolder);
            builder.withLogFile(logFolder.resolve("chromedriver-" + name + ".log").toFile());
        } catch (IOException e) {
            builder.withLogOutput(OutputStream.nullOutputStream());
        }
        this.service = builder.build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binaries.chromium().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--ignore-certificate-errors",
                "--window-size=" + WIDTH + "," + HEIGHT, "--user-data-dir=" + profile);
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        ChromeDriver started;
        try {
            started = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            service.stop();
            TempFolders.delete(profile);
            throw e;
        }
        this.driver = started;
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(90));
        this.wait = new WebDriverWait(driver, WAIT);
    }

    String name() {
        return name;
    }

    ChromeDriver driver() {
        return driver;
    }

    WebDriverWait waiting() {
        return wait;
    }

    // ---- navigation -------------------------------------------------------------------------

    /** Opens a path of the server (or a full URL) and waits for the page to load. */
    Browser open(String pathOrUrl) {
        collectConsole();
        driver.get(pathOrUrl.startsWith("https://") ? pathOrUrl : baseUrl + pathOrUrl);
        waitForLoad();
        collectConsole();
        return this;
    }

    /** The path (and query) of the page shown now. */
    String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(baseUrl) ? url.substring(baseUrl.length()) : url;
    }

    /** Forgets every cookie of the server: the next page is seen as by a new visitor. */
    Browser newSession() {
        open("/login");
        driver.manage().deleteAllCookies();
        // reloaded, so that no form on screen carries the old session's CSRF token
        return open("/login");
    }

    Optional<String> cookie(String cookieName) {
        return Optional.ofNullable(driver.manage().getCookieNamed(cookieName)).map(Cookie::getValue);
    }

    /** This browser's cookies for the server as a {@code Cookie} header, to make requests in its session. */
    String cookieHeader() {
        return driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
    }

    // ---- forms ---------------------------------------------------------------------------

    Browser type(String cssSelector, String text) {
        WebElement field = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(cssSelector)));
        field.clear();
        field.sendKeys(text);
        return this;
    }

    Browser check(String cssSelector) {
        WebElement box = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(cssSelector)));
        if (!box.isSelected()) {
            box.click();
        }
        return this;
    }

    /**
     * The old page's element has left the document. ChromeDriver reports this as a stale element,
     * or, while the next page is being built, as "Node ... does not belong to the document".
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** Clicks something that loads a new page (a submit button, a link) and waits for that page. */
    Browser clickAndWait(By target) {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(target));
        WebElement page = driver.findElement(By.tagName("html"));
        collectConsole();
        element.click();
        wait.until(driver -> isGone(page));
        waitForLoad();
        collectConsole();
        return this;
    }

    /** Clicks a button whose form asks {@code window.confirm} first, accepts, and waits for the next page. */
    Browser clickConfirmAndWait(By target, String expectedQuestionPart) {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(target));
        WebElement page = driver.findElement(By.tagName("html"));
        collectConsole();
        element.click();
        var alert = wait.until(ExpectedConditions.alertIsPresent());
        String question = alert.getText();
        if (!question.contains(expectedQuestionPart)) {
            alert.dismiss();
            throw new AssertionError("unexpected confirmation: " + question);
        }
        alert.accept();
        wait.until(driver -> isGone(page));
        waitForLoad();
        collectConsole();
        return this;
    }

    Browser submit(String buttonText) {
        return clickAndWait(By.xpath("//button[normalize-space()='" + buttonText + "']"));
    }

    // ---- reading ---------------------------------------------------------------------------

    WebElement find(String cssSelector) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(cssSelector)));
    }

    List<WebElement> all(String cssSelector) {
        return driver.findElements(By.cssSelector(cssSelector));
    }

    boolean present(String cssSelector) {
        return !driver.findElements(By.cssSelector(cssSelector)).isEmpty();
    }

    String text(String cssSelector) {
        return find(cssSelector).getText().strip();
    }

    String title() {
        return driver.getTitle();
    }

    // ---- console and screenshots -------------------------------------------------------------

    /** Console messages of level SEVERE (errors, CSP violations) seen so far; the list empties. */
    List<String> consoleErrors() {
        collectConsole();
        List<String> seen = List.copyOf(severe);
        severe.clear();
        return seen;
    }

    static boolean isCspViolation(String message) {
        return message.contains("Content Security Policy") || message.contains("Content-Security-Policy");
    }

    private void collectConsole() {
        String page;
        try {
            page = path();
        } catch (RuntimeException e) {
            page = "?";
        }
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                severe.add(page + ": " + entry.getMessage());
            }
        }
    }

    /**
     * Saves a PNG of the whole page (the window is stretched to the page's height for the shot) to
     * {@code folder/fileName.png}, and returns its path.
     */
    Path screenshot(Path folder, String fileName) {
        return screenshot(folder, fileName, WIDTH);
    }

    Path screenshot(Path folder, String fileName, int width) {
        try {
            if (width != WIDTH) {
                driver.manage().window().setSize(new Dimension(width, HEIGHT));
            }
            // DevTools captures the whole page beyond the window, at the window's width: the page is
            // laid out for the shot without a scroll bar, so the clip is the full inner width.
            Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
            @SuppressWarnings("unchecked")
            Map<String, Object> content = (Map<String, Object>) metrics.get("cssContentSize");
            double pageWidth = ((Number) driver.executeScript("return window.innerWidth;")).doubleValue();
            double pageHeight = Math.min(Math.max(((Number) content.get("height")).doubleValue(),
                    ((Number) driver.executeScript("return window.innerHeight;")).doubleValue()), 10_000);
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
                    "format", "png", "captureBeyondViewport", true,
                    "clip", Map.of("x", 0, "y", 0, "width", pageWidth, "height", pageHeight, "scale", 1)));
            Files.createDirectories(folder);
            Path target = folder.resolve(fileName + ".png");
            Files.write(target, Base64.getDecoder().decode((String) shot.get("data")));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (width != WIDTH) {
                driver.manage().window().setSize(new Dimension(WIDTH, HEIGHT));
            }
        }
    }

    /** How many CSS pixels the page is wider than a window of the given width (0: no sideways scrolling). */
    int overflowAt(int width) {
        try {
            driver.manage().window().setSize(new Dimension(width, HEIGHT));
            wait.until(d -> ((Number) driver.executeScript("return window.innerWidth;")).intValue() <= width);
            return ((Number) driver.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;")).intValue();
        } finally {
            driver.manage().window().setSize(new Dimension(WIDTH, HEIGHT));
        }
    }

    /** The page's HTML, for the failure report. */
    String pageSource() {
        return driver.getPageSource();
    }

    private void waitForLoad() {
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            TempFolders.delete(profile);
        }
    }

    @Override
    public String toString() {
        return "Browser[" + name + "]";
    }
}
