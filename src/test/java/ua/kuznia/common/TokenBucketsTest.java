package ua.kuznia.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The limiter's arithmetic on a clock the test moves by hand. */
class TokenBucketsTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong(42 * SECOND);

    private TokenBuckets buckets(int perMinute, int burst) {
        return new TokenBuckets(perMinute, burst, now::get);
    }

    @Test
    void aBurstIsAllowedThenRefusedWithTheWaitForTheNextToken() {
        TokenBuckets limit = buckets(120, 5);
        for (int i = 0; i < 5; i++) {
            assertTrue(limit.tryAcquire("alice").allowed(), "write " + (i + 1) + " of the burst");
        }
        TokenBuckets.Decision refused = limit.tryAcquire("alice");
        assertFalse(refused.allowed());
        // 120 a minute is one token every half second, rounded up to whole seconds.
        assertEquals(1, refused.retryAfterSeconds());
    }

    @Test
    void tokensComeBackAtTheConfiguredRate() {
        TokenBuckets limit = buckets(6, 2);
        assertTrue(limit.tryAcquire("bob").allowed());
        assertTrue(limit.tryAcquire("bob").allowed());
        TokenBuckets.Decision refused = limit.tryAcquire("bob");
        assertFalse(refused.allowed());
        assertEquals(10, refused.retryAfterSeconds(), "6 a minute: one token every 10 s");

        now.addAndGet(4 * SECOND);
        assertEquals(6, limit.tryAcquire("bob").retryAfterSeconds(), "4 s later the wait is 6 s");
        now.addAndGet(6 * SECOND);
        assertTrue(limit.tryAcquire("bob").allowed(), "10 s after emptying, one token is back");
        assertFalse(limit.tryAcquire("bob").allowed(), "and only one");

        now.addAndGet(3600 * SECOND);
        assertTrue(limit.tryAcquire("bob").allowed());
        assertTrue(limit.tryAcquire("bob").allowed());
        assertFalse(limit.tryAcquire("bob").allowed(), "an idle hour refills to the burst, not beyond");
    }

    @Test
    void eachKeyHasItsOwnBucket() {
        TokenBuckets limit = buckets(60, 1);
        assertTrue(limit.tryAcquire("alice").allowed());
        assertFalse(limit.tryAcquire("alice").allowed());
        assertTrue(limit.tryAcquire("bob").allowed(), "alice's writes do not spend bob's tokens");
    }

    @Test
    void refusedAttemptsDoNotPostponeTheNextToken() {
        TokenBuckets limit = buckets(60, 1);
        assertTrue(limit.tryAcquire("carol").allowed());
        for (int i = 0; i < 10; i++) {
            now.addAndGet(SECOND / 20);
            assertFalse(limit.tryAcquire("carol").allowed());
        }
        now.addAndGet(SECOND / 2);
        assertTrue(limit.tryAcquire("carol").allowed(), "one token a second, however often the script retried");
    }

    @Test
    void idleBucketsAreForgotten() {
        TokenBuckets limit = buckets(60, 10);
        for (int i = 0; i < 1000; i++) {
            limit.tryAcquire("user-" + i);
        }
        assertEquals(1000, limit.size());
        now.addAndGet(11 * SECOND);
        limit.tryAcquire("someone");
        assertEquals(1, limit.size(), "buckets full again are dropped; only the new key remains");
    }

    @Test
    void nonsenseLimitsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> buckets(0, 10));
        assertThrows(IllegalArgumentException.class, () -> buckets(10, 0));
    }
}
