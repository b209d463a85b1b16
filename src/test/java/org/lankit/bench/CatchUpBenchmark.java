package org.lankit.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lankit.hub.HubConfig;
import org.lankit.peer.MasterClient;
import org.lankit.store.KitStore;
import org.lankit.sync.Protocol.PullResponse;
import org.lankit.testkit.PairedDevice;
import org.lankit.testkit.RunningMaster;

/**
 * Catch-up: a new device pulls a master's whole history page by page, and a master opens a large
 * store and answers its first request. The stores are filled directly (5,000 entries per
 * transaction), not through pushes; the fill time is reported apart. Temp folders are deleted.
 * <p>
 * {@code java -cp target/lankit.jar:target/test-classes org.lankit.bench.CatchUpBenchmark [pulled] [opened]}
 */
public final class CatchUpBenchmark {

    private static final int PAGE = 1000;

    private CatchUpBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int pulled = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int opened = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        Map<String, Object> results = new LinkedHashMap<>(pull(pulled));
        results.putAll(open(opened));
        System.out.println(results);
    }

    /** A new device pulls n entries in pages of 1,000 (the hub's largest page). */
    static Map<String, Object> pull(int n) throws Exception {
        Path dir = Files.createTempDirectory("lankit-catchup");
        Map<String, Object> out = new LinkedHashMap<>();
        HubConfig unthrottled = HubConfig.defaults().withRateLimit(1e9, 1e9).withAnnouncement(false);
        try (RunningMaster master = RunningMaster.start(dir, 0, unthrottled)) {
            long t0 = System.nanoTime();
            UploadBenchmark.seed(master.store(), n);
            out.put("catchup_pull_fill_s", round(seconds(t0)));
            PairedDevice device = master.pair("newcomer");
            long t1 = System.nanoTime();
            int got = pullAll(device.client(), n);
            double took = seconds(t1);
            if (got != n) throw new IllegalStateException("pulled " + got + " entries, expected " + n);
            out.put("catchup_pull_entries", n);
            out.put("catchup_pull_s", round(took));
            out.put("catchup_pull_entries_per_s", Math.round(n / took));
            System.out.printf("new device pulls %,d entries: %.1f s (%,.0f entries/s; store filled in %.1f s)%n",
                    n, took, n / took, out.get("catchup_pull_fill_s"));
        } finally {
            UploadBenchmark.delete(dir);
        }
        return out;
    }

    private static int pullAll(MasterClient client, int expected) throws Exception {
        long since = 0;
        int got = 0;
        int maxPages = expected / PAGE + 10;
        for (int page = 0; page < maxPages; page++) {
            PullResponse answer = client.pull(since, PAGE);
            got += answer.entries().size();
            since = answer.lastSeq();
            if (!answer.more()) return got;
        }
        throw new IllegalStateException("still more after " + maxPages + " pages");
    }

    /** Fills a store with n entries, closes it, then times starting a master on it until it answers /api/v1/info. */
    static Map<String, Object> open(int n) throws Exception {
        Path dir = Files.createTempDirectory("lankit-open");
        Map<String, Object> out = new LinkedHashMap<>();
        try {
            long t0 = System.nanoTime();
            try (KitStore store = KitStore.open(dir)) {
                UploadBenchmark.seed(store, n);
            }
            out.put("open_fill_s", round(seconds(t0)));
            out.put("open_store_mb", Math.round(folderBytes(dir) / 1e6));
            long t1 = System.nanoTime();
            try (RunningMaster master = RunningMaster.start(dir, 0, HubConfig.defaults().withAnnouncement(false))) {
                new MasterClient(master.baseUrl(), null).info();
                double took = seconds(t1);
                long count = master.store().entryCount();
                if (count != n) throw new IllegalStateException("the store holds " + count + " entries, expected " + n);
                out.put("open_entries", n);
                out.put("open_to_info_s", round(took));
            }
            System.out.printf("master opens %,d entries (%,d MB) and answers /api/v1/info: %.2f s (filled in %.1f s)%n",
                    n, out.get("open_store_mb"), out.get("open_to_info_s"), out.get("open_fill_s"));
        } finally {
            UploadBenchmark.delete(dir);
        }
        return out;
    }

    private static long folderBytes(Path dir) throws Exception {
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
