package org.lankit.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lankit.hub.HubConfig;
import org.lankit.peer.MasterClient;
import org.lankit.peer.MasterError;
import org.lankit.store.KitStore;
import org.lankit.sync.Protocol.PullResponse;
import org.lankit.testkit.PairedDevice;
import org.lankit.testkit.RunningMaster;

/**
 * A master opens a large store, answers its first request, and answers 1-entry pulls; also the
 * page-by-page pull of a whole history and the 1-entry pull that {@link SyncBenchmark} times. The
 * store is filled directly (household entries, 5,000 per transaction), not through pushes; the
 * fill time is reported apart. Temp folders are deleted.
 * <p>
 * {@code java -cp target/lankit.jar:target/test-classes org.lankit.bench.CatchUpBenchmark [opened]}
 */
public final class CatchUpBenchmark {

    private static final int PAGE = 1000;

    private CatchUpBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println(open(args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000));
    }

    /**
     * Round trip of 100 pulls of the newest entry (since = last seq - 1) on 127.0.0.1: the server's
     * time plus loopback HTTP, an upper bound of the server time. Answers of 429 are waited out, not timed.
     */
    static Map<String, Object> onePull(PairedDevice device, long lastSeq, String label) throws Exception {
        List<Long> nanos = new ArrayList<>();
        while (nanos.size() < 100) {
            long t0 = System.nanoTime();
            try {
                PullResponse answer = device.client().pull(lastSeq - 1, 1);
                nanos.add(System.nanoTime() - t0);
                if (answer.entries().size() != 1) throw new IllegalStateException("a 1-entry pull brought " + answer.entries().size());
            } catch (MasterError e) {
                if (e.status() != 429) throw e;
                Thread.sleep(Math.max(50, e.retryAfterSeconds() * 1000));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("one_pull_" + label + "_p50_us", SyncBenchmark.percentile(nanos, 50));
        out.put("one_pull_" + label + "_p99_us", SyncBenchmark.percentile(nanos, 99));
        System.out.printf("1-entry pull round trip with %s stored: p50 %.2f ms, p99 %.2f ms%n", label,
                SyncBenchmark.percentile(nanos, 50) / 1000.0, SyncBenchmark.percentile(nanos, 99) / 1000.0);
        return out;
    }

    /** A new device pulls everything in pages of 1,000 (the hub's largest page), as politely as a phone. */
    static int pullAll(MasterClient client, int expected) throws Exception {
        long since = 0;
        int got = 0;
        int maxPages = expected / PAGE + 10;
        for (int page = 0; page < maxPages; page++) {
            long from = since;
            PullResponse answer = PushLoad.politely(() -> client.pull(from, PAGE));
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
                System.out.printf("master opens %,d entries (%,d MB) and answers /api/v1/info: %.2f s (filled in %.1f s)%n",
                        n, out.get("open_store_mb"), out.get("open_to_info_s"), out.get("open_fill_s"));
                out.putAll(onePull(master.pair("newcomer"), master.store().lastSeq(), n % 1_000_000 == 0 ? n / 1_000_000 + "m" : n / 1000 + "k"));
            }
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
