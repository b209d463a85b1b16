package org.lankit.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.lankit.store.KitStore;
import org.lankit.sync.Entry;
import org.lankit.sync.HlcClock;
import org.lankit.testkit.CouchServer;
import org.lankit.testkit.Entries;
import org.lankit.upstream.KitRef;
import org.lankit.upstream.UploaderConfig;
import org.lankit.upstream.Uploads;

/**
 * Entries per second the master uploads to each kind of team server on 127.0.0.1, for batches of
 * 100 and 1,000: the JSON API (the test kit's accept-all {@code FakeTeamApi}), OpenRosa (the test
 * kit's {@code OpenRosaServer}, one submission per entry) and CouchDB (a real CouchDB-protocol
 * server from npm, express-pouchdb on leveldb, a new database per run). Each run:
 * a fresh store with N entries, then the clock runs from starting the uploads until every entry
 * is held by the server (store reads, building the body, HTTP, the server's own work and the
 * per-entry bookkeeping, all included); afterwards the server is checked to hold each entry once.
 * <p>
 * {@code java -cp target/lankit.jar:target/test-classes org.lankit.bench.UploadBenchmark [entries]}
 */
public final class UploadBenchmark {

    record Result(String server, int entries, int batch, double seconds, int requests) {
        double perSecond() {
            return entries / seconds;
        }
    }

    /** Starts the server for one run. */
    interface ServerForRun {
        UploadBenchTarget start() throws IOException;
    }

    private UploadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        System.out.printf("Upload benchmark: %,d entries per run, per kind of server on 127.0.0.1; %d cores, Java %s, %s%n",
                entries, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        measure("JSON API", UploadBenchTarget::json, entries);
        measure("OpenRosa", UploadBenchTarget::openRosa, entries);
        try (CouchServer couch = CouchServer.start()) {
            AtomicInteger databases = new AtomicInteger();
            measure("CouchDB", () -> UploadBenchTarget.couch(couch, databases), entries);
        }
    }

    private static void measure(String server, ServerForRun servers, int entries) throws Exception {
        run(server, servers, 2_000, 100); // warm-up: JIT, ObjectBox native library, HTTP client, the server's own
        for (int batch : new int[] {100, 1000}) {
            for (int round = 1; round <= 2; round++) {
                Result r = run(server, servers, entries, batch);
                System.out.printf("%-8s batch %5d, run %d: %,8.0f entries/s  (%,d entries in %.2f s%s)%n",
                        r.server(), r.batch(), round, r.perSecond(), r.entries(), r.seconds(),
                        r.requests() < 0 ? "" : ", " + r.requests() + " requests");
            }
        }
    }

    /** One run against the JSON API, as {@link KitBenchmark} reports it. */
    static Result run(int n, int batch) throws Exception {
        return run("JSON API", UploadBenchTarget::json, n, batch);
    }

    static Result run(String server, ServerForRun servers, int n, int batch) throws Exception {
        Path dir = Files.createTempDirectory("lankit-upload-bench");
        try (UploadBenchTarget target = servers.start(); KitStore store = KitStore.open(dir)) {
            seed(store, n);
            UploaderConfig config = UploaderConfig.defaults().withBatch(batch, 16L * 1024 * 1024);
            long start = System.nanoTime();
            try (Uploads uploads = Uploads.start(store, new KitRef("bench01", "Benchmark"), Optional.of(target.settings()), config)) {
                long deadline = start + 600_000_000_000L;
                while (uploads.status().synced() < n) {
                    if (System.nanoTime() > deadline) throw new IllegalStateException("not done within 10 minutes: " + uploads.status());
                    Thread.sleep(2);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            target.verify(n);
            return new Result(server, n, batch, seconds, target.requests());
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
