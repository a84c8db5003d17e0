package ua.kuznia.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import ua.kuznia.it.DemoData;
import ua.kuznia.it.PlatformResource;
import ua.kuznia.it.Persona;

/**
 * The web application end to end in a real Chromium, each role signed in through the real
 * Keycloak form: the manufacturer edits its profile (a save, then a value the server refuses); the
 * ministry writes a new offer in the editor and finds that manufacturer among its ranked
 * candidates; the manufacturer reads the explanation of the match and answers it; the ministry
 * shortlists it, asks "why not" about another one and answers the same match; the coordinator
 * finds the mutually wanted match at the head of the review queue and decides it, and the
 * manufacturer sees the decision. On the way each main page is visited by its role (rule set with a
 * preview, gaps, aid audit, search, inbox and preferences, a page in Ukrainian), leaving a
 * screenshot of each in target/screenshots/.
 *
 * <p>The match is of maker-1 with a throwaway offer of mod-de, so the test neither depends on nor
 * disturbs what other tests expect of the demo matches; a second such match, on an offer posted
 * through the API and wanted by maker-1 only, competes with it in the review queue. Both offers
 * (and with them the matches and the shortlist) are deleted afterwards, and the profile edit is
 * undone through the page itself.
 */
@QuarkusIntegrationTest
@WithTestResource(PlatformResource.class)
class RoleFlowsBrowserIT {

    private static final String OTHER_MANUFACTURER = "Lviv Signals Systems";
    private static final String HOLD_NOTE = "Waiting for the export licence";
    private static final String APPROVAL_NOTE = "Approved: export licence confirmed";

    private static String baseUrl() {
        return "http://localhost:" + RestAssured.port;
    }

    @Test
    void aMatchGoesFromBothSidesInterestToTheCoordinatorsDecision() {
        // The start-up re-match must be done, or it could re-rank while the pages are read.
        DemoData.awaitJob(1);
        DemoData.FreshMatch competitor = null;
        long[] posted = {0};
        DemoData.FreshMatch match = null;
        try (Browser maker = Browser.start(baseUrl())) {
            maker.signIn(Persona.MAKER_1.username, "demo");
            maker.step("role-flows-00-maker-home", () -> {
                maker.waitFor(By.cssSelector("ul.tiles a[href='/ui/my-matches']"));
                assertEquals("/ui", maker.path());
            });
            String manufacturerName = editProfile(maker);
            // Both offers are posted once the profile is back as it was, so they are ranked on the
            // demo profile. The competitor scores the same and is older, and only maker-1 wants it:
            // it is in the queue too, and only the mutual interest can put the flow's match ahead of it.
            competitor = DemoData.freshMakerOneMatchWithInterestOf(Persona.MAKER_1);

            try (Browser ministry = Browser.start(baseUrl())) {
                ministry.signIn(Persona.MINISTRY_DE.username, "demo");
                match = ministryPostsOffer(ministry, manufacturerName, posted);
                manufacturerAnswers(maker, match);
                ministryAnswers(ministry, match, manufacturerName);
            }
            try (Browser coordinator = Browser.start(baseUrl())) {
                coordinator.signIn(Persona.COORDINATOR.username, "demo");
                coordinatorDecides(coordinator, match, competitor);
                coordinatorPages(coordinator);
            }

            long id = match.matchId();
            maker.step("role-flows-20-maker-sees-decision", () -> {
                maker.open("/ui/matches/" + id);
                assertEquals("Approved", maker.find(By.id("match-status")).getText());
                assertTrue(maker.find(By.cssSelector("dl.facts")).getText().contains(APPROVAL_NOTE),
                        maker.find(By.cssSelector("dl.facts")).getText());
                assertTrue(maker.findAll(By.id("express-interest")).isEmpty(), "nothing left to answer once approved");
            });
            makerPages(maker, match);
        } finally {
            List<Long> offers = new ArrayList<>();
            if (competitor != null) {
                offers.add(competitor.offerId());
            }
            if (posted[0] != 0) {
                offers.add(posted[0]);
            }
            for (long offer : offers) {
                DemoData.deleteIfPresent(Persona.MINISTRY_DE, "/api/v1/offers/" + offer);
            }
        }
    }

    /**
     * The ministry writes a new open 155-mm offer in the editor, as the API helper would post it
     * (the same area, transfer type, TRL/MRL and clearance, so maker-1's demo profile qualifies and
     * scores as on the competing offer), and lands on its ranked candidates with maker-1 among them.
     * The offer's id is put in {@code posted} as soon as it is known, for the clean-up.
     */
    private static DemoData.FreshMatch ministryPostsOffer(Browser ministry, String manufacturerName, long[] posted) {
        String title = DemoData.unique("Review offer ");
        ministry.step("role-flows-04-ministry-offers", () -> {
            ministry.clickAndLoad(By.cssSelector("nav a[href='/ui/offers']"));
            assertEquals("/ui/offers", ministry.path());
            ministry.waitFor(By.id("new-offer"));
            assertFalse(ministry.findAll(By.id("my-offers")).isEmpty(), "mod-de has offers: " + ministry.text());
        });
        ministry.step("role-flows-05-offer-editor", () -> {
            ministry.clickAndLoad(By.id("new-offer"));
            assertEquals("/ui/offers/new", ministry.path());
            ministry.type(By.id("title"), title);
            ministry.type(By.id("description"), "Fictional offer written by the browser tests");
            ministry.choose(By.id("areas"), "munitions.artillery-155");
            ministry.choose(By.id("transferType"), "LICENSED_PRODUCTION");
            ministry.type(By.id("minTrl"), "6");
            ministry.type(By.id("minMrl"), "6");
            ministry.type(By.id("minMonthlyCapacity"), "");
            ministry.choose(By.id("requiredClearance"), "NATO_RESTRICTED");
            ministry.choose(By.id("classification"), "NATO_RESTRICTED");
            ministry.choose(By.id("status"), "OPEN");
            for (WebElement certification : ministry.findAll(By.cssSelector("input[name=requiredCertifications]"))) {
                assertFalse(certification.isSelected(), "no certification is required");
            }
            ministry.show(ministry.find(By.id("title")));
        });
        long[] ids = new long[2];
        ministry.step("role-flows-06-offer-candidates", () -> {
            ministry.clickAndLoad(By.id("save-offer"));
            String path = ministry.path();
            assertTrue(path.matches("/ui/offers/\\d+/candidates"), "the saved offer opens on its candidates: " + path
                    + " " + ministry.text());
            ids[0] = Long.parseLong(path.split("/")[3]);
            posted[0] = ids[0];
            assertTrue(ministry.find(By.tagName("h1")).getText().contains(title), ministry.find(By.tagName("h1")).getText());
            WebElement row = candidateRow(ministry, manufacturerName);
            assertTrue(row.findElement(By.xpath("td[1]")).getText().matches("\\d+"), "ranked: " + row.getText());
            assertEquals("Suggested", row.findElement(By.xpath("td[4]")).getText());
            String explanation = row.findElement(By.cssSelector("a[href^='/ui/matches/']")).getAttribute("href");
            ids[1] = Long.parseLong(explanation.substring(explanation.lastIndexOf('/') + 1));
            assertEquals(DemoData.makerOneMatchOn(ids[0]), ids[1], "the page links the match the API lists");
            ministry.show(row);
        });
        return new DemoData.FreshMatch(ids[0], ids[1], title);
    }

    /**
     * Saves a changed monthly capacity, then sends a TRL the server refuses, then puts the capacity
     * back. Returns the manufacturer's legal name as the editor shows it.
     */
    private static String editProfile(Browser maker) {
        By capacity = By.id("cap-0-capacity");
        By trl = By.id("cap-0-trl");
        String[] original = new String[3];
        maker.step("role-flows-01-profile-saved", () -> {
            maker.clickAndLoad(By.cssSelector("nav a[href='/ui/profile']"));
            original[0] = maker.value(capacity);
            original[1] = maker.value(trl);
            original[2] = maker.value(By.id("legalName"));
            assertFalse(original[0].isBlank(), "maker-1's demo profile has a capacity in its first row");
            String changed = original[0].equals("17500") ? "17000" : "17500";
            maker.type(capacity, changed);
            maker.clickAndLoad(By.id("save-profile"));
            assertEquals("/ui/profile", maker.path());
            assertEquals("Saved.", maker.find(By.cssSelector("p.alert.ok")).getText());
            // The page after saving is read back from the database, not echoed from the form.
            assertEquals(changed, maker.value(capacity));
            assertEquals(original[1], maker.value(trl));
            assertControlsApart(maker, maker.findAll(By.cssSelector("#capability-rows > fieldset")));
        });
        String saved = maker.value(capacity);

        maker.step("role-flows-02-profile-refused", () -> {
            maker.type(trl, "12");
            maker.type(capacity, "19999");
            maker.clickAndLoad(By.id("save-profile"));
            WebElement error = maker.show(maker.waitFor(By.id("cap-0-trl-error")));
            assertTrue(error.getText().contains("9"), "the message names the upper bound: " + error.getText());
            // Next to its own field: the message sits in the field's box, which is marked invalid.
            WebElement field = error.findElement(By.xpath(".."));
            assertTrue(field.getAttribute("class").contains("invalid"), field.getAttribute("class"));
            assertEquals(1, field.findElements(By.id("cap-0-trl")).size(), "the error and the TRL input share a box");
            assertEquals("true", maker.find(trl).getAttribute("aria-invalid"));
            assertEquals("cap-0-trl-error", maker.find(trl).getAttribute("aria-describedby"));
            assertTrue(maker.findAll(By.id("cap-0-capacity-error")).isEmpty(), "the valid capacity is not blamed");
            assertTrue(maker.find(By.id("form-errors")).isDisplayed());
            // What was typed is kept, the refused value as much as the valid one.
            assertEquals("12", maker.value(trl));
            assertEquals("19999", maker.value(capacity));
            assertEquals(original[2], maker.value(By.id("legalName")));
        });

        maker.step("role-flows-03-profile-restored", () -> {
            // Nothing of the refused form was stored.
            maker.open("/ui/profile");
            assertEquals(saved, maker.value(capacity));
            assertEquals(original[1], maker.value(trl));
            int rows = maker.findAll(By.cssSelector("#capability-rows > fieldset")).size();
            maker.type(capacity, original[0]);
            // Enter in a field saves, as the Save button does: it once removed the first row instead.
            maker.enterAndLoad(capacity);
            assertEquals("Saved.", maker.find(By.cssSelector("p.alert.ok")).getText());
            assertEquals(original[0], maker.value(capacity));
            assertEquals(rows, maker.findAll(By.cssSelector("#capability-rows > fieldset")).size());
        });
        return original[2];
    }

    /** In each capability row no control covers another, so every one can be read and clicked. */
    private static void assertControlsApart(Browser maker, List<WebElement> rows) {
        assertFalse(rows.isEmpty(), "the profile has capability rows");
        for (WebElement row : rows) {
            List<WebElement> controls = row.findElements(By.cssSelector("input, select, button"));
            for (int i = 0; i < controls.size(); i++) {
                for (int j = i + 1; j < controls.size(); j++) {
                    Rectangle a = controls.get(i).getRect();
                    Rectangle b = controls.get(j).getRect();
                    boolean overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
                    if (overlap) {
                        maker.show(controls.get(i));
                        throw new AssertionError(describe(controls.get(i), a) + " overlaps " + describe(controls.get(j), b));
                    }
                }
            }
        }
    }

    private static String describe(WebElement control, Rectangle rect) {
        String id = control.getAttribute("id");
        return (id == null || id.isEmpty() ? control.getTagName() + " '" + control.getText() + "'" : "#" + id)
                + " at " + rect.x + "," + rect.y + " " + rect.width + "x" + rect.height;
    }

    /** From "my matches" to the match's explanation, and interest from the manufacturer's side. */
    private static void manufacturerAnswers(Browser maker, DemoData.FreshMatch match) {
        maker.step("role-flows-07-my-matches", () -> {
            maker.clickAndLoad(By.cssSelector("nav a[href='/ui/my-matches']"));
            WebElement row = myMatchesRow(maker, match.offerTitle());
            assertEquals("Suggested", row.findElement(By.xpath("td[4]")).getText());
            assertTrue(row.findElement(By.xpath("td[1]")).getText().matches("\\d+"), "the manufacturer's rank is shown");
            maker.clickAndLoad(row.findElement(By.cssSelector("a.explain-link")));
        });
        maker.step("role-flows-08-match-explained", () -> {
            assertEquals("/ui/matches/" + match.matchId(), maker.path());
            assertTrue(maker.find(By.tagName("h1")).getText().contains(match.offerTitle()), maker.find(By.tagName("h1")).getText());
            assertEquals("Suggested", maker.find(By.id("match-status")).getText());
            assertEquals("Suggested by the matcher", maker.find(By.id("verdict")).getText());
            List<WebElement> hard = maker.findAll(By.cssSelector("table.hard-rules tbody tr"));
            assertFalse(hard.isEmpty(), "the hard rules are listed");
            for (WebElement rule : hard) {
                assertEquals("passed", rule.getAttribute("class"), "a suggested pair passes " + rule.getText());
            }
            List<WebElement> soft = maker.findAll(By.cssSelector("table.soft-rules tbody tr"));
            assertFalse(soft.isEmpty(), "the soft rules are listed");
            WebElement chart = maker.show(maker.find(By.cssSelector("svg#contribution-chart")));
            assertTrue(chart.isDisplayed());
            assertEquals(soft.size(), chart.findElements(By.cssSelector("rect.bar")).size(), "one bar per soft rule");
        });
        maker.step("role-flows-09-maker-interest", () -> {
            maker.clickAndLoad(By.id("express-interest"));
            assertEquals("/ui/matches/" + match.matchId(), maker.path());
            assertEquals("Saved.", maker.find(By.cssSelector("p.alert.ok")).getText());
            assertEquals("Manufacturer interested", maker.find(By.id("match-status")).getText());
            assertTrue(maker.findAll(By.id("express-interest")).isEmpty(), "interest is given once");
        });
    }

    /** The row of an offer in "my matches", following the pager: maker-1 may have many matches. */
    private static WebElement myMatchesRow(Browser maker, String offerTitle) {
        while (true) {
            for (WebElement row : maker.findAll(By.cssSelector("#my-matches tbody tr"))) {
                if (row.findElement(By.xpath("td[2]")).getText().equals(offerTitle)) {
                    return row;
                }
            }
            List<WebElement> next = maker.findAll(By.cssSelector("nav.pager a[rel=next]"));
            assertFalse(next.isEmpty(), "'" + offerTitle + "' is on no page of my matches");
            maker.clickAndLoad(next.get(0));
        }
    }

    /** The offer's ranked candidates, "why not" for another manufacturer, and the ministry's interest. */
    private static void ministryAnswers(Browser ministry, DemoData.FreshMatch match, String manufacturerName) {
        String candidates = "/ui/offers/" + match.offerId() + "/candidates";
        ministry.step("role-flows-10-candidates", () -> {
            ministry.clickAndLoad(By.cssSelector("nav a[href='/ui/offers']"));
            ministry.clickAndLoad(ministry.find(By.id("my-offers")).findElement(By.linkText(match.offerTitle())));
            assertEquals(candidates, ministry.path());
            WebElement row = candidateRow(ministry, manufacturerName);
            assertTrue(row.findElement(By.xpath("td[1]")).getText().matches("\\d+"), "ranked: " + row.getText());
            assertEquals("Manufacturer interested", row.findElement(By.xpath("td[4]")).getText());
            List<Integer> ranks = new ArrayList<>();
            for (WebElement other : ministry.findAll(By.cssSelector("#candidates tbody tr"))) {
                String rank = other.findElement(By.xpath("td[1]")).getText();
                if (rank.matches("\\d+")) {
                    ranks.add(Integer.valueOf(rank));
                }
            }
            assertEquals(ranks.stream().sorted().toList(), ranks, "best first");
        });

        ministry.step("role-flows-11-shortlist", () -> {
            ministry.clickAndLoad(candidateRow(ministry, manufacturerName).findElement(By.cssSelector("button.mark")));
            assertEquals(candidates, ministry.path());
            WebElement entries = ministry.show(ministry.waitFor(By.id("shortlist-entries")));
            assertTrue(entries.getText().contains(manufacturerName), entries.getText());
            assertFalse(candidateRow(ministry, manufacturerName).findElements(By.cssSelector("button.unmark")).isEmpty(),
                    "the row offers to take it off the shortlist");
        });

        ministry.step("role-flows-12-why-not", () -> {
            ministry.type(By.id("who"), OTHER_MANUFACTURER);
            ministry.clickAndLoad(By.id("why-not-submit"));
            // One manufacturer of that name: its explanation opens directly.
            assertEquals("/ui/explain", ministry.path());
            assertTrue(ministry.find(By.id("explain-manufacturer")).getText().startsWith(OTHER_MANUFACTURER),
                    ministry.find(By.id("explain-manufacturer")).getText());
            assertTrue(ministry.find(By.id("explain-offer")).getText().startsWith(match.offerTitle()),
                    ministry.find(By.id("explain-offer")).getText());
            assertTrue(ministry.find(By.id("verdict")).getText().startsWith("Not eligible"), ministry.find(By.id("verdict")).getText());
            List<WebElement> reasons = ministry.findAll(By.cssSelector("#why-not li"));
            assertFalse(reasons.isEmpty(), "the reasons are spelled out");
            assertFalse(reasons.get(0).getText().isBlank());
            assertFalse(ministry.findAll(By.cssSelector("table.hard-rules tr.failed")).isEmpty(), "the failed rule is marked");
            assertTrue(ministry.findAll(By.id("open-match")).isEmpty(), "an unmatched pair has no match to open");
        });

        ministry.step("role-flows-13-ministry-interest", () -> {
            ministry.open(candidates);
            ministry.clickAndLoad(candidateRow(ministry, manufacturerName).findElement(By.cssSelector("button.interest")));
            // Back on the candidates, where the action was taken.
            assertEquals(candidates, ministry.path());
            WebElement row = candidateRow(ministry, manufacturerName);
            assertEquals("Mutual interest", row.findElement(By.xpath("td[4]")).getText());
            assertTrue(row.findElements(By.cssSelector("button.interest")).isEmpty(), "interest is given once");
        });
    }

    /** The coordinator's other pages: the rule set with a preview of the unchanged weights, the gaps, the aid audit. */
    private static void coordinatorPages(Browser coordinator) {
        coordinator.step("role-flows-17-ruleset-preview", () -> {
            coordinator.clickAndLoad(By.cssSelector("nav a[href='/ui/ruleset']"));
            coordinator.waitFor(By.id("ruleset-form"));
            // A preview stores nothing: it shows what the current weights would change, here nothing.
            coordinator.clickAndLoad(By.id("preview-button"));
            WebElement preview = coordinator.show(coordinator.waitFor(By.id("preview")));
            assertTrue(preview.isDisplayed());
            assertEquals(coordinator.find(By.id("preview-now")).getText(), coordinator.find(By.id("preview-after")).getText(),
                    "the same weights keep the same suggestions");
        });
        coordinator.step("role-flows-18-gaps", () -> {
            coordinator.clickAndLoad(By.cssSelector("nav a[href='/ui/gaps']"));
            assertEquals("/ui/gaps", coordinator.path());
            assertFalse(coordinator.waitFor(By.id("gap-summary")).getText().isBlank());
        });
        coordinator.step("role-flows-19-aid-audit", () -> {
            coordinator.clickAndLoad(By.cssSelector("nav a[href='/ui/aid']"));
            assertEquals("/ui/aid", coordinator.path());
            coordinator.waitFor(By.id("kiel-form"));
            assertFalse(coordinator.find(By.tagName("h1")).getText().isBlank());
        });
    }

    /** The manufacturer's search, inbox and notification preferences, and its match in Ukrainian. */
    private static void makerPages(Browser maker, DemoData.FreshMatch match) {
        maker.step("role-flows-21-search", () -> {
            maker.clickAndLoad(By.cssSelector("nav a[href='/ui/search']"));
            maker.choose(By.id("area"), "munitions.artillery-155");
            maker.clickAndLoad(By.id("search-submit"));
            assertEquals("/ui/search", maker.path());
            assertFalse(maker.waitFor(By.id("offer-results")).findElements(By.tagName("li")).isEmpty(),
                    "open 155-mm offers are found");
        });
        maker.step("role-flows-22-inbox", () -> {
            maker.clickAndLoad(By.cssSelector("header a.inbox"));
            assertEquals("/ui/inbox", maker.path());
            maker.waitFor(By.id("mark-all-read"));
        });
        maker.step("role-flows-23-notification-preferences", () -> {
            maker.clickAndLoad(By.cssSelector("a[href='/ui/inbox/preferences']"));
            assertEquals("/ui/inbox/preferences", maker.path());
            maker.waitFor(By.id("mute-new-match"));
        });
        maker.step("role-flows-24-match-in-ukrainian", () -> {
            maker.open("/ui/matches/" + match.matchId());
            maker.waitFor(By.id("match-status"));
            maker.choose(By.id("lang-select"), "uk");
            maker.waitFor(By.cssSelector("html[lang='uk'] #match-status"));
            assertEquals("/ui/matches/" + match.matchId(), maker.path());
            assertFalse(maker.find(By.id("match-status")).getText().equals("Approved"),
                    "the status is in Ukrainian: " + maker.find(By.id("match-status")).getText());
            assertTrue(maker.find(By.tagName("h1")).getText().contains(match.offerTitle()));
        });
    }

    private static WebElement candidateRow(Browser ministry, String manufacturerName) {
        for (WebElement row : ministry.findAll(By.cssSelector("#candidates tbody tr"))) {
            if (row.findElement(By.xpath("td[2]")).getText().equals(manufacturerName)) {
                return row;
            }
        }
        throw new AssertionError(manufacturerName + " is not among the candidates: " + ministry.text());
    }

    /** The queue puts the mutually wanted match first; review, a refused rejection, hold and approval. */
    private static void coordinatorDecides(Browser coordinator, DemoData.FreshMatch match, DemoData.FreshMatch competitor) {
        long id = match.matchId();
        By row = By.id("match-" + id);
        By open = By.cssSelector("#match-" + id + " a[href='/ui/review/" + id + "']");
        coordinator.step("role-flows-14-queue", () -> {
            coordinator.clickAndLoad(By.cssSelector("nav a[href='/ui/review']"));
            List<WebElement> rows = coordinator.findAll(By.cssSelector("table.queue tbody tr"));
            assertFalse(rows.isEmpty(), "the queue lists matches");
            assertEquals("match-" + id, rows.get(0).getAttribute("id"), "the mutually wanted match comes first");
            assertEquals("Mutual interest", rows.get(0).findElement(By.cssSelector("span.status")).getText());
            WebElement other = coordinator.find(By.id("match-" + competitor.matchId()));
            assertEquals("Manufacturer interested", other.findElement(By.cssSelector("span.status")).getText());
            assertEquals(rows.get(0).findElement(By.xpath("td[5]")).getText(), other.findElement(By.xpath("td[5]")).getText(),
                    "the same score: the order comes from the interest alone");
            coordinator.clickAndLoad(open);
            assertEquals("/ui/review/" + id, coordinator.path());
            assertEquals("Mutual interest", coordinator.find(By.id("match-status")).getText());
            // Only taking it into review is possible yet, and it is preselected.
            assertTrue(coordinator.find(By.id("decision-START_REVIEW")).isSelected());
            assertTrue(coordinator.findAll(By.id("decision-APPROVE")).isEmpty(), "no approval before the review");
            coordinator.clickAndLoad(By.id("decide"));
            assertEquals("/ui/review", coordinator.path());
            String done = coordinator.find(By.id("decision-done")).getText();
            assertTrue(done.contains("Match " + id + " is now:") && done.contains("Under review"), done);
        });

        coordinator.step("role-flows-15-reject-needs-reason", () -> {
            coordinator.clickAndLoad(open);
            coordinator.find(By.id("decision-REJECT")).click();
            coordinator.type(By.id("note"), "");
            coordinator.clickAndLoad(By.id("decide"));
            WebElement error = coordinator.show(coordinator.waitFor(By.id("note-error")));
            assertTrue(error.getText().contains("required"), error.getText());
            assertEquals("true", coordinator.find(By.id("note")).getAttribute("aria-invalid"));
            assertTrue(coordinator.find(By.id("decision-REJECT")).isSelected(), "the chosen decision is kept");
            assertEquals("Under review", coordinator.find(By.id("match-status")).getText(), "nothing was decided");
        });

        coordinator.step("role-flows-16-hold-then-approve", () -> {
            coordinator.find(By.id("decision-HOLD")).click();
            coordinator.type(By.id("note"), HOLD_NOTE);
            coordinator.clickAndLoad(By.id("decide"));
            assertTrue(coordinator.find(By.id("decision-done")).getText().contains("Under review"));
            WebElement held = coordinator.find(row);
            assertTrue(held.findElement(By.xpath("td[6]")).getText().contains("On hold"), held.getText());
            assertEquals(HOLD_NOTE, held.findElement(By.xpath("td[7]")).getText());

            coordinator.clickAndLoad(open);
            assertEquals(HOLD_NOTE, coordinator.find(By.id("review-note")).getText());
            coordinator.find(By.id("decision-APPROVE")).click();
            coordinator.type(By.id("note"), APPROVAL_NOTE);
            coordinator.clickAndLoad(By.id("decide"));
            assertTrue(coordinator.find(By.id("decision-done")).getText().contains("Approved"),
                    coordinator.find(By.id("decision-done")).getText());

            coordinator.clickAndLoad(open);
            assertEquals("Approved", coordinator.find(By.id("match-status")).getText());
            assertEquals(APPROVAL_NOTE, coordinator.find(By.id("review-note")).getText());
            String facts = coordinator.find(By.cssSelector("dl.facts")).getText();
            assertTrue(facts.contains("Last decision") && facts.contains(Persona.COORDINATOR.username), facts);
            assertTrue(coordinator.findAll(By.id("decision-form")).isEmpty(), "a decided match takes no more decisions");
        });
    }
}
