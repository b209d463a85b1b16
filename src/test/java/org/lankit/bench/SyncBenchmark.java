package org.lankit.bench;

import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.lankit.hub.HubConfig;
import org.lankit.sync.Json;
import org.lankit.testkit.PairedDevice;
import org.lankit.testkit.RunningMaster;

/**
 * A master holding 100,000 entries (filled directly, not through the hub), default settings,
 * in this process on 127.0.0.1: a new device catches up on all of them, a 1-entry pull's round
 * trip, propagation to four live devices, and bytes per entry on the wire. Writes
 * target/bench/sync.json.
 * <p>
 * {@code java -cp target/lankit.jar:target/test-classes org.lankit.bench.SyncBenchmark}
 */
public final class SyncBenchmark {

    static final int STORED = 100_000;
    private static final int ROUNDS = 200;

    private SyncBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Object> results = run();
        Path out = Path.of("target", "bench", "sync.json");
        Files.createDirectories(out.getParent());
        Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), results);
        System.out.println("\nwritten " + out.toAbsolutePath());
        System.exit(0); // Javalin's websocket ping thread of the stopped master is not a daemon
    }

    static Map<String, Object> run() throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        Path dir = Files.createTempDirectory("lankit-bench");
        try (RunningMaster master = RunningMaster.start(dir, 0, HubConfig.defaults().withAnnouncement(false))) {
            long t0 = System.nanoTime();
            BenchEntries.seed(master.store(), STORED);
            System.out.printf("store filled with %,d entries in %.1f s%n", STORED, CatchUpBenchmark.seconds(t0));
            PairedDevice newcomer = master.pair("newcomer");
            long t1 = System.nanoTime();
            int got = CatchUpBenchmark.pullAll(newcomer.client(), STORED);
            double took = CatchUpBenchmark.seconds(t1);
            if (got != STORED) throw new IllegalStateException("pulled " + got + " entries, expected " + STORED);
            out.put("catchup_pull_s", CatchUpBenchmark.round(took));
            out.put("catchup_pull_entries_per_s", Math.round(STORED / took));
            System.out.printf("new device pulls %,d entries: %.2f s (%,.0f entries/s)%n", STORED, took, STORED / took);
            out.putAll(CatchUpBenchmark.onePull(newcomer, master.store().lastSeq(), "100k"));
            List<PairedDevice> devices = new ArrayList<>();
            for (int i = 0; i < 5; i++) devices.add(master.pair("bench-" + i));
            out.putAll(propagation(devices, master.store().lastSeq()));
            System.out.printf("push acknowledged -> another device holds it (5 devices, %,d stored): p50 %.1f ms, p99 %.1f ms"
                            + " (told on the live socket: p50 %.1f ms, p99 %.1f ms)%n", STORED,
                    ms(out, "propagation_p50_us"), ms(out, "propagation_p99_us"), ms(out, "told_p50_us"), ms(out, "told_p99_us"));
            out.putAll(WireBytes.measure(master.baseUrl(), devices.get(0)));
            System.out.printf("bytes per entry, push plain / gzip: %s / %s; pull plain / gzip: %s / %s%n", out.get("bytes_per_entry_push_plain"),
                    out.get("bytes_per_entry_push_gzip"), out.get("bytes_per_entry_pull_plain"), out.get("bytes_per_entry_pull_gzip"));
        } finally {
            UploadBenchmark.delete(dir);
        }
        return out;
    }

    /**
     * Device 0 pushes one entry at a time; devices 1-4 are told over the live socket and pull.
     * A device may be told before the pusher has read its acknowledgement: that counts as 0 ms.
     */
    static Map<String, Object> propagation(List<PairedDevice> devices, long startSeq) throws Exception {
        List<PairedDevice> listeners = devices.subList(1, devices.size());
        List<Long> told = new ArrayList<>();
        List<Long> held = new ArrayList<>();
        List<long[]> roundTimes = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pullers = Executors.newFixedThreadPool(listeners.size(), PushLoad.daemon());
        List<WebSocket> sockets = new ArrayList<>();
        CountDownLatch[] roundDone = new CountDownLatch[1];
        for (PairedDevice l : listeners) {
            AtomicLong checkpoint = new AtomicLong(startSeq);
            sockets.add(l.client().live(seq -> {
                if (seq <= checkpoint.get()) return;
                long toldAt = System.nanoTime();
                pullers.execute(() -> {
                    try {
                        var page = PushLoad.politely(() -> l.client().pull(checkpoint.get(), 500));
                        checkpoint.set(page.lastSeq());
                        roundTimes.add(new long[] {toldAt, System.nanoTime()});
                        roundDone[0].countDown();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
            }, () -> { }).get(5, TimeUnit.SECONDS));
        }
        Thread.sleep(300);
        PairedDevice pusher = devices.get(0);
        for (int i = 0; i < ROUNDS; i++) {
            roundTimes.clear();
            roundDone[0] = new CountDownLatch(listeners.size());
            PushLoad.politely(() -> pusher.client().push(BenchEntries.batch(pusher.clock(), 1)));
            long ackedAt = System.nanoTime();
            if (!roundDone[0].await(10, TimeUnit.SECONDS)) throw new IllegalStateException("a device was not told in 10 s");
            synchronized (roundTimes) {
                for (long[] t : roundTimes) {
                    told.add(Math.max(0, t[0] - ackedAt));
                    held.add(Math.max(0, t[1] - ackedAt));
                }
            }
        }
        sockets.forEach(WebSocket::abort);
        pullers.shutdownNow();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("propagation_p50_us", percentile(held, 50));
        out.put("propagation_p99_us", percentile(held, 99));
        out.put("told_p50_us", percentile(told, 50));
        out.put("told_p99_us", percentile(told, 99));
        return out;
    }

    private static double ms(Map<String, Object> r, String key) {
        return ((Number) r.get(key)).doubleValue() / 1000;
    }

    /** The p-th percentile of nanosecond samples, in microseconds. */
    static long percentile(List<Long> nanos, int p) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        if (sorted.isEmpty()) return -1;
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1000;
    }
}
