package org.lankit.testkit;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits, a bounded time, for something that happens in the background. */
public final class Eventually {

    private Eventually() {
    }

    public static void within(Duration limit, String what, BooleanSupplier condition) {
        within(limit, () -> what, condition);
    }

    /** As above; {@code what} is asked only on failure, so it can say how things stand then. */
    public static void within(Duration limit, Supplier<String> what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) return;
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what.get());
            }
        }
        if (!condition.getAsBoolean()) throw new AssertionError("not within " + limit.toSeconds() + " s: " + what.get());
    }
}
