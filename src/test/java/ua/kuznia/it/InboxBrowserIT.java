package ua.kuznia.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The unread badge in a real Chromium after signing in through the real Keycloak: maker-1's
 * organization was told about its demo matches at start-up, the header shows how many are unread,
 * and "mark all read" in the inbox clears it.
 */
@QuarkusIntegrationTest
@WithTestResource(PlatformResource.class)
class InboxBrowserIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void theHeaderBadgeCountsUnreadNotificationsAndTheInboxClearsIt() throws IOException {
        File chromium = new File(System.getProperty("kuznia.chromium", "/usr/bin/chromium"));
        File chromedriver = new File(System.getProperty("kuznia.chromedriver", "/usr/bin/chromedriver"));
        Assumptions.assumeTrue("required".equals(System.getenv("KUZNIA_BROWSER_TESTS"))
                        || chromium.canExecute() && chromedriver.canExecute(),
                "Chromium and chromedriver are needed: apt-get install -y chromium chromium-driver");
        // The first start-up re-match (job 1) announces the demo matches.
        DemoData.awaitJob(1);
        Path profile = Files.createTempDirectory("kuznia-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--no-first-run", "--window-size=1280,900", "--lang=en-GB",
                "--user-data-dir=" + profile.toAbsolutePath());
        WebDriver driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(chromedriver)
                .usingAnyFreePort().build(), options);
        String base = "http://localhost:" + RestAssured.port;
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        try {
            driver.get(base + "/ui");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("kc-login")));
            driver.findElement(By.id("username")).sendKeys("maker-1");
            driver.findElement(By.id("password")).sendKeys("demo");
            driver.findElement(By.id("kc-login")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-out")));

            long unread = Api.read(Persona.MAKER_1, "/api/v1/notifications/unread-count").path("unread").asLong();
            assertTrue(unread > 0, "maker-1's demo matches were announced at start-up");
            assertEquals(String.valueOf(unread), driver.findElement(By.id("unread-count")).getText());

            driver.findElement(By.cssSelector("a.inbox")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("mark-all-read")));
            assertTrue(!driver.findElements(By.cssSelector(".inbox a[href^='/ui/matches/']")).isEmpty(),
                    "each new match links to its explanation");
            screenshot(driver, "inbox-maker-1");
            driver.findElement(By.id("mark-all-read")).click();
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("unread-count")));
            assertEquals(0, Api.read(Persona.MAKER_1, "/api/v1/notifications/unread-count").path("unread").asLong());
        } finally {
            driver.quit();
        }
    }

    private static void screenshot(WebDriver driver, String name) throws IOException {
        Path target = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(target.getParent());
        Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), target,
                StandardCopyOption.REPLACE_EXISTING);
    }
}
