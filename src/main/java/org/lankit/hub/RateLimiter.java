package org.lankit.hub;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per key (device id or address): a short burst is fine, a flood gets told to wait
 * while other keys are served as usual. Thread-safe.
 */
final class RateLimiter {

    private final double perSecond;
    private final double burst;
    private final LongSupplier nanoClock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(double perSecond, double burst, LongSupplier nanoClock) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.nanoClock = nanoClock;
    }

    /** Takes one token; returns 0 when allowed, else the seconds to wait. */
    long acquire(String key) {
        if (buckets.size() > 10_000) buckets.clear(); // bounded memory under address spraying
        return buckets.computeIfAbsent(key, k -> new Bucket(burst, nanoClock.getAsLong())).take(this);
    }

    private static final class Bucket {
        private double tokens;
        private long lastNanos;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.lastNanos = now;
        }

        synchronized long take(RateLimiter limiter) {
            long now = limiter.nanoClock.getAsLong();
            tokens = Math.min(limiter.burst, tokens + (now - lastNanos) / 1e9 * limiter.perSecond);
            lastNanos = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / limiter.perSecond));
        }
    }
}
