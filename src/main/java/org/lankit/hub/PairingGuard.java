package org.lankit.hub;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Slows down guessing the join code. Each address may get the code wrong {@value #FREE_FAILURES}
 * times without waiting (a person mistyping); after that it waits 1 s, then 2, 4, ... up to 5 min
 * before its next try. All addresses together may get it wrong {@value #GLOBAL_BURST} times at
 * once and then once every {@value #GLOBAL_SECONDS_PER_FAILURE} s, so many addresses guess no
 * faster than one. A right code clears the address's failures. Thread-safe: a try is checked and
 * counted under one lock, so parallel guesses cannot slip past the count.
 */
final class PairingGuard {

    static final int FREE_FAILURES = 3;
    static final int GLOBAL_BURST = 30;
    static final int GLOBAL_SECONDS_PER_FAILURE = 2;
    private static final long MAX_BACKOFF_SECONDS = 300;
    /** An address that got the code wrong long ago starts afresh. */
    private static final long FORGET_NANOS = TimeUnit.HOURS.toNanos(1);
    private static final int MAX_ADDRESSES = 10_000;

    private final LongSupplier nanoClock;
    private final Map<String, Failures> byAddress = new HashMap<>();
    private double globalAllowance = GLOBAL_BURST;
    private long globalNanos;

    PairingGuard(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        this.globalNanos = nanoClock.getAsLong();
    }

    /**
     * Runs {@code check} for a try from {@code address} unless that address or everyone must wait
     * first (429 {@code too_many_guesses}); an empty answer counts as a wrong code.
     */
    synchronized <T> Optional<T> attempt(String address, Supplier<Optional<T>> check) {
        long now = nanoClock.getAsLong();
        refill(now);
        Failures mine = byAddress.get(address);
        if (mine != null && now - mine.lastNanos > FORGET_NANOS) {
            byAddress.remove(address);
            mine = null;
        }
        if (mine != null && now < mine.blockedUntilNanos) {
            throw ApiException.tooManyGuesses(seconds(mine.blockedUntilNanos - now),
                    "too many wrong join codes from this device");
        }
        if (globalAllowance < 1) {
            throw ApiException.tooManyGuesses((long) Math.ceil((1 - globalAllowance) * GLOBAL_SECONDS_PER_FAILURE),
                    "too many wrong join codes were tried on this master");
        }
        Optional<T> granted = check.get();
        if (granted.isPresent()) {
            byAddress.remove(address);
        } else {
            failed(address, mine, now);
        }
        return granted;
    }

    private void failed(String address, Failures known, long now) {
        globalAllowance -= 1;
        if (known == null && byAddress.size() >= MAX_ADDRESSES) {
            // many addresses spraying: the global allowance still holds them back
            byAddress.values().removeIf(f -> f.blockedUntilNanos <= now);
        }
        Failures f = known != null ? known : byAddress.computeIfAbsent(address, a -> new Failures());
        f.count++;
        f.lastNanos = now;
        if (f.count > FREE_FAILURES) {
            long backoff = Math.min(MAX_BACKOFF_SECONDS, 1L << Math.min(20, f.count - FREE_FAILURES - 1));
            f.blockedUntilNanos = now + TimeUnit.SECONDS.toNanos(backoff);
        }
    }

    private void refill(long now) {
        globalAllowance = Math.min(GLOBAL_BURST,
                globalAllowance + (now - globalNanos) / 1e9 / GLOBAL_SECONDS_PER_FAILURE);
        globalNanos = now;
    }

    private static long seconds(long nanos) {
        return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos + 999_999_999));
    }

    private static final class Failures {
        private int count;
        private long lastNanos;
        private long blockedUntilNanos;
    }
}
