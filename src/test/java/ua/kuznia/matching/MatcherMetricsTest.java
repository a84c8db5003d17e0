package ua.kuznia.matching;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ua.kuznia.testing.Fixtures.capability;
import static ua.kuznia.testing.Fixtures.createOrganization;
import static ua.kuznia.testing.Fixtures.createProfile;
import static ua.kuznia.testing.Fixtures.profileBody;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import ua.kuznia.testing.Fixtures.Org;

/** The matcher's figures that Prometheus scrapes from {@code /q/metrics}: index size, re-match latency, job progress. */
@QuarkusTest
class MatcherMetricsTest {

    @Inject
    MatchingService matching;

    private static String scrape() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The value of the first sample of the metric whose labels contain {@code labels}. */
    private static double sample(String text, String metric, String labels) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(metric) + "(?:\\{([^}]*)\\})? ([0-9.Ee+-]+)$").matcher(text);
        while (m.find()) {
            if ((m.group(1) == null ? "" : m.group(1)).contains(labels)) {
                return Double.parseDouble(m.group(2));
            }
        }
        throw new AssertionError(metric + "{" + labels + "} not in /q/metrics");
    }

    @Test
    void indexSizeReMatchLatencyAndJobProgressAreExported() {
        double before = countOfProfileReMatches(scrape());
        Org maker = createOrganization("MANUFACTURER", "UA");
        createProfile(maker, profileBody(maker.id(), List.of(capability("ew.sigint", 7, 7, 20))));

        String text = scrape();
        assertEquals(matching.engine().profileCount(), sample(text, "kuznia_matcher_index_profiles", ""), 0.0);
        assertEquals(matching.engine().offerCount(), sample(text, "kuznia_matcher_index_offers", ""), 0.0);
        double progress = sample(text, "kuznia_matcher_job_progress", "");
        assertTrue(progress >= 0 && progress <= 1, "progress is a share: " + progress);
        assertEquals(before + 1, countOfProfileReMatches(text), 0.0, "one re-match per profile write");
        assertTrue(sample(text, "kuznia_matcher_rematch_seconds_bucket", "kind=\"incremental-profile\",le=\"+Inf\"") >= 1,
                "a latency histogram, not only a count");
    }

    private static double countOfProfileReMatches(String text) {
        try {
            return sample(text, "kuznia_matcher_rematch_seconds_count", "kind=\"incremental-profile\"");
        } catch (AssertionError none) {
            return 0;
        }
    }
}
