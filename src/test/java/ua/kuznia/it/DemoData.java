package ua.kuznia.it;

import static ua.kuznia.it.Api.expect;
import static ua.kuznia.it.Api.read;
import static ua.kuznia.it.Api.send;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ids of the demo data (src/main/resources/demo/demo-data.sql) looked up through the API at run time,
 * and throwaway rows for tests that write. Lookups use staff tokens, which read everything up to the
 * coordination office's NATO_SECRET clearance. Public for the browser tests of
 * {@code ua.kuznia.it.browser}, which need the same known rows.
 */
public final class DemoData {

    /** mod-de, OPEN, classified NATO_RESTRICTED: every authenticated persona may read it. */
    static final String DE_RESTRICTED_OFFER = "Licensed production of 155-mm artillery shells (demo)";
    /** mod-fr, OPEN, classified NATO_RESTRICTED. */
    static final String FR_RESTRICTED_OFFER = "Co-production of wheeled self-propelled howitzers (demo)";
    /** mod-fr, OPEN, classified NATO_CONFIDENTIAL: above maker-1's and maker-2's clearance. */
    static final String FR_CONFIDENTIAL_OFFER = "Air-defence fire-control software cooperation (demo)";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final Map<String, Long> ORGANIZATIONS = new ConcurrentHashMap<>();
    private static final Map<String, Long> OFFERS = new ConcurrentHashMap<>();
    private static volatile Long deDraftOffer;
    private static volatile Long matchingJob;

    private DemoData() {
    }

    /** A marker unique within the run (and across runs on the same database), usable in full-text search. */
    public static String unique(String prefix) {
        return prefix + Long.toString(System.currentTimeMillis(), 36) + SEQUENCE.incrementAndGet();
    }

    static long organizationId(String code) {
        return ORGANIZATIONS.computeIfAbsent(code, c -> {
            for (JsonNode org : read(Persona.ADMIN, "/api/v1/organizations?size=200").path("items")) {
                if (org.path("code").asText().equals(c)) {
                    return org.path("id").asLong();
                }
            }
            throw new AssertionError("No organization " + c + " in the demo data");
        });
    }

    /** Looked up every time: the matrix deletes and re-creates maker-1's profile, which gives it a new id. */
    static long profileIdOf(String organizationCode) {
        for (JsonNode profile : read(Persona.COORDINATOR, "/api/v1/manufacturers?size=200").path("items")) {
            if (profile.path("organizationCode").asText().equals(organizationCode)) {
                return profile.path("id").asLong();
            }
        }
        throw new AssertionError("No profile of " + organizationCode + " in the demo data");
    }

    static JsonNode profile(long id) {
        return read(Persona.COORDINATOR, "/api/v1/manufacturers/" + id);
    }

    static long offerId(String title) {
        return OFFERS.computeIfAbsent(title, t -> {
            for (JsonNode offer : read(Persona.ADMIN, "/api/v1/offers?size=200").path("items")) {
                if (offer.path("title").asText().equals(t)) {
                    return offer.path("id").asLong();
                }
            }
            throw new AssertionError("No offer '" + t + "' in the demo data");
        });
    }

    static JsonNode offer(long id) {
        // The admin's organization is cleared NATO_SECRET and staff read drafts too.
        return read(Persona.ADMIN, "/api/v1/offers/" + id);
    }

    /** A DRAFT of mod-de, created once per run: visible to mod-de and staff only. */
    static long deDraftOffer() {
        if (deDraftOffer == null) {
            synchronized (DemoData.class) {
                if (deDraftOffer == null) {
                    deDraftOffer = newOffer(Persona.MINISTRY_DE, "NATO_RESTRICTED", "DRAFT", unique("draft"));
                }
            }
        }
        return deDraftOffer;
    }

    /** A full re-match job started once per run by the admin, for reading its progress. */
    static long matchingJob() {
        if (matchingJob == null) {
            synchronized (DemoData.class) {
                if (matchingJob == null) {
                    Response started = send(Persona.ADMIN, "POST", "/api/v1/matching/jobs", "");
                    expect(started, 202, "POST /api/v1/matching/jobs as admin");
                    matchingJob = Api.createdId(started);
                    awaitJob(matchingJob);
                }
            }
        }
        return matchingJob;
    }

    /** A valid offer of the caller's own ministry (organizationId left out). */
    static ObjectNode offerBody(String classification, String status, String title) {
        ObjectNode body = Api.JSON.createObjectNode();
        body.put("title", title);
        body.put("description", "Fictional offer written by the integration tests");
        body.putArray("areas").add("munitions.artillery-155");
        body.put("transferType", "LICENSED_PRODUCTION");
        body.put("minTrl", 6);
        body.put("minMrl", 6);
        body.putArray("requiredCertifications");
        body.put("requiredClearance", "NATO_RESTRICTED");
        body.put("classification", classification);
        body.put("budgetEur", 1_000_000);
        ObjectNode export = body.putObject("exportControl");
        export.putArray("mlCodes").add("ML3");
        export.put("licenceRequired", true);
        body.put("status", status);
        return body;
    }

    static long newOffer(Persona ministry, String classification, String status, String title) {
        Response created = send(ministry, "POST", "/api/v1/offers", offerBody(classification, status, title));
        expect(created, 201, "POST /api/v1/offers as " + ministry);
        return Api.createdId(created);
    }

    static ObjectNode organizationBody() {
        ObjectNode body = Api.JSON.createObjectNode();
        body.put("code", unique("it-org-"));
        body.put("kind", "MANUFACTURER");
        body.put("name", "Integration test organization (fictional)");
        body.put("country", "UA");
        body.put("clearance", "UNCLASSIFIED");
        return body;
    }

    static long newOrganization() {
        Response created = send(Persona.ADMIN, "POST", "/api/v1/organizations", organizationBody());
        expect(created, 201, "POST /api/v1/organizations as admin");
        return Api.createdId(created);
    }

    // ---------------------------------------------------------------------------------------------
    // Matching and review

    /** Waits until a full re-match job is done, so later cells do not race with its re-ranking. */
    public static void awaitJob(long jobId) {
        long deadline = System.currentTimeMillis() + 120_000;
        while (true) {
            String status = read(Persona.ADMIN, "/api/v1/matching/jobs/" + jobId).path("status").asText();
            if (status.equals("DONE")) {
                return;
            }
            if (status.equals("FAILED") || System.currentTimeMillis() > deadline) {
                throw new AssertionError("Matching job " + jobId + " is " + status);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** The match of maker-1's profile on mod-de's NATO_RESTRICTED demo offer (looked up anew: the profile may be re-created). */
    static long makerOneMatch() {
        return matchOf(offerId(DE_RESTRICTED_OFFER), profileIdOf("ua-mfr-01"));
    }

    /** The newest notification of maker-1's organization (its demo matches are announced at start-up). */
    static long makerOneNotification() {
        JsonNode inbox = read(Persona.MAKER_1, "/api/v1/notifications?size=1");
        if (inbox.path("items").isEmpty()) {
            throw new AssertionError("maker-1 has no notifications: " + inbox);
        }
        return inbox.path("items").get(0).path("id").asLong();
    }

    static long matchOf(long offerId, long profileId) {
        JsonNode matches = read(Persona.ADMIN, "/api/v1/offers/" + offerId + "/matches?size=200");
        for (JsonNode match : matches.path("items")) {
            if (match.path("manufacturerId").asLong() == profileId) {
                return match.path("id").asLong();
            }
        }
        throw new AssertionError("Profile " + profileId + " is not among the matches of offer " + offerId + ": " + matches);
    }

    /** A new mod-de offer that maker-1 matches, and that match. Deleting the offer deletes the match. */
    public record FreshMatch(long offerId, long matchId, String offerTitle) {
    }

    /**
     * A match of maker-1 with a new 155-mm offer of mod-de, SUGGESTED or, with {@code mutual}, after
     * both sides expressed interest. The matcher ranks a new offer before the POST returns.
     */
    public static FreshMatch freshMakerOneMatch(boolean mutual) {
        return mutual ? freshMakerOneMatchWithInterestOf(Persona.MAKER_1, Persona.MINISTRY_DE) : freshMakerOneMatchWithInterestOf();
    }

    /** The same after the given sides expressed interest, in that order (one side alone leaves it half-answered). */
    public static FreshMatch freshMakerOneMatchWithInterestOf(Persona... sides) {
        String title = unique("Review offer ");
        long offer = newOffer(Persona.MINISTRY_DE, "NATO_RESTRICTED", "OPEN", title);
        long match = matchOf(offer, profileIdOf("ua-mfr-01"));
        for (Persona side : sides) {
            expect(send(side, "POST", "/api/v1/matches/" + match + "/interest", "{}"), 200, side + " interest");
        }
        return new FreshMatch(offer, match, title);
    }

    /** The match of maker-1's profile on an offer, as the API lists it. */
    public static long makerOneMatchOn(long offerId) {
        return matchOf(offerId, profileIdOf("ua-mfr-01"));
    }

    /** The current rule set, ready to send back (read-only members removed). */
    static ObjectNode ruleSetBody(String note) {
        ObjectNode body = Api.writable(read(Persona.ADMIN, "/api/v1/matching/ruleset"), "createdBy");
        body.put("note", note);
        return body;
    }

    // ---------------------------------------------------------------------------------------------
    // Aid audit

    private static final Path KIEL_RELEASE = Path.of("src", "main", "resources", "aid", "kiel-ust-release29");
    private static volatile boolean kielImported;
    private static volatile Long aidRecord;

    /** Files of the Kiel release shipped with the sources, as a multipart upload. */
    static Api.Multipart kielFiles(String... names) {
        List<Api.Multipart.Part> parts = new ArrayList<>();
        for (String name : names) {
            try {
                parts.add(Api.Multipart.file("file", name, Files.readAllBytes(KIEL_RELEASE.resolve(name))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Api.Multipart(parts);
    }

    /** Kiel release 29 imported once per run, so the Kiel reports have data to show. */
    static void kielRelease() {
        if (!kielImported) {
            synchronized (DemoData.class) {
                if (!kielImported) {
                    expect(send(Persona.ADMIN, "POST", "/api/v1/aid/imports", kielFiles("release_info.csv",
                            "data_explorer.csv", "procurement_trends.csv", "weapons.csv", "total_allocations.csv")),
                            200, "importing Kiel release 29 as admin");
                    kielImported = true;
                }
            }
        }
    }

    static ObjectNode aidRecordBody(String marker) {
        ObjectNode body = Api.JSON.createObjectNode();
        body.put("donorCountry", "DK");
        body.put("asOfDate", "2025-06-30");
        body.put("supportModel", "DIRECT_FINANCING");
        body.put("area", "artillery.self-propelled");
        body.put("commitmentDate", "2024-03-01");
        body.put("committedValueEur", 1_000_000);
        body.put("deliveredValueEur", 400_000);
        body.put("source", "Integration tests (fictional figures)");
        body.put("notes", marker);
        return body;
    }

    static long aidRecord() {
        if (aidRecord == null) {
            synchronized (DemoData.class) {
                if (aidRecord == null) {
                    Response created = send(Persona.ADMIN, "POST", "/api/v1/aid/records", aidRecordBody(unique("record ")));
                    expect(created, 201, "POST /api/v1/aid/records as admin");
                    aidRecord = Api.createdId(created);
                }
            }
        }
        return aidRecord;
    }

    /** A one-row aid records CSV, unique by its notes: the same file (by SHA-256) is refused a second time. */
    static Api.Multipart aidRecordsCsv() {
        String csv = "donor_country,as_of_date,support_model,capability_area,commitment_date,committed_value_eur,"
                + "delivered_value_eur,source,notes\n"
                + "CZ,2025-06-30,INDUSTRY_PROCUREMENT,munitions.artillery-155,2024-02-15,2500000,2500000,"
                + "Integration tests (fictional figures)," + unique("csv ") + "\n";
        return Api.Multipart.of(Api.Multipart.file("file", "aid-records.csv", csv.getBytes(StandardCharsets.UTF_8)));
    }

    /** Removes a throwaway row if a cell left it behind; a 404 means the cell already deleted it. */
    public static void deleteIfPresent(Persona owner, String path) {
        int status = send(owner, "DELETE", path, null).statusCode();
        if (status != 204 && status != 404) {
            throw new AssertionError("Cleanup DELETE " + path + " as " + owner + " answered " + status);
        }
    }
}
