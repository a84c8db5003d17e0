package ua.kuznia.it.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium driven through the system's chromedriver, with a fresh profile per
 * browser so no test sees another's cookies. Nothing is downloaded: the binaries come from the
 * distribution's {@code chromium} and {@code chromium-driver} packages (override with
 * {@code -Dkuznia.chromium=} and {@code -Dkuznia.chromedriver=}).
 *
 * <p>Without Chromium the browser tests are skipped with a message, unless the environment sets
 * {@code KUZNIA_BROWSER_TESTS=required} (CI does), where its absence fails the build.
 */
public final class Browser implements AutoCloseable {

    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final WebDriver driver;
    private final Path profile;
    private final String baseUrl;

    private Browser(WebDriver driver, Path profile, String baseUrl) {
        this.driver = driver;
        this.profile = profile;
        this.baseUrl = baseUrl;
    }

    /** A browser for the application at {@code baseUrl} (e.g. http://localhost:41234). */
    public static Browser start(String baseUrl) {
        File chromium = executable("kuznia.chromium", "/usr/bin/chromium");
        File chromedriver = executable("kuznia.chromedriver", "/usr/bin/chromedriver");
        if (chromium == null || chromedriver == null) {
            String message = "Chromium and chromedriver are needed for the browser tests: apt-get install -y chromium chromium-driver";
            if ("required".equals(System.getenv("KUZNIA_BROWSER_TESTS"))) {
                Assertions.fail(message);
            }
            Assumptions.abort(message);
        }
        try {
            Path profile = Files.createTempDirectory("kuznia-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(chromium);
            // Root on a closed network: no sandbox, no GPU, nothing phoning home, a throwaway profile.
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--no-first-run",
                    "--window-size=1280,900", "--lang=en-GB", "--user-data-dir=" + profile.toAbsolutePath());
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(chromedriver)
                    .usingAnyFreePort()
                    .build();
            WebDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(WAIT);
            return new Browser(driver, profile, baseUrl);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static File executable(String property, String fallback) {
        File file = new File(System.getProperty(property, fallback));
        return file.canExecute() ? file : null;
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens a path of the application. */
    public Browser open(String path) {
        driver.get(baseUrl + path);
        return this;
    }

    public String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    /**
     * Signs in through the real Keycloak login form: opening {@code /ui} redirects there, and
     * Keycloak redirects back to the page once the password is accepted.
     */
    public Browser signIn(String username, String password) {
        open("/ui");
        waitFor(By.id("kc-login"));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("kc-login")).click();
        waitFor(By.id("sign-out"));
        return this;
    }

    /**
     * A wait that asks again when the page answers a question with an error: a page being replaced
     * may answer with an inspector error rather than "no such element". A lasting error still
     * fails the wait when it times out, with that error as its cause.
     */
    private WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        wait.ignoring(WebDriverException.class);
        return wait;
    }

    public WebElement waitFor(By locator) {
        try {
            return waiting().until(ExpectedConditions.visibilityOfElementLocated(locator));
        } catch (TimeoutException e) {
            throw lost("waiting for " + locator, e);
        }
    }

    /** Waits until nothing visible matches, e.g. a badge a script or a new page removed. */
    public void waitForAbsence(By locator) {
        try {
            waiting().until(ExpectedConditions.invisibilityOfElementLocated(locator));
        } catch (TimeoutException e) {
            throw lost("waiting for " + locator + " to go", e);
        }
    }

    public void waitForText(By locator, String text) {
        try {
            waiting().until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
        } catch (TimeoutException e) {
            throw lost("waiting for \"" + text + "\" in " + locator, e);
        }
    }

    /** A failure that says where the browser actually is, with a screenshot of it. */
    private AssertionError lost(String what, Exception cause) {
        String shot = screenshot("failure-" + System.currentTimeMillis()).toString();
        String body = driver.findElements(By.tagName("body")).isEmpty() ? "" : text();
        return new AssertionError("Timed out " + what + " on " + driver.getCurrentUrl() + " (\"" + driver.getTitle()
                + "\", screenshot " + shot + "): " + body.substring(0, Math.min(600, body.length())), cause);
    }

    public WebElement find(By locator) {
        return driver.findElement(locator);
    }

    public List<WebElement> findAll(By locator) {
        return driver.findElements(locator);
    }

    /** Scrolls an element to the middle of the window, so the step's screenshot shows it. */
    public WebElement show(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        return element;
    }

    /** The current value of a form field, as the user would submit it now. */
    public String value(By locator) {
        return driver.findElement(locator).getDomProperty("value");
    }

    /** Replaces what a field holds, as a user selecting its text and typing over it would. */
    public Browser type(By locator, String text) {
        WebElement field = driver.findElement(locator);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /**
     * Picks options of a drop-down or list box by their values, clicking them as a user would; in a
     * list box that takes several, what was chosen before is unchosen first.
     */
    public Browser choose(By locator, String... values) {
        Select select = new Select(waitFor(locator));
        if (select.isMultiple()) {
            select.deselectAll();
        }
        for (String value : values) {
            select.selectByValue(value);
        }
        return this;
    }

    /**
     * Clicks something that loads another page (a link, a submit button) and returns once that
     * page is there: a click alone may return while the old page is still showing, and the next
     * look would then read it.
     */
    public Browser clickAndLoad(WebElement element) {
        return andLoad(element::click, "clicking " + element);
    }

    /** Presses Enter in a field, as a user finishing a form does, and returns once the next page is there. */
    public Browser enterAndLoad(By locator) {
        WebElement field = waitFor(locator);
        return andLoad(() -> field.sendKeys(Keys.ENTER), "pressing Enter in " + locator);
    }

    private Browser andLoad(Runnable action, String what) {
        // The old document is marked, and the wait is for a complete document without the mark.
        // Waiting for the old <html> element to go stale is not enough: while the page is being
        // replaced, Chromium may answer a question about that element with an inspector error
        // instead of "stale element", which would fail the step although the page loaded fine.
        ((JavascriptExecutor) driver).executeScript("document.documentElement.dataset.kuzniaLeaving = 'yes'");
        action.run();
        try {
            waiting().until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                    "return document.readyState === 'complete' && !document.documentElement.dataset.kuzniaLeaving")));
        } catch (TimeoutException e) {
            throw lost("waiting for the page after " + what, e);
        }
        return this;
    }

    public Browser clickAndLoad(By locator) {
        return clickAndLoad(waitFor(locator));
    }

    /**
     * One step of a flow, named for the screenshot it leaves: after the step the page as it was,
     * and when the step fails the page that made it fail, named in the failure.
     */
    public void step(String name, Runnable step) {
        try {
            step.run();
        } catch (AssertionError | RuntimeException e) {
            Path shot = screenshot("failure-" + name);
            e.addSuppressed(new AssertionError("Step \"" + name + "\" failed on " + driver.getCurrentUrl()
                    + "; screenshot " + shot));
            throw e;
        }
        screenshot(name);
    }

    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Saves a PNG of the current page to target/screenshots/{name}.png for people to look at. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // A leftover temporary profile is harmless.
            }
        }
    }
}
