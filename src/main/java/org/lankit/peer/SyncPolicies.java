package org.lankit.peer;

import dev.failsafe.RetryPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * How a client laptop retries when the master is away: exponential backoff from half a second to
 * 30 seconds, with jitter so several laptops do not knock at once, without end (the loop stops
 * only when the laptop closes). Only failures that may pass are retried: the master unreachable,
 * busy (429) or unwell (5xx). A refusal (401, 403) ends the try and is shown to the user.
 */
final class SyncPolicies {

    private SyncPolicies() {
    }

    static RetryPolicy<Object> reconnect(Duration firstDelay, Duration maxDelay, Consumer<Throwable> onFailure) {
        return RetryPolicy.builder()
                .handleIf(SyncPolicies::isTransient)
                .withBackoff(firstDelay, maxDelay)
                .withJitter(0.25)
                .withMaxRetries(-1)
                .onRetry(e -> onFailure.accept(e.getLastException()))
                .build();
    }

    static boolean isTransient(Throwable failure) {
        if (failure instanceof MasterError e) return e.isTransient();
        return failure instanceof IOException || failure instanceof UncheckedIOException;
    }
}
