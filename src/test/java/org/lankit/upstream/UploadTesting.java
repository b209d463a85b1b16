package org.lankit.upstream;

import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.lankit.store.KitStore;
import org.lankit.sync.Entry;
import org.lankit.sync.HlcClock;
import org.lankit.testkit.Entries;

/** Shared bits of the uploader tests: short waits, seeded entries, bounded polling. */
final class UploadTesting {

    static final KitRef KIT = new KitRef("master01", "Test team");
    static final HlcClock PHONE = HlcClock.system("phone1");

    private UploadTesting() {
    }

    /**
     * Retries after 20 ms doubling to 200 ms, 10 % jitter, breaker after 50 failures. Requests may
     * take 10 s: a healthy API that answers slowly on a busy machine must not look stalled (a
     * timed-out try is sent again, and tests count requests); tests about timeouts set their own.
     */
    static UploaderConfig fast() {
        return UploaderConfig.defaults()
                .withRetryDelays(Duration.ofMillis(20), Duration.ofMillis(200), 0.1)
                .withRequestTimeout(Duration.ofSeconds(10))
                .withBreaker(50, Duration.ofMillis(500))
                .withProbeInterval(Duration.ofMillis(100));
    }

    /** Uploads to the JSON API at {@code url} (slot main), or to the remembered servers when {@code url} is null. */
    static Uploads start(KitStore store, String url, String token, UploaderConfig config) {
        return Uploads.start(store, KIT, url == null ? Optional.empty() : Optional.of(json(url, token)), config);
    }

    static TargetSettings json(String url, String token) {
        return new TargetSettings(TargetSettings.MAIN, TargetKind.JSON, ApiTarget.of(url, token).orElseThrow(), Map.of());
    }

    /** Where the entry stands now with the servers of {@code uploads}. */
    static EntryUpload.State stateOf(Uploads uploads, KitStore store, String uuid) {
        return uploads.of(store.find(uuid).orElseThrow()).state();
    }

    /** The server's reason for refusing the entry, or null. */
    static String refusalOf(Uploads uploads, KitStore store, String uuid) {
        return uploads.of(store.find(uuid).orElseThrow()).error();
    }

    /** Commits {@code n} new entries on the master, as phones' pushes would; returns them with their seqs. */
    static List<Entry> seed(KitStore store, int n) {
        return store.write(w -> {
            List<Entry> out = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Entry e = Entries.household(PHONE, "Respondent " + i, 1 + i % 50);
                out.add(e.withSeq(w.commitMasterChange(e, "phone1")));
            }
            return out;
        });
    }

    /** A new revision of the entry, committed on the master; returns its seq. */
    static long edit(KitStore store, Entry entry) {
        Entry again = Entries.household(PHONE, "Edited", 7);
        Entry edited = entry.withFields(again.fields(), null);
        return store.write(w -> w.commitMasterChange(edited, "phone1"));
    }

    static void await(String what, Duration limit, BooleanSupplier done) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) fail("waited " + limit.toMillis() + " ms for: " + what);
            sleep(10);
        }
    }

    static <T> T awaitValue(String what, Duration limit, Supplier<T> value) {
        long deadline = System.nanoTime() + limit.toNanos();
        T v;
        while ((v = value.get()) == null) {
            if (System.nanoTime() > deadline) fail("waited " + limit.toMillis() + " ms for: " + what);
            sleep(10);
        }
        return v;
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
