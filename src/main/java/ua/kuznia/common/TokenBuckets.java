package ua.kuznia.common;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per key, in memory. A bucket holds at most {@code burst} tokens and gains
 * {@code perMinute} tokens a minute; each permitted action takes one. A bucket that has been idle
 * long enough to be full again is the same as no bucket, so such buckets are dropped and memory
 * stays proportional to the keys active in the last refill period.
 */
public final class TokenBuckets {

    /** Whether the action may proceed; when not, how many whole seconds until a token is back. */
    public record Decision(boolean allowed, long retryAfterSeconds) {
    }

    /** Immutable so that a concurrent sweep removes a bucket only if nobody has taken from it since. */
    private record Bucket(double tokens, long updatedNanos) {
    }

    private static final long NANOS_PER_MINUTE = 60_000_000_000L;

    private final double burst;
    private final double tokensPerNano;
    private final long fullRefillNanos;
    private final LongSupplier clock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private volatile long lastSweepNanos;

    public TokenBuckets(int perMinute, int burst, LongSupplier nanoClock) {
        if (perMinute < 1 || burst < 1) {
            throw new IllegalArgumentException("rate and burst must be at least 1, got " + perMinute + " and " + burst);
        }
        this.burst = burst;
        this.tokensPerNano = perMinute / (double) NANOS_PER_MINUTE;
        this.fullRefillNanos = (long) Math.ceil(burst / tokensPerNano);
        this.clock = nanoClock;
        this.lastSweepNanos = nanoClock.getAsLong();
    }

    public Decision tryAcquire(String key) {
        long now = clock.getAsLong();
        sweepIfDue(now);
        Decision[] decision = new Decision[1];
        buckets.compute(key, (k, bucket) -> {
            double tokens = bucket == null ? burst
                    : Math.min(burst, bucket.tokens + (now - bucket.updatedNanos) * tokensPerNano);
            if (tokens >= 1) {
                decision[0] = new Decision(true, 0);
                return new Bucket(tokens - 1, now);
            }
            long waitNanos = (long) Math.ceil((1 - tokens) / tokensPerNano);
            decision[0] = new Decision(false, Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L));
            return new Bucket(tokens, now);
        });
        return decision[0];
    }

    /** Keys currently tracked. */
    public int size() {
        return buckets.size();
    }

    private void sweepIfDue(long now) {
        if (now - lastSweepNanos < fullRefillNanos) {
            return;
        }
        lastSweepNanos = now;
        buckets.entrySet().removeIf(e -> now - e.getValue().updatedNanos >= fullRefillNanos);
    }
}
