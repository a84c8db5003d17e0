package ua.kuznia.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;
import ua.kuznia.it.PlatformResource;

/**
 * Signing in and out through the real Keycloak in a real Chromium, the role-aware frame and the
 * remembered language. Other browser tests build on {@link Browser#signIn}.
 */
@QuarkusIntegrationTest
@WithTestResource(PlatformResource.class)
class WebLoginIT {

    static String baseUrl() {
        return "http://localhost:" + RestAssured.port;
    }

    @Test
    void signInThroughKeycloakSeeTheRolesNavigationAndSignOut() {
        try (Browser browser = Browser.start(baseUrl())) {
            browser.open("/");
            browser.waitFor(By.id("landing-sign-in"));
            browser.screenshot("01-landing");

            browser.signIn("coordinator", "demo");
            assertEquals("/ui", browser.path());
            String page = browser.text();
            assertTrue(page.contains("Welcome, coordinator"), page);
            assertTrue(browser.driver().findElements(By.cssSelector("nav a[href='/ui/review']")).size() == 1);
            assertTrue(browser.driver().findElements(By.cssSelector("nav a[href='/ui/profile']")).isEmpty());
            browser.screenshot("02-coordinator-home");

            browser.find(By.id("sign-out")).click();
            browser.waitFor(By.id("landing-sign-in"));
            assertEquals("/", browser.path());
            // The Keycloak session ended too: the next visit asks for the password again.
            browser.open("/ui");
            browser.waitFor(By.id("kc-login"));
        }
    }

    @Test
    void aManufacturerSeesOnlyManufacturerNavigation() {
        try (Browser browser = Browser.start(baseUrl())) {
            browser.signIn("maker-1", "demo");
            assertEquals(1, browser.driver().findElements(By.cssSelector("nav a[href='/ui/profile']")).size());
            assertTrue(browser.driver().findElements(By.cssSelector("nav a[href='/ui/review']")).isEmpty());
        }
    }

    @Test
    void theChosenLanguageIsUsedAndRemembered() {
        try (Browser browser = Browser.start(baseUrl())) {
            browser.signIn("ministry-de", "demo");
            new Select(browser.find(By.id("lang-select"))).selectByValue("uk");
            browser.waitForText(By.tagName("h1"), "Вітаємо");
            assertEquals("uk", browser.find(By.tagName("html")).getAttribute("lang"));
            browser.screenshot("03-home-uk");
            browser.open("/");
            assertTrue(browser.text().contains("Для міністерств"), browser.text());
        }
    }

    @Test
    void theFirstTabReachesTheSkipLinkAndItMovesFocusToTheContent() {
        try (Browser browser = Browser.start(baseUrl())) {
            browser.open("/");
            browser.find(By.tagName("body")).sendKeys(Keys.TAB);
            var active = browser.driver().switchTo().activeElement();
            assertEquals("#main", active.getAttribute("hash"));
            assertFalse(active.getText().isBlank());
        }
    }
}
