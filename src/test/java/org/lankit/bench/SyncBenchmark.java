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
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.lankit.hub.HubConfig;
import org.lankit.sync.Entry;
import org.lankit.sync.Json;
import org.lankit.testkit.Entries;
import org.lankit.testkit.PairedDevice;
import org.lankit.testkit.RunningMaster;

/**
 * Push throughput and propagation latency of a real master on 127.0.0.1 with simulated devices
 * speaking the wire protocol. Prints a table and writes target/bench/sync.json.
 * Run: {@code java -cp target/lankit.jar:target/test-classes org.lankit.bench.SyncBenchmark}
 */
public final class SyncBenchmark {

    private SyncBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Object> results = run();
        Path out = Path.of("target", "bench", "sync.json");
        Files.createDirectories(out.getParent());
        Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), results);
        System.out.println("\nwritten " + out.toAbsolutePath());
    }

    /** Runs both parts, prints their table and returns the figures (also used by {@link KitBenchmark}). */
    static Map<String, Object> run() throws Exception {
        Map<String, Object> results = new LinkedHashMap<>();
        Path dir = Files.createTempDirectory("lankit-bench");
        try (RunningMaster master = RunningMaster.start(dir, 0, HubConfig.defaults().withRateLimit(1e9, 1e9).withAnnouncement(false))) {
            List<PairedDevice> devices = new ArrayList<>();
            for (int i = 0; i < 5; i++) devices.add(master.pair("bench-" + i));
            warmUp(devices.get(0));
            System.out.printf("%-34s %12s%n", "push throughput", "entries/s");
            for (int deviceCount : new int[] {1, 5}) {
                for (int batch : new int[] {1, 100, 500}) {
                    int total = batch == 1 ? 1_000 : 10_000;
                    double rate = throughput(devices.subList(0, deviceCount), batch, total);
                    String name = deviceCount + " device(s), batch " + batch;
                    System.out.printf("%-34s %12.0f%n", name, rate);
                    results.put("push_" + deviceCount + "dev_batch" + batch + "_entries_per_s", Math.round(rate));
                }
            }
            Map<String, Long> latency = propagation(devices, 200, master.store().lastSeq());
            System.out.printf("%n%-34s %8s %8s%n", "propagation (5 devices, ms)", "p50", "p99");
            System.out.printf("%-34s %8.1f %8.1f%n", "push acknowledged -> notified",
                    latency.get("notified_p50_us") / 1000.0, latency.get("notified_p99_us") / 1000.0);
            System.out.printf("%-34s %8.1f %8.1f%n", "push acknowledged -> pulled",
                    latency.get("pulled_p50_us") / 1000.0, latency.get("pulled_p99_us") / 1000.0);
            results.putAll(latency);
        } finally {
            UploadBenchmark.delete(dir);
        }
        return results;
    }

    private static void warmUp(PairedDevice device) throws Exception {
        for (int i = 0; i < 20; i++) device.client().push(batchOf(device, 50));
    }

    private static double throughput(List<PairedDevice> devices, int batch, int total) throws Exception {
        int perDevice = total / devices.size();
        ExecutorService pool = Executors.newFixedThreadPool(devices.size(), daemon());
        try {
            List<List<List<Entry>>> work = new ArrayList<>();
            for (PairedDevice d : devices) {
                List<List<Entry>> batches = new ArrayList<>();
                for (int sent = 0; sent < perDevice; sent += batch) batches.add(batchOf(d, batch));
                work.add(batches);
            }
            long start = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < devices.size(); i++) {
                PairedDevice d = devices.get(i);
                List<List<Entry>> batches = work.get(i);
                running.add(pool.submit(() -> {
                    for (List<Entry> b : batches) d.client().push(b);
                    return null;
                }));
            }
            for (Future<?> f : running) f.get(10, TimeUnit.MINUTES);
            double seconds = (System.nanoTime() - start) / 1e9;
            return perDevice * devices.size() / seconds;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Device 0 pushes one entry at a time; devices 1-4 are told over the live socket and pull.
     * A device may be told before the pusher has read its acknowledgement: that counts as 0 ms.
     */
    private static Map<String, Long> propagation(List<PairedDevice> devices, int rounds, long startSeq) throws Exception {
        List<PairedDevice> listeners = devices.subList(1, devices.size());
        List<Long> notified = new ArrayList<>();
        List<Long> pulled = new ArrayList<>();
        List<long[]> roundTimes = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pullers = Executors.newFixedThreadPool(listeners.size(), daemon());
        List<WebSocket> sockets = new ArrayList<>();
        CountDownLatch[] roundDone = new CountDownLatch[1];
        for (PairedDevice l : listeners) {
            AtomicLong checkpoint = new AtomicLong(startSeq);
            sockets.add(l.client().live(seq -> {
                if (seq <= checkpoint.get()) return;
                long toldAt = System.nanoTime();
                pullers.execute(() -> {
                    try {
                        var page = l.client().pull(checkpoint.get(), 500);
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
        for (int i = 0; i < rounds; i++) {
            roundTimes.clear();
            roundDone[0] = new CountDownLatch(listeners.size());
            pusher.client().push(batchOf(pusher, 1));
            long ackedAt = System.nanoTime();
            if (!roundDone[0].await(10, TimeUnit.SECONDS)) throw new IllegalStateException("a device was not told in 10 s");
            synchronized (roundTimes) {
                for (long[] t : roundTimes) {
                    notified.add(Math.max(0, t[0] - ackedAt));
                    pulled.add(Math.max(0, t[1] - ackedAt));
                }
            }
        }
        sockets.forEach(WebSocket::abort);
        pullers.shutdownNow();
        Map<String, Long> out = new LinkedHashMap<>();
        out.put("notified_p50_us", percentile(notified, 50));
        out.put("notified_p99_us", percentile(notified, 99));
        out.put("pulled_p50_us", percentile(pulled, 50));
        out.put("pulled_p99_us", percentile(pulled, 99));
        return out;
    }

    static java.util.concurrent.ThreadFactory daemon() {
        return r -> {
            Thread t = new Thread(r);
            t.setDaemon(true);
            return t;
        };
    }

    /** The p-th percentile of nanosecond samples, in microseconds. */
    static long percentile(List<Long> nanos, int p) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        if (sorted.isEmpty()) return -1;
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1000;
    }

    static List<Entry> batchOf(PairedDevice device, int size) {
        List<Entry> batch = new ArrayList<>(size);
        var clock = device.clock();
        for (int i = 0; i < size; i++) batch.add(Entries.household(clock, "Respondent " + i, 1 + i % 50));
        return batch;
    }
}
