package org.lankit.upstream;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the server already answered for the instances of one batch, kept across its tries. An
 * OpenRosa batch is one request per instance; were every try to start again from the first, a
 * batch of n would go through only when n requests in a row succeed, which a flaky network may
 * never allow. So a try skips the instances an earlier try of the same batch got an answer for.
 * Kept in memory only: after a restart they are sent again and come back as duplicates.
 * Thread-safe (a try that timed out may still note its last answer while the next try runs).
 */
final class BatchProgress {

    private final String key;
    private final Map<String, String> refs = new ConcurrentHashMap<>();
    private final Map<String, String> rejected = new ConcurrentHashMap<>();
    private final AtomicInteger tries = new AtomicInteger();

    BatchProgress(String key) {
        this.key = key;
    }

    String key() {
        return key;
    }

    /** A new try begins; earlier tries still running stop submitting ({@link #isLatest}). Returns its number. */
    int startTry() {
        return tries.incrementAndGet();
    }

    /** Whether {@code attempt} is the newest try: one the retry policy gave up on (a timeout) must not race the next. */
    boolean isLatest(int attempt) {
        return tries.get() == attempt;
    }

    void delivered(String uuid, String ref) {
        refs.put(uuid, ref);
    }

    void rejected(String uuid, String reason) {
        rejected.put(uuid, reason);
    }

    boolean isAnswered(String uuid) {
        return refs.containsKey(uuid) || rejected.containsKey(uuid);
    }

    Map<String, String> refs() {
        return Map.copyOf(refs);
    }

    Map<String, String> rejected() {
        return Map.copyOf(rejected);
    }
}
