package org.lankit.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.lankit.store.KitStore;
import org.lankit.sync.Entry;
import org.lankit.sync.HlcClock;
import org.lankit.testkit.Entries;
import org.lankit.testkit.FakeTeamApi;
import org.lankit.upstream.ApiTarget;
import org.lankit.upstream.KitRef;
import org.lankit.upstream.TargetKind;
import org.lankit.upstream.TargetSettings;
import org.lankit.upstream.UploaderConfig;
import org.lankit.upstream.Uploads;

/**
 * Entries per second the master uploads to a local API that accepts everything, for batches of
 * 100 and 1,000. Each run: a fresh store with N pending entries, then the clock runs from starting
 * the uploader until the last entry is marked synced (store reads, JSON, HTTP on 127.0.0.1, the
 * API's parsing and the per-entry bookkeeping, all included).
 * <p>
 * {@code java -cp target/lankit.jar:target/test-classes org.lankit.bench.UploadBenchmark [entries]}
 */
public final class UploadBenchmark {

    record Result(int entries, int batch, double seconds, int requests) {
        double perSecond() {
            return entries / seconds;
        }
    }

    private UploadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        System.out.printf("Upload benchmark: %,d entries per run to a local accept-all API; %d cores, Java %s, %s%n",
                entries, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        run(2_000, 100); // warm-up: JIT, ObjectBox native library, HTTP client
        for (int batch : new int[] {100, 1000}) {
            for (int round = 1; round <= 2; round++) {
                Result r = run(entries, batch);
                System.out.printf("batch %5d, run %d: %,8.0f entries/s  (%,d entries in %.2f s, %d requests)%n",
                        r.batch(), round, r.perSecond(), r.entries(), r.seconds(), r.requests());
            }
        }
    }

    static Result run(int n, int batch) throws Exception {
        Path dir = Files.createTempDirectory("lankit-upload-bench");
        try (FakeTeamApi api = FakeTeamApi.start().keepNoRequestLog(); KitStore store = KitStore.open(dir)) {
            seed(store, n);
            UploaderConfig config = UploaderConfig.defaults().withBatch(batch, 16L * 1024 * 1024);
            long start = System.nanoTime();
            TargetSettings target = new TargetSettings(TargetSettings.MAIN, TargetKind.JSON, ApiTarget.of(api.url(), "bench-token").orElseThrow(), Map.of());
            try (Uploads uploads = Uploads.start(store, new KitRef("bench01", "Benchmark"), Optional.of(target), config)) {
                long deadline = start + 600_000_000_000L;
                while (uploads.status().synced() < n) {
                    if (System.nanoTime() > deadline) throw new IllegalStateException("not done within 10 minutes");
                    Thread.sleep(2);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (api.storedRevisions() != n || api.mostTimesAnyRevisionWasStored() != 1) {
                throw new IllegalStateException("the API stored " + api.storedRevisions() + " revisions, expected " + n + " once each");
            }
            return new Result(n, batch, seconds, api.requestCount());
        } finally {
            delete(dir);
        }
    }

    /** Fills the store with n household entries from one phone, 5,000 per transaction. */
    static void seed(KitStore store, int n) {
        HlcClock phone = HlcClock.system("phone1");
        for (int done = 0; done < n; done += 5000) {
            int chunk = Math.min(5000, n - done);
            store.write(w -> {
                for (int i = 0; i < chunk; i++) {
                    Entry e = Entries.household(phone, "Respondent " + i, 1 + i % 50);
                    w.commitMasterChange(e, "phone1");
                }
                return null;
            });
        }
    }

    static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
