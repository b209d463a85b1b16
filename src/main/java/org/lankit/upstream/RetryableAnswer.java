package org.lankit.upstream;

import java.time.Duration;
import java.util.Optional;

/**
 * An answer worth trying again (408, 429, 5xx), thrown so the retry policy can handle it;
 * carries the API's Retry-After when it sent one.
 */
public final class RetryableAnswer extends RuntimeException {

    private final int status;
    private final Duration retryAfter;

    public RetryableAnswer(int status, Duration retryAfter, String reason) {
        super(reason, null, false, false);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    int status() {
        return status;
    }

    Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public static boolean isRetryableStatus(int status) {
        return status == 408 || status == 429 || status >= 500;
    }
}
