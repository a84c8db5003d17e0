package ua.kuznia.identity;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether a browser sent to the Keycloak login would find it. Signed-in users keep working while
 * Keycloak is down (their session and the signing keys are held here), but a new sign-in would end
 * on the browser's own "site can't be reached" page; asking first lets the page say so clearly.
 * The answer is kept for a few seconds so that a crowd of users does not become a crowd of probes.
 */
@ApplicationScoped
public class SignInAvailability {

    private static final Duration TIMEOUT = Duration.ofMillis(1500);
    private static final long REMEMBER_NANOS = Duration.ofSeconds(5).toNanos();

    @ConfigProperty(name = "quarkus.oidc.web.auth-server-url")
    Optional<String> authServerUrl;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private volatile boolean lastAnswer = true;
    private volatile long answeredAt = Long.MIN_VALUE;

    /** Blocking (at most about 1.5 s, once per 5 s): call it off the event loop. */
    public boolean available() {
        long now = System.nanoTime();
        if (answeredAt != Long.MIN_VALUE && now - answeredAt < REMEMBER_NANOS) {
            return lastAnswer;
        }
        boolean answer = probe();
        lastAnswer = answer;
        answeredAt = now;
        return answer;
    }

    private boolean probe() {
        if (authServerUrl.isEmpty() || authServerUrl.get().isBlank()) {
            return true;
        }
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(authServerUrl.get() + "/.well-known/openid-configuration"))
                    .timeout(TIMEOUT).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (java.io.IOException | IllegalArgumentException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
