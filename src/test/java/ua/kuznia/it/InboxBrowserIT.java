package ua.kuznia.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import ua.kuznia.it.browser.Browser;

/**
 * The unread badge in a real Chromium after signing in through the real Keycloak: maker-1's
 * organization was told about its demo matches at start-up, the header shows how many are unread,
 * and "mark all read" in the inbox clears it. It stays next to {@link Api}, whose unread count it
 * compares with the badge.
 */
@QuarkusIntegrationTest
@WithTestResource(PlatformResource.class)
class InboxBrowserIT {

    @Test
    void theHeaderBadgeCountsUnreadNotificationsAndTheInboxClearsIt() {
        try (Browser browser = Browser.start("http://localhost:" + RestAssured.port)) {
            // The first start-up re-match (job 1) announces the demo matches.
            DemoData.awaitJob(1);
            browser.signIn("maker-1", "demo");

            long unread = Api.read(Persona.MAKER_1, "/api/v1/notifications/unread-count").path("unread").asLong();
            assertTrue(unread > 0, "maker-1's demo matches were announced at start-up");
            assertEquals(String.valueOf(unread), browser.find(By.id("unread-count")).getText());

            browser.clickAndLoad(By.cssSelector("a.inbox"));
            browser.waitFor(By.id("mark-all-read"));
            assertFalse(browser.findAll(By.cssSelector(".inbox a[href^='/ui/matches/']")).isEmpty(),
                    "each new match links to its explanation");
            browser.screenshot("inbox-maker-1");
            browser.find(By.id("mark-all-read")).click();
            browser.waitForAbsence(By.id("unread-count"));
            assertEquals(0, Api.read(Persona.MAKER_1, "/api/v1/notifications/unread-count").path("unread").asLong());
        }
    }
}
