package ua.kuznia.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * How long after an API write its re-ranked matches can be read: on an otherwise idle service,
 * a manufacturer alternately cuts every capability's monthly capacity to an eighth and restores
 * it, and the clock runs from sending the PUT until a read of the profile's matches shows ranks,
 * scores or statuses different from the read before the write. The profile is one of the demo
 * users' with matches, so each write changes what the read shows.
 */
final class WriteVisibility {

    private static final int MAX_READS_PER_WRITE = 1_000;

    private final ObjectMapper json = new ObjectMapper();

    /** The markdown section of the probe, or why it could not run. */
    String measure(URI target, List<Workload.Persona> personas, int samples) throws IOException {
        try (HttpConnection http = new HttpConnection(target.getHost(), target.getPort())) {
            for (Workload.Persona p : personas) {
                for (long profile : p.ownProfiles) {
                    String matches = "/api/v1/manufacturers/" + profile + "/matches?size=50";
                    if (json.readTree(http.get(matches, p.token).body()).path("items").isEmpty()) {
                        continue;
                    }
                    return run(http, p, profile, matches, samples);
                }
            }
        }
        return "### Write → visible\n\nNot measured: no demo manufacturer has a match.\n";
    }

    private String run(HttpConnection http, Workload.Persona p, long profile, String matches, int samples) throws IOException {
        String path = "/api/v1/manufacturers/" + profile;
        Histogram latency = new Histogram(3_600_000_000L, 3);
        int reads = 0;
        int unchanged = 0;
        for (int i = 0; i < samples; i++) {
            String before = ranking(http.get(matches, p.token));
            HttpConnection.Response current = http.get(path, p.token);
            ObjectNode body = (ObjectNode) json.readTree(current.body());
            boolean cut = i % 2 == 0;
            for (JsonNode capability : body.path("capabilities")) {
                if (capability.hasNonNull("monthlyCapacity")) {
                    double capacity = capability.get("monthlyCapacity").asDouble();
                    ((ObjectNode) capability).put("monthlyCapacity", cut ? capacity / 8 : capacity * 8);
                }
            }
            long start = System.nanoTime();
            HttpConnection.Response written = http.put(path, p.token, json.writeValueAsBytes(body));
            if (written.status() != 200) {
                throw new IOException("PUT " + path + " answered " + written.status() + ": " + written.text());
            }
            int tries = 0;
            while (ranking(http.get(matches, p.token)).equals(before) && ++tries < MAX_READS_PER_WRITE) {
                reads++;
            }
            reads++;
            if (tries == MAX_READS_PER_WRITE) {
                unchanged++;
                continue;
            }
            latency.recordValue((System.nanoTime() - start) / 1_000);
        }
        return String.format(Locale.ROOT, "### Write → visible (profile %d of %s, %d writes, one at a time)%n%n"
                        + "| measure | result |%n|---|---|%n"
                        + "| PUT sent → changed matches read, p50 / p95 / p99 / max | %.1f / %.1f / %.1f / %.1f ms |%n"
                        + "| reads of the matches per write (1 = the first read after the answer showed the change) | %.2f |%n"
                        + "| writes whose change never showed (%d reads each) | %d |%n",
                profile, p.username, samples, latency.getValueAtPercentile(50) / 1000.0,
                latency.getValueAtPercentile(95) / 1000.0, latency.getValueAtPercentile(99) / 1000.0,
                latency.getMaxValue() / 1000.0, (double) reads / samples, MAX_READS_PER_WRITE, unchanged);
    }

    /** What a reader sees of the matches: each match's rank, score and status, in list order. */
    private String ranking(HttpConnection.Response response) throws IOException {
        if (response.status() != 200) {
            throw new IOException("reading matches answered " + response.status() + ": " + response.text());
        }
        StringBuilder seen = new StringBuilder();
        for (JsonNode match : json.readTree(response.body()).path("items")) {
            seen.append(match.path("id").asLong()).append(':').append(match.path("rank").asText()).append(':')
                    .append(match.path("score").asDouble()).append(':').append(match.path("status").asText()).append(';');
        }
        return seen.toString();
    }
}
