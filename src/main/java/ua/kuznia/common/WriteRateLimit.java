package ua.kuznia.common;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Limits writes to the API per signed-in user (token subject), so a runaway script cannot flood
 * the matcher with re-scores or the audit trail with rows. The buckets live in this instance's
 * memory: with N replicas behind a load balancer a user gets up to N times the limit, which still
 * stops a script while costing no shared state (docs/scaling.md). Anonymous writes are not
 * counted; they are refused with 401 anyway.
 */
@Singleton
public class WriteRateLimit {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    @ConfigProperty(name = "kuznia.rate-limit.enabled", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "kuznia.rate-limit.writes-per-minute", defaultValue = "120")
    int perMinute;

    @ConfigProperty(name = "kuznia.rate-limit.burst", defaultValue = "60")
    int burst;

    @Inject
    CurrentIdentityAssociation identities;

    private volatile TokenBuckets buckets;

    @ServerRequestFilter
    public Uni<Response> limit(ContainerRequestContext request) {
        if (!enabled || !WRITES.contains(request.getMethod()) || !request.getUriInfo().getPath().startsWith("/api/v1/")) {
            return Uni.createFrom().nullItem();
        }
        String path = request.getUriInfo().getPath();
        // A token that fails authentication is not counted here; the endpoint answers it with 401.
        return identities.getDeferredIdentity().onItemOrFailure().transform((identity, failure) ->
                failure != null || identity == null || identity.isAnonymous() ? null : check(subjectOf(identity), path));
    }

    private Response check(String subject, String path) {
        TokenBuckets.Decision decision = buckets().tryAcquire(subject);
        if (decision.allowed()) {
            return null;
        }
        long retry = decision.retryAfterSeconds();
        Problem.Text detail = m -> m.rate_limited(perMinute, burst, retry);
        Problem problem = new Problem("/problems/rate-limited", "Too Many Requests", 429, Problem.Text.english(detail), detail,
                path, List.of(), Map.of("limit", "kuznia.rate-limit.writes-per-minute", "writesPerMinute", perMinute,
                "burst", burst, "retryAfterSeconds", decision.retryAfterSeconds()));
        return Response.fromResponse(ProblemMappers.respond(problem))
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(decision.retryAfterSeconds())).build();
    }

    private TokenBuckets buckets() {
        TokenBuckets current = buckets;
        if (current == null) {
            synchronized (this) {
                if (buckets == null) {
                    buckets = new TokenBuckets(perMinute, burst, System::nanoTime);
                }
                current = buckets;
            }
        }
        return current;
    }

    private static String subjectOf(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null) {
            return jwt.getSubject();
        }
        return identity.getPrincipal().getName();
    }
}
