package org.lankit.upstream;

import java.time.Duration;

/**
 * How the uploader batches and retries; an immutable snapshot. {@link #defaults()}: batches of
 * at most 100 entries and 1 MB, 30 s per request, retries after 1 s doubling up to 60 s with
 * ±25 % jitter, a Retry-After honoured up to 15 minutes, the circuit opening after 5 failures in a
 * row and letting one probe through after 20 s (so within 25 s, jitter included), and a
 * connectivity check every 5 s while offline.
 *
 * @param batchSize       most entries in one request
 * @param maxBatchBytes   most bytes of entries and their photos in one batch (a single larger entry still goes alone)
 * @param requestTimeout  the limit for one request, connecting included
 * @param firstRetryDelay delay before the first retry; it doubles after each failure
 * @param maxRetryDelay   the cap of that doubling
 * @param jitter          random spread of each delay, as a fraction of it (0 to 1)
 * @param maxRetryAfter   the longest Retry-After the API may ask for
 * @param breakerFailures failures in a row that open the circuit
 * @param breakerDelay    how long the circuit stays open before one probe is let through
 * @param probeInterval   how often to check, while offline, whether the API's host answers again
 */
public record UploaderConfig(int batchSize, long maxBatchBytes, Duration requestTimeout,
                             Duration firstRetryDelay, Duration maxRetryDelay, double jitter, Duration maxRetryAfter,
                             int breakerFailures, Duration breakerDelay, Duration probeInterval) {

    public UploaderConfig {
        if (batchSize < 1) throw new IllegalArgumentException("batchSize must be at least 1");
        if (maxBatchBytes < 1) throw new IllegalArgumentException("maxBatchBytes must be at least 1");
        if (jitter < 0 || jitter >= 1) throw new IllegalArgumentException("jitter must be in [0, 1)");
        if (breakerFailures < 1) throw new IllegalArgumentException("breakerFailures must be at least 1");
        if (firstRetryDelay.compareTo(maxRetryDelay) >= 0) {
            throw new IllegalArgumentException("firstRetryDelay must be shorter than maxRetryDelay");
        }
    }

    public static UploaderConfig defaults() {
        return new UploaderConfig(100, 1024 * 1024, Duration.ofSeconds(30),
                Duration.ofSeconds(1), Duration.ofSeconds(60), 0.25, Duration.ofMinutes(15),
                5, Duration.ofSeconds(20), Duration.ofSeconds(5));
    }

    public UploaderConfig withBatch(int size, long maxBytes) {
        return new UploaderConfig(size, maxBytes, requestTimeout, firstRetryDelay, maxRetryDelay, jitter,
                maxRetryAfter, breakerFailures, breakerDelay, probeInterval);
    }

    public UploaderConfig withRequestTimeout(Duration timeout) {
        return new UploaderConfig(batchSize, maxBatchBytes, timeout, firstRetryDelay, maxRetryDelay, jitter,
                maxRetryAfter, breakerFailures, breakerDelay, probeInterval);
    }

    public UploaderConfig withRetryDelays(Duration first, Duration max, double newJitter) {
        return new UploaderConfig(batchSize, maxBatchBytes, requestTimeout, first, max, newJitter,
                maxRetryAfter, breakerFailures, breakerDelay, probeInterval);
    }

    public UploaderConfig withBreaker(int failures, Duration delay) {
        return new UploaderConfig(batchSize, maxBatchBytes, requestTimeout, firstRetryDelay, maxRetryDelay, jitter,
                maxRetryAfter, failures, delay, probeInterval);
    }

    public UploaderConfig withProbeInterval(Duration interval) {
        return new UploaderConfig(batchSize, maxBatchBytes, requestTimeout, firstRetryDelay, maxRetryDelay, jitter,
                maxRetryAfter, breakerFailures, breakerDelay, interval);
    }
}
