package ua.kuznia.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The mixed traffic of the load run: 80 % reads of offers, profiles and matches, 20 % updates of
 * profiles and offers. Every request picks a persona at random and only asks for what that persona
 * may see, so any non-2xx answer (other than a 409 on a concurrent update, which is retried) is an
 * error of the service, not of the workload.
 */
final class Workload {

    /** What a request does; each kind gets its own latency histogram. */
    enum Kind {
        OFFER_LIST(true, 12),
        OFFER_GET(true, 16),
        PROFILE_LIST(true, 12),
        PROFILE_GET(true, 16),
        OFFER_MATCHES(true, 10),
        PROFILE_MATCHES(true, 10),
        MATCH_LIST(true, 2),
        MATCH_GET(true, 2),
        PROFILE_UPDATE(false, 10),
        OFFER_UPDATE(false, 10);

        final boolean read;
        /** Share of all requests, in percent. */
        final int percent;

        Kind(boolean read, int percent) {
            this.read = read;
            this.percent = percent;
        }
    }

    /** A demo user with its token and what it was found to see when the run started. */
    static final class Persona {
        final String username;
        volatile String token;
        final List<Long> visibleOffers = new ArrayList<>();
        final List<Long> visibleProfiles = new ArrayList<>();
        /** Offers this persona's ministry posted, or the profile of its manufacturer: what it may update and whose matches it sees. */
        final List<Long> ownOffers = new ArrayList<>();
        final List<Long> ownProfiles = new ArrayList<>();
        /** Ids of matches this persona sees. */
        final List<Long> matches = new ArrayList<>();
        boolean staff;

        Persona(String username) {
            this.username = username;
        }
    }

    /** What one request produced: its kind, status, and how many 409s it retried through. */
    record Outcome(Kind kind, int status, int conflicts) {
    }

    private static final Kind[] TABLE = new Kind[100];
    static {
        int i = 0;
        for (Kind kind : Kind.values()) {
            for (int n = 0; n < kind.percent; n++) {
                TABLE[i++] = kind;
            }
        }
        if (i != TABLE.length) {
            throw new IllegalStateException("Workload shares add up to " + i + " %, not 100 %");
        }
    }

    /**
     * How long an update keeps retrying its 409s before the run counts it as an error. A client of
     * an optimistically locked API retries a lost race until it wins or its user would give up;
     * counting retries instead let one unlucky writer of a hot row become an "error" of the service.
     */
    static final long CONFLICT_DEADLINE_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(10);

    private final ObjectMapper json = new ObjectMapper();
    private final List<Persona> readers;
    private final List<Persona> offerWriters;
    private final List<Persona> profileWriters;
    private final List<Persona> offerMatchReaders;
    private final List<Persona> profileMatchReaders;
    private final List<Persona> matchReaders;
    private final List<Persona> staffReaders;

    Workload(List<Persona> personas) {
        this.readers = personas;
        this.offerWriters = personas.stream().filter(p -> !p.staff && !p.ownOffers.isEmpty()).toList();
        this.profileWriters = personas.stream().filter(p -> !p.staff && !p.ownProfiles.isEmpty()).toList();
        this.offerMatchReaders = personas.stream().filter(p -> p.staff || !p.ownOffers.isEmpty()).toList();
        this.profileMatchReaders = personas.stream().filter(p -> p.staff || !p.ownProfiles.isEmpty()).toList();
        this.matchReaders = personas.stream().filter(p -> !p.matches.isEmpty()).toList();
        this.staffReaders = personas.stream().filter(p -> p.staff).toList();
        require(!staffReaders.isEmpty(), "no staff persona");
        Persona staff = staffReaders.get(0);
        require(!offerWriters.isEmpty(), "no ministry persona owns an offer");
        require(!profileWriters.isEmpty(), "no manufacturer persona owns a profile");
        require(!matchReaders.isEmpty(), "no persona sees a match; did the start-up re-match run?");
        require(!staff.visibleOffers.isEmpty() && !staff.visibleProfiles.isEmpty(), "the staff persona sees no offer or no profile");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException("Cannot build the workload: " + message);
        }
    }

    /** {@code -Dload.reads-only=true}: the reads of the mix alone, to measure what a read costs. */
    static final boolean READS_ONLY = Boolean.getBoolean("load.reads-only");

    Kind pick(SplittableRandom random) {
        Kind kind = TABLE[random.nextInt(TABLE.length)];
        while (READS_ONLY && !kind.read) {
            kind = TABLE[random.nextInt(TABLE.length)];
        }
        return kind;
    }

    Outcome run(Kind kind, HttpConnection http, SplittableRandom random) throws IOException {
        switch (kind) {
            case OFFER_LIST -> {
                Persona p = any(readers, random);
                // One request in four filters by area, which takes the EXISTS-over-unnest path.
                String filter = random.nextInt(4) == 0 ? "&area=munitions" : "";
                return read(kind, http.get("/api/v1/offers?size=20" + filter, p.token));
            }
            case OFFER_GET -> {
                Persona p = withAny(readers, q -> q.visibleOffers, random);
                return read(kind, http.get("/api/v1/offers/" + any(p.visibleOffers, random), p.token));
            }
            case PROFILE_LIST -> {
                Persona p = any(readers, random);
                String filter = random.nextInt(4) == 0 ? "&area=munitions" : "";
                return read(kind, http.get("/api/v1/manufacturers?size=20" + filter, p.token));
            }
            case PROFILE_GET -> {
                Persona p = withAny(readers, q -> q.visibleProfiles, random);
                return read(kind, http.get("/api/v1/manufacturers/" + any(p.visibleProfiles, random), p.token));
            }
            case OFFER_MATCHES -> {
                Persona p = any(offerMatchReaders, random);
                List<Long> offers = p.staff ? p.visibleOffers : p.ownOffers;
                return read(kind, http.get("/api/v1/offers/" + any(offers, random) + "/matches?size=20", p.token));
            }
            case PROFILE_MATCHES -> {
                Persona p = any(profileMatchReaders, random);
                List<Long> profiles = p.staff ? p.visibleProfiles : p.ownProfiles;
                return read(kind, http.get("/api/v1/manufacturers/" + any(profiles, random) + "/matches?size=20", p.token));
            }
            case MATCH_LIST -> {
                // The review queue is for staff only.
                Persona p = any(staffReaders, random);
                return read(kind, http.get("/api/v1/matches?size=20", p.token));
            }
            case MATCH_GET -> {
                Persona p = any(matchReaders, random);
                return read(kind, http.get("/api/v1/matches/" + any(p.matches, random), p.token));
            }
            case PROFILE_UPDATE -> {
                Persona p = any(profileWriters, random);
                return update(kind, http, p, "/api/v1/manufacturers/" + any(p.ownProfiles, random), Workload::nudgeProfile);
            }
            case OFFER_UPDATE -> {
                Persona p = any(offerWriters, random);
                return update(kind, http, p, "/api/v1/offers/" + any(p.ownOffers, random), Workload::nudgeOffer);
            }
            default -> throw new IllegalArgumentException(kind.name());
        }
    }

    private static Outcome read(Kind kind, HttpConnection.Response response) {
        return new Outcome(kind, response.status(), 0);
    }

    /**
     * GET, change one field that the matcher scores, PUT with the version read; on 409 (another
     * virtual user updated the same row in between) wait a random moment, growing with each
     * conflict as a client of an optimistically locked API should, read again and retry, for at
     * most {@link #CONFLICT_DEADLINE_NANOS}. Without the wait, writers of one hot row keep
     * colliding in lockstep.
     */
    private Outcome update(Kind kind, HttpConnection http, Persona p, String path, Nudge nudge) throws IOException {
        int conflicts = 0;
        long deadline = System.nanoTime() + CONFLICT_DEADLINE_NANOS;
        while (true) {
            if (conflicts > 0) {
                backOff(conflicts);
            }
            HttpConnection.Response current = http.get(path, p.token);
            if (current.status() != 200) {
                return new Outcome(kind, current.status(), conflicts);
            }
            ObjectNode body = (ObjectNode) json.readTree(current.body());
            nudge.apply(body);
            HttpConnection.Response written = http.put(path, p.token, json.writeValueAsBytes(body));
            if (written.status() != 409 || System.nanoTime() - deadline > 0) {
                return new Outcome(kind, written.status(), conflicts);
            }
            conflicts++;
        }
    }

    /** A random wait of 1 ms up to 5 ms, doubling with each conflict, at most 100 ms. */
    private static void backOff(int conflicts) throws IOException {
        long ceiling = Math.min(100, 5L << Math.min(conflicts - 1, 5));
        try {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(1, 1 + ceiling));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while backing off a conflict");
        }
    }

    private interface Nudge {
        void apply(ObjectNode body);
    }

    /** The first capability's monthly capacity moves by one unit up or down: the capacity rules re-score it. */
    private static void nudgeProfile(ObjectNode body) {
        JsonNode capabilities = body.path("capabilities");
        if (capabilities.isArray() && !capabilities.isEmpty() && capabilities.get(0).hasNonNull("monthlyCapacity")) {
            ObjectNode first = (ObjectNode) capabilities.get(0);
            double capacity = first.get("monthlyCapacity").asDouble();
            first.put("monthlyCapacity", flip(capacity));
        } else {
            body.put("employees", (long) flip(body.path("employees").asLong(100)));
        }
    }

    /** The offer's target volume moves by one unit up or down (or its description changes when it has none). */
    private static void nudgeOffer(ObjectNode body) {
        if (body.hasNonNull("targetVolume")) {
            body.put("targetVolume", flip(body.get("targetVolume").asDouble()));
        } else {
            String description = body.path("description").asText("");
            body.put("description", description.endsWith(" ") ? description.strip() : description + " ");
        }
    }

    /** Alternates a value between two neighbours, so a long run never drifts out of range. */
    private static double flip(double value) {
        long whole = (long) Math.floor(value);
        return whole % 2 == 0 ? whole + 1 : whole - 1;
    }

    private interface Ids {
        List<Long> of(Persona persona);
    }

    private static Persona withAny(List<Persona> personas, Ids ids, SplittableRandom random) {
        for (int tries = 0; tries < 8; tries++) {
            Persona p = any(personas, random);
            if (!ids.of(p).isEmpty()) {
                return p;
            }
        }
        return personas.stream().filter(p -> p.staff).findFirst().orElseThrow();
    }

    private static <T> T any(List<T> values, SplittableRandom random) {
        return values.get(random.nextInt(values.size()));
    }
}
