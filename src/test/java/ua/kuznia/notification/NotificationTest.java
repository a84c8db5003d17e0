package ua.kuznia.notification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ua.kuznia.testing.Fixtures.capability;
import static ua.kuznia.testing.Fixtures.createOffer;
import static ua.kuznia.testing.Fixtures.createOrganization;
import static ua.kuznia.testing.Fixtures.createProfile;
import static ua.kuznia.testing.Fixtures.offerBody;
import static ua.kuznia.testing.Fixtures.profileBody;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ua.kuznia.testing.Fixtures.Org;
import ua.kuznia.testing.Tokens;
import ua.kuznia.web.Csrf;

/**
 * Notifications end to end on the real database: produced by the matcher and the review
 * workflow, read per member, muted per kind, mailed after commit, and the inbox pages.
 */
@QuarkusTest
class NotificationTest {

    @Inject
    MockMailbox mailbox;

    private Org ministry;
    private Org maker;
    private long offer;
    private long profile;
    private long match;

    private void suggestedMatch(String area, String offerTitle) {
        ministry = createOrganization("MINISTRY", "PL");
        Map<String, Object> body = new java.util.HashMap<>(offerBody(ministry.id(), List.of(area)));
        body.put("title", offerTitle);
        offer = createOffer(ministry, body);
        maker = createOrganization("MANUFACTURER", "UA");
        profile = createProfile(maker, profileBody(maker.id(), List.of(capability(area, 8, 8, 500))));
        // This maker's own match: other tests' manufacturers in the same area may rank above it.
        match = given().auth().oauth2(ministry.token()).get("/api/v1/offers/{id}/matches", offer).then().statusCode(200)
                .extract().jsonPath().getLong("items.find { it.manufacturerId == " + profile + " }.id");
    }

    private static String member(Org org, String name) {
        return Tokens.token(name + "-" + org.code(), org.kind().equals("MINISTRY") ? "ministry" : "manufacturer", org.code());
    }

    private static long unread(String token) {
        return given().auth().oauth2(token).get("/api/v1/notifications/unread-count").then().statusCode(200)
                .extract().jsonPath().getLong("unread");
    }

    private static void act(String token, long match, String action, Map<String, Object> body) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/matches/{id}/" + action, match).then().statusCode(200);
    }

    /** Mail goes out after commit on its own thread: wait for it to arrive, then look at it. */
    private List<Mail> mailTo(String address) throws InterruptedException {
        for (int i = 0; i < 200 && (mailbox.getMailsSentTo(address) == null || mailbox.getMailsSentTo(address).isEmpty()); i++) {
            Thread.sleep(50);
        }
        List<Mail> mails = mailbox.getMailsSentTo(address);
        return mails == null ? List.of() : mails;
    }

    @Test
    void newMatchesInterestAndDecisionsReachTheRightSides() {
        // An area no other fast test offers in, so this maker's only new match is the one made here.
        suggestedMatch("armor.protection", "Mortar rounds (test)");
        given().auth().oauth2(maker.token()).get("/api/v1/notifications").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].kind", equalTo("NEW_MATCH"))
                .body("items[0].matchId", equalTo((int) match)).body("items[0].offerTitle", equalTo("Mortar rounds (test)"))
                .body("items[0].read", equalTo(false));
        assertEquals(1, unread(ministry.token()));

        act(maker.token(), match, "interest", Map.of());
        assertEquals(1, unread(maker.token()), "interest is announced to the other side only");
        given().auth().oauth2(ministry.token()).queryParam("unread", true).get("/api/v1/notifications").then()
                .body("total", equalTo(2)).body("items[0].kind", equalTo("INTEREST"))
                .body("items[0].event", equalTo("MANUFACTURER_INTEREST"));

        act(ministry.token(), match, "interest", Map.of());
        act(Tokens.coordinator(), match, "decision", Map.of("decision", "START_REVIEW"));
        assertEquals(2, unread(maker.token()), "starting a review is not a decision");
        act(Tokens.coordinator(), match, "decision", Map.of("decision", "APPROVE"));
        given().auth().oauth2(maker.token()).get("/api/v1/notifications").then()
                .body("items.kind", equalTo(List.of("DECISION", "INTEREST", "NEW_MATCH")))
                .body("items[0].event", equalTo("APPROVE"));
        given().auth().oauth2(ministry.token()).get("/api/v1/notifications").then()
                .body("items.kind", equalTo(List.of("DECISION", "INTEREST", "NEW_MATCH")));
        // A coordinator's organization is not a side of the match.
        given().auth().oauth2(Tokens.coordinator()).get("/api/v1/notifications").then().statusCode(200)
                .body("items.matchId", not(hasItem((int) match)));
    }

    @Test
    void aPairIsAnnouncedAsNewOnlyOnceHoweverOftenItIsRematched() {
        suggestedMatch("artillery.barrels", "Howitzer shells (test)");
        Map<String, Object> closed = new java.util.HashMap<>(given().auth().oauth2(ministry.token())
                .get("/api/v1/offers/{id}", offer).then().statusCode(200).extract().jsonPath().getMap(""));
        // Closing the offer drops the suggestion; reopening it brings it back under a new match id.
        closed.put("status", "CLOSED");
        Map<String, Object> reopened = put(closed);
        reopened.put("status", "OPEN");
        put(reopened);
        given().auth().oauth2(maker.token()).get("/api/v1/notifications").then()
                .body("total", equalTo(1)).body("items[0].kind", equalTo("NEW_MATCH"));
    }

    /**
     * A ministry's notification stays while it sees the offer, but links to the match only while
     * it may open it: once the manufacturer withdraws its profile, the match (kept, stale, since
     * the manufacturer acted on it) is no longer the ministry's to read.
     */
    @Test
    void anInboxLinksToAMatchOnlyWhileTheReaderMayOpenIt() throws InterruptedException {
        suggestedMatch("artillery.towed", "Fire-control kits (test)");
        act(maker.token(), match, "interest", Map.of());
        // Other tests' profiles may be suggested for the same offer: only this maker's count.
        String mine = "items.findAll { it.profileId == " + profile + " }.matchId";
        given().auth().oauth2(ministry.token()).get("/api/v1/notifications").then().statusCode(200)
                .body(mine, equalTo(List.of((int) match, (int) match)));
        Map<String, Object> draft = new java.util.HashMap<>(given().auth().oauth2(maker.token())
                .get("/api/v1/manufacturers/{id}", profile).then().statusCode(200).extract().jsonPath().getMap(""));
        draft.put("status", "DRAFT");
        draft.remove("id");
        draft.remove("createdAt");
        draft.remove("updatedAt");
        given().auth().oauth2(maker.token()).contentType(ContentType.JSON).body(draft)
                .put("/api/v1/manufacturers/{id}", profile).then().statusCode(200);
        given().auth().oauth2(ministry.token()).get("/api/v1/matches/{id}", match).then().statusCode(404);
        given().auth().oauth2(ministry.token()).get("/api/v1/notifications").then().statusCode(200)
                .body(mine, equalTo(java.util.Arrays.asList(null, null)));
        given().auth().oauth2(ministry.token()).get("/ui/inbox").then().statusCode(200)
                .body(containsString("Fire-control kits (test)")).body(not(containsString("/ui/matches/" + match)));
        given().auth().oauth2(maker.token()).get("/api/v1/notifications").then().statusCode(200)
                .body(mine, equalTo(List.of((int) match)));
        // Mail read after the profile was withdrawn (the mailer reads its rows after commit, on
        // its own thread) carries the notice without the link.
        String ministryAddress = "member-of-" + ministry.code() + "@example.test";
        given().auth().oauth2(ministry.token()).get("/api/v1/notifications/preferences").then().statusCode(200)
                .body("emailKnown", equalTo(true));
        List<Long> ids = given().auth().oauth2(ministry.token()).get("/api/v1/notifications").then().statusCode(200)
                .extract().jsonPath().getList("items.findAll { it.profileId == " + profile + " }.id", Long.class);
        mailer.send(ids);
        List<Mail> mails = mailTo(ministryAddress);
        assertEquals(1, mails.size());
        assertTrue(mails.get(0).getText().contains("Fire-control kits (test)"), mails.get(0).getText());
        assertTrue(!mails.get(0).getText().contains("/ui/matches/"), mails.get(0).getText());
    }

    @Inject
    NotificationMailer mailer;

    private Map<String, Object> put(Map<String, Object> body) {
        Map<String, Object> clean = new java.util.HashMap<>(body);
        clean.remove("id");
        clean.remove("createdAt");
        clean.remove("updatedAt");
        clean.remove("organizationName");
        return new java.util.HashMap<>(given().auth().oauth2(ministry.token()).contentType(ContentType.JSON).body(clean)
                .put("/api/v1/offers/{id}", offer).then().statusCode(200).extract().jsonPath().getMap(""));
    }

    @Test
    void readStateBelongsToEachMemberAndOthersCannotTouchIt() {
        suggestedMatch("air-defense.fire-control", "Counter-battery radar (test)");
        String alice = member(maker, "alice");
        String bob = member(maker, "bob");
        long id = given().auth().oauth2(alice).get("/api/v1/notifications").then().extract().jsonPath().getLong("items[0].id");
        given().auth().oauth2(alice).post("/api/v1/notifications/{id}/read", id).then().statusCode(200)
                .body("unread", equalTo(0));
        assertEquals(1, unread(bob));
        given().auth().oauth2(alice).get("/api/v1/notifications").then().body("items[0].read", equalTo(true));
        given().auth().oauth2(ministry.token()).post("/api/v1/notifications/{id}/read", id).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(bob).post("/api/v1/notifications/read-all").then().statusCode(200).body("unread", equalTo(0));
        act(ministry.token(), match, "interest", Map.of());
        assertEquals(1, unread(bob), "what arrives after reading everything is unread again");
        given().post("/api/v1/notifications/read-all").then().statusCode(401);
    }

    @Test
    void mutedKindsAreHiddenAndNotMailedAndMailIsLocalized() throws InterruptedException {
        suggestedMatch("autonomous.ugv", "Jammer <b>bold</b> (test)");
        String makerAddress = "member-of-" + maker.code() + "@example.test";
        String ministryAddress = "member-of-" + ministry.code() + "@example.test";
        // Opening the inbox makes the address known; the ministry officer mutes interest.
        given().auth().oauth2(maker.token()).get("/api/v1/notifications/preferences").then().statusCode(200)
                .body("emailEnabled", equalTo(true)).body("emailKnown", equalTo(true));
        given().auth().oauth2(ministry.token()).contentType(ContentType.JSON)
                .body(Map.of("mutedKinds", List.of("INTEREST"), "emailEnabled", true))
                .put("/api/v1/notifications/preferences").then().statusCode(200).body("mutedKinds", equalTo(List.of("INTEREST")));
        given().auth().oauth2(maker.token()).header("Accept-Language", "uk").get("/ui/inbox").then().statusCode(200);

        act(maker.token(), match, "interest", Map.of());
        act(ministry.token(), match, "interest", Map.of());
        assertEquals(1, unread(ministry.token()), "the muted interest is not counted");
        given().auth().oauth2(ministry.token()).get("/api/v1/notifications").then().body("items.kind", equalTo(List.of("NEW_MATCH")));

        List<Mail> toMaker = mailTo(makerAddress);
        assertEquals(1, toMaker.size());
        Mail mail = toMaker.get(0);
        assertTrue(mail.getSubject().contains("Міністерство зацікавлене"), mail.getSubject());
        assertTrue(mail.getSubject().startsWith("Кузня: "), "the product's Ukrainian name: " + mail.getSubject());
        assertTrue(mail.getText().contains("/ui/matches/" + match), mail.getText());
        assertTrue(mail.getHtml().contains("Jammer &lt;b&gt;bold&lt;/b&gt;"), mail.getHtml());
        // Mail is sent in commit order on one thread: the muted one before it was never sent.
        List<Mail> muted = mailbox.getMailsSentTo(ministryAddress);
        assertTrue(muted == null || muted.isEmpty(), "muted interest was mailed");

        given().auth().oauth2(maker.token()).contentType(ContentType.JSON)
                .body(Map.of("mutedKinds", List.of(), "emailEnabled", false))
                .put("/api/v1/notifications/preferences").then().statusCode(200).body("emailEnabled", equalTo(false));
        act(Tokens.coordinator(), match, "decision", Map.of("decision", "START_REVIEW"));
        act(Tokens.coordinator(), match, "decision", Map.of("decision", "REJECT", "note", "Duplicate"));
        given().auth().oauth2(ministry.token()).contentType(ContentType.JSON)
                .body(Map.of("mutedKinds", List.of(), "emailEnabled", true)).put("/api/v1/notifications/preferences");
        List<Mail> toMinistry = mailTo(ministryAddress);
        assertEquals(1, toMinistry.size());
        assertTrue(toMinistry.get(0).getSubject().startsWith("Kuznia: Rejected:"), toMinistry.get(0).getSubject());
        assertEquals(1, mailTo(makerAddress).size(), "e-mail switched off");
    }

    @Inject
    jakarta.enterprise.event.Event<ua.kuznia.identity.MemberRevoked> revoked;

    /** A revoked member gets no more of the organization's mail, even when its token, still valid, is used again. */
    @Test
    void aRevokedMemberIsMailedNothingMore() throws InterruptedException {
        suggestedMatch("autonomous.ugv", "Revoked member test offer");
        String makerAddress = "member-of-" + maker.code() + "@example.test";
        String ministryAddress = "member-of-" + ministry.code() + "@example.test";
        given().auth().oauth2(maker.token()).get("/api/v1/notifications/preferences").then().statusCode(200)
                .body("emailKnown", equalTo(true));
        given().auth().oauth2(ministry.token()).get("/api/v1/notifications/preferences").then().statusCode(200);
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .run(() -> revoked.fire(new ua.kuznia.identity.MemberRevoked("sub-member-of-" + maker.code())));
        // The token issued before the revocation is still valid for a while: using it ties nothing again.
        given().auth().oauth2(maker.token()).get("/api/v1/notifications/preferences").then().statusCode(200);

        act(ministry.token(), match, "interest", Map.of()); // would mail the maker
        act(maker.token(), match, "interest", Map.of()); // mails the ministry, after it on the same thread
        assertEquals(1, mailTo(ministryAddress).size());
        List<Mail> toMaker = mailbox.getMailsSentTo(makerAddress);
        assertTrue(toMaker == null || toMaker.isEmpty(), "mailed after revocation: " + toMaker);
    }

    /** Mail keeps need-to-know as the inbox does: an offer above the organization's clearance is not mailed. */
    @Test
    void noOfferAboveTheRecipientsClearanceIsMailed() throws InterruptedException {
        ministry = createOrganization("MINISTRY", "NO", "NATO_SECRET");
        Map<String, Object> body = offerBody(ministry.id(), List.of("radar.air-surveillance"));
        body.put("classification", "NATO_SECRET");
        body.put("title", "Secret radar offer (test)");
        offer = createOffer(ministry, body);
        maker = createOrganization("MANUFACTURER", "UA", "NATO_SECRET");
        Map<String, Object> profile = profileBody(maker.id(), List.of(capability("radar.air-surveillance", 8, 8, 500)));
        profile.put("clearance", "NATO_SECRET");
        long profileId = createProfile(maker, profile);
        match = given().auth().oauth2(ministry.token()).queryParam("size", 200).get("/api/v1/offers/{id}/matches", offer)
                .then().statusCode(200).extract().jsonPath().getLong("items.find { it.manufacturerId == " + profileId + " }.id");
        String ministryAddress = "member-of-" + ministry.code() + "@example.test";
        String makerAddress = "member-of-" + maker.code() + "@example.test";
        given().auth().oauth2(ministry.token()).get("/api/v1/notifications/preferences").then().statusCode(200);
        given().auth().oauth2(maker.token()).get("/api/v1/notifications/preferences").then().statusCode(200);

        // The ministry's vetting falls below its own offer: the maker's interest must not reach its mail.
        ua.kuznia.testing.Fixtures.vet(ministry, "NATO_RESTRICTED");
        act(maker.token(), match, "interest", Map.of());
        // A later mail on the same thread, to a recipient still cleared, marks when the first would have gone.
        ua.kuznia.testing.Fixtures.vet(ministry, "NATO_SECRET");
        act(ministry.token(), match, "interest", Map.of());
        assertEquals(1, mailTo(makerAddress).size());
        List<Mail> toMinistry = mailbox.getMailsSentTo(ministryAddress);
        assertTrue(toMinistry == null || toMinistry.isEmpty(), "mailed above clearance: " + toMinistry);
    }

    @Test
    void badPreferencesNameTheFieldAndTheRule() {
        Org org = createOrganization("MANUFACTURER", "UA");
        given().auth().oauth2(org.token()).contentType(ContentType.JSON)
                .body(Map.of("mutedKinds", List.of("EVERYTHING"), "emailEnabled", true))
                .put("/api/v1/notifications/preferences").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("mutedKinds")).body("violations[0].message", containsString("NEW_MATCH"));
        given().auth().oauth2(org.token()).contentType(ContentType.JSON).body(Map.of("mutedKinds", List.of()))
                .put("/api/v1/notifications/preferences").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", containsString("emailEnabled"));
    }

    @Test
    void theInboxPageListsEscapesLinksAndCountsInTheHeader() {
        suggestedMatch("artillery.mlrs", "Tank rounds <script>x()</script> (test)");
        given().auth().oauth2(maker.token()).get("/ui/inbox").then().statusCode(200)
                .body(containsString("id=\"unread-count\""), containsString(">1</span>"),
                        containsString("href=\"/ui/matches/" + match + "\""),
                        containsString("Tank rounds &lt;script&gt;x()&lt;/script&gt;"),
                        not(containsString("<script>x()")), containsString("New match:"));
        given().auth().oauth2(maker.token()).header("Accept-Language", "uk").get("/ui/inbox").then().statusCode(200)
                .body(containsString("Новий збіг:"), containsString("Позначити всі прочитаними"));

        long id = given().auth().oauth2(maker.token()).get("/api/v1/notifications").then().extract().jsonPath()
                .getLong("items[0].id");
        given().auth().oauth2(maker.token()).formParam("unread", "false").post("/ui/inbox/{id}/read", id).then()
                .statusCode(403);
        assertEquals(1, unread(maker.token()));
        String csrf = given().get("/").getCookie(Csrf.COOKIE);
        given().auth().oauth2(maker.token()).redirects().follow(false).cookie(Csrf.COOKIE, csrf)
                .formParam(Csrf.FIELD, csrf).formParam("unread", "false").post("/ui/inbox/{id}/read", id).then()
                .statusCode(303).header("Location", containsString("/ui/inbox"));
        assertEquals(0, unread(maker.token()));
        given().auth().oauth2(maker.token()).get("/ui/inbox").then().statusCode(200)
                .body(not(containsString("id=\"unread-count\"")));
    }

    @Test
    void thePreferencesPageSavesAndShowsErrorsNextToTheField() {
        Org org = createOrganization("MINISTRY", "DE");
        String csrf = given().get("/").getCookie(Csrf.COOKIE);
        given().auth().oauth2(org.token()).header("Accept-Language", "uk").get("/ui/inbox/preferences").then()
                .statusCode(200).body(containsString("Налаштування сповіщень"), containsString("for=\"mute-interest\""));
        given().auth().oauth2(org.token()).redirects().follow(false).cookie(Csrf.COOKIE, csrf).formParam(Csrf.FIELD, csrf)
                .formParam("muted", "NEW_MATCH").post("/ui/inbox/preferences").then().statusCode(303)
                .header("Location", containsString("/ui/inbox/preferences?saved=true"));
        given().auth().oauth2(org.token()).get("/api/v1/notifications/preferences").then()
                .body("mutedKinds", equalTo(List.of("NEW_MATCH"))).body("emailEnabled", equalTo(false));
        Response invalid = given().auth().oauth2(org.token()).cookie(Csrf.COOKIE, csrf).formParam(Csrf.FIELD, csrf)
                .formParam("muted", "DECISION").formParam("muted", "<img src=x>").formParam("email", "on")
                .post("/ui/inbox/preferences");
        invalid.then().statusCode(422).contentType(containsString("text/html"))
                .body(containsString("aria-invalid=\"true\""), containsString("id=\"muted-error\""),
                        not(containsString("<img src=x>")));
        String page = invalid.asString();
        assertTrue(page.contains("value=\"DECISION\" checked"), "the user's valid choice is kept");
        assertTrue(page.contains("value=\"on\" checked"), "the e-mail choice is kept");
        given().auth().oauth2(org.token()).formParam("muted", "DECISION").post("/ui/inbox/preferences").then()
                .statusCode(403);
    }
}
