package org.lankit.upstream;

import dev.failsafe.CircuitBreaker;
import dev.failsafe.CircuitBreakerOpenException;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RetryPolicy;
import dev.failsafe.Timeout;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

/**
 * The Failsafe policies around one batch, composed as retry → circuit breaker → timeout: every
 * try gets its own timeout, the breaker counts tries, and the retry policy waits between them.
 * Which failures retry is {@link Failures#isRetryable}; nothing here loops by hand.
 * Thread-safe.
 */
final class UploadPolicies {

    /** Told about waits and the breaker, from whatever thread Failsafe runs on. */
    interface Listener {
        void retryScheduled(Throwable cause, Duration delay);

        void breakerChanged(CircuitBreaker.State state);
    }

    /** Failsafe falls back to the backoff when the delay function answers a negative delay. */
    private static final Duration USE_BACKOFF = Duration.ofNanos(-1);
    private static final Duration SHORTEST_WAIT = Duration.ofMillis(10);

    private final UploaderConfig config;
    private final CircuitBreaker<ApiAnswer> breaker;
    private final FailsafeExecutor<ApiAnswer> failsafe;

    UploadPolicies(UploaderConfig config, ScheduledExecutorService scheduler, Listener listener) {
        this.config = config;
        this.breaker = CircuitBreaker.<ApiAnswer>builder()
                .handleIf((answer, failure) -> failure != null && Failures.isBreakerFailure(failure))
                .withFailureThreshold(config.breakerFailures())
                .withDelay(config.breakerDelay())
                .onOpen(e -> listener.breakerChanged(CircuitBreaker.State.OPEN))
                .onHalfOpen(e -> listener.breakerChanged(CircuitBreaker.State.HALF_OPEN))
                .onClose(e -> listener.breakerChanged(CircuitBreaker.State.CLOSED))
                .build();
        RetryPolicy<ApiAnswer> retry = RetryPolicy.<ApiAnswer>builder()
                .handleIf((answer, failure) -> failure != null && Failures.isRetryable(failure))
                .withMaxRetries(-1)
                .withBackoff(config.firstRetryDelay(), config.maxRetryDelay())
                .withJitter(config.jitter())
                .withDelayFn(ctx -> askedDelay(ctx.getLastException()))
                .onRetryScheduled(e -> listener.retryScheduled(e.getLastException(), e.getDelay()))
                .build();
        Timeout<ApiAnswer> timeout = Timeout.of(config.requestTimeout());
        this.failsafe = Failsafe.with(retry, breaker, timeout).with(scheduler);
    }

    /** Runs {@code attempt} until the API gives a final answer; cancel the future to stop. */
    CompletableFuture<ApiAnswer> run(Supplier<CompletableFuture<ApiAnswer>> attempt) {
        return failsafe.getStageAsync(attempt::get);
    }

    CircuitBreaker.State breakerState() {
        return breaker.getState();
    }

    /** Lets the next try through at once, e.g. when the API's host answers again. */
    void probeNow() {
        if (breaker.isOpen()) breaker.halfOpen();
    }

    /** Forgets past failures, e.g. after the coordinator changed the address. */
    void resetBreaker() {
        breaker.close();
    }

    /**
     * The wait the situation asks for instead of the backoff: the rest of the breaker's pause
     * while it is open, or the API's Retry-After. Jitter still applies on top and may shorten a
     * delay by up to its fraction, so a Retry-After is stretched to keep the shortest wait at
     * what the API asked for.
     */
    private Duration askedDelay(Throwable failure) {
        Throwable t = failure == null ? null : Failures.unwrap(failure);
        if (t instanceof CircuitBreakerOpenException) {
            Duration rest = breaker.getRemainingDelay();
            return rest.compareTo(SHORTEST_WAIT) < 0 ? SHORTEST_WAIT : rest;
        }
        if (t instanceof RetryableAnswer answer && answer.retryAfter().isPresent()) {
            Duration asked = answer.retryAfter().get();
            if (asked.compareTo(config.maxRetryAfter()) > 0) asked = config.maxRetryAfter();
            return Duration.ofNanos((long) Math.ceil(asked.toNanos() / (1 - config.jitter())));
        }
        return USE_BACKOFF;
    }
}
