package ua.kuznia.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import ua.kuznia.common.EntityChanged;
import ua.kuznia.organization.OrganizationChanged;
import ua.kuznia.organization.OrganizationKind;
import ua.kuznia.taxonomy.Classification;

/**
 * The organization a token's "org" claim names, with the clearances need-to-know is decided by,
 * kept for a moment. Every authenticated request needs it, and looking it up was a tenth of a
 * read's cost under load.
 *
 * <p>Clearance decides what a caller may see, so a change must not linger: this instance forgets
 * every membership as soon as an organization change commits here, and the one membership a
 * profile change touches (its manufacturer's, or one that had no profile yet) as soon as that
 * commits here or reaches it from another instance; a change committed through another instance
 * is seen after at most {@code max-age} in any case (one second by default, the same bound as the
 * matcher index's propagation between instances). A lookup that raced such a change is not kept.
 * Profiles change many times a second under load, and forgetting every caller on each of them
 * left the cache all but empty.
 */
@ApplicationScoped
public class CallerMemberships {

    /**
     * What {@link CallerService} reads of the caller's organization; {@code profileId} and
     * {@code profile} (its clearance) are null without a profile.
     */
    public record Membership(long id, String code, OrganizationKind kind, Classification vetted, Long profileId,
                             Classification profile) {

        /** Whether a change of that profile may change this membership: it is this one's, or it may be its first. */
        boolean readsProfile(long changed) {
            return profileId == null ? kind == OrganizationKind.MANUFACTURER : profileId == changed;
        }
    }

    private record Kept(Optional<Membership> membership, long loadedAt) {
    }

    @ConfigProperty(name = "kuznia.security.membership-cache.max-age", defaultValue = "PT1S")
    Duration maxAge;

    @ConfigProperty(name = "kuznia.security.membership-cache.max-entries", defaultValue = "10000")
    int maxEntries;

    LongSupplier nanoTime = System::nanoTime;

    private final Map<String, Kept> kept = new ConcurrentHashMap<>();
    /** Moves on with every forget, so that a lookup begun before it is not kept after it. */
    private final AtomicLong generation = new AtomicLong();

    /** The membership for the organization code, from a recent lookup or from {@code load}. */
    public Optional<Membership> find(String code, Function<String, Optional<Membership>> load) {
        long now = nanoTime.getAsLong();
        Kept recent = kept.get(code);
        if (recent != null && now - recent.loadedAt() < maxAge.toNanos()) {
            return recent.membership();
        }
        long before = generation.get();
        Optional<Membership> membership = load.apply(code);
        if (!maxAge.isZero() && !maxAge.isNegative() && generation.get() == before) {
            if (kept.size() >= maxEntries) {
                kept.clear();
            }
            kept.put(code, new Kept(membership, now));
        }
        return membership;
    }

    /** Forgets every membership: an organization, its clearance or its members may have changed. */
    public void forgetAll() {
        generation.incrementAndGet();
        kept.clear();
    }

    /**
     * Forgets the memberships a change of this profile may alter: its manufacturer's, and those of
     * manufacturers that had no profile when looked up (it may be their new one). A profile never
     * moves to another organization.
     */
    public void forgetProfile(long profileId) {
        generation.incrementAndGet();
        kept.values().removeIf(k -> k.membership().map(m -> m.readsProfile(profileId)).orElse(false));
    }

    void onOrganizationChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) OrganizationChanged change) {
        forgetAll();
    }

    /** A profile carries its manufacturer's clearance; offers and rule sets do not touch memberships. */
    void onEntityChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) EntityChanged change) {
        if (change.type() == EntityChanged.Type.PROFILE) {
            forgetProfile(change.id());
        }
    }
}
