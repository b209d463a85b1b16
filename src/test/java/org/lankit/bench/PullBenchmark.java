package org.lankit.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lankit.hub.HubConfig;
import org.lankit.store.KitStore;
import org.lankit.sync.Json;
import org.lankit.sync.Protocol.PullResponse;
import org.lankit.testkit.PairedDevice;
import org.lankit.testkit.RunningMaster;

/**
 * The pull side of a master that already holds many entries: what a 1-entry pull costs, a new
 * device's catch-up in the hub's largest pages (v1 and v2 answers), a phone's catch-up in its own
 * page size under the default rate limit, and how soon an acknowledged push is held by the other
 * devices. Server CPU and allocation per pulled entry are read from the hub's threads
 * (ThreadMXBean), so the benchmark's own client work is left out. Temp folders are deleted.
 * <p>
 * {@code java -cp target/lankit.jar:target/test-classes org.lankit.bench.PullBenchmark [stored] [one-entry]};
 * with {@code one-entry} only the 1-entry pull is measured (for a store of 1,000,000).
 */
public final class PullBenchmark {

    /** The hub's largest page, as a laptop pulls. */
    private static final int LAPTOP_PAGE = 1000;
    /** The phone's page size (web-assets/sync.js PULL_PAGE). */
    private static final int PHONE_PAGE = 200;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private PullBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int stored = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        boolean oneEntryOnly = args.length > 1 && args[1].equals("one-entry");
        System.out.println(run(stored, oneEntryOnly));
        System.exit(0); // the hub's WebSocket ping thread would keep the JVM alive
    }

    static Map<String, Object> run(int stored, boolean oneEntryOnly) throws Exception {
        Path dir = Files.createTempDirectory("lankit-pull");
        Map<String, Object> out = new LinkedHashMap<>();
        try {
            HubConfig unthrottled = HubConfig.defaults().withRateLimit(1e9, 1e9).withAnnouncement(false);
            try (RunningMaster master = RunningMaster.start(dir, 0, unthrottled)) {
                long t0 = System.nanoTime();
                UploadBenchmark.seed(master.store(), stored);
                out.put("pull_stored_entries", stored);
                out.put("pull_fill_s", CatchUpBenchmark.round(CatchUpBenchmark.seconds(t0)));
                PairedDevice reader = master.pair("reader");
                out.putAll(oneEntryPull(master, reader));
                if (oneEntryOnly) return out;
                for (String format : new String[] {"1", "2"}) {
                    catchUp(master, reader, format, 2); // warm-up walks: the JIT settles before the timed one
                    out.putAll(catchUp(master, reader, format, 1));
                }
                List<PairedDevice> devices = new ArrayList<>();
                for (int i = 0; i < 5; i++) devices.add(master.pair("live-" + i));
                out.putAll(SyncBenchmark.propagation(devices, master.store().lastSeq()));
            }
            try (RunningMaster master = RunningMaster.start(dir, 0, HubConfig.defaults().withAnnouncement(false))) {
                out.putAll(phoneCatchUp(master, master.pair("phone")));
            }
        } finally {
            UploadBenchmark.delete(dir);
            out.forEach((k, v) -> System.out.printf("%-40s %s%n", k, v));
        }
        return out;
    }

    /** The newest entry alone: timed in the store and over HTTP on loopback. */
    private static Map<String, Object> oneEntryPull(RunningMaster master, PairedDevice reader) throws Exception {
        KitStore store = master.store();
        long last = store.lastSeq();
        List<Long> inStore = new ArrayList<>();
        List<Long> overHttp = new ArrayList<>();
        HubThreads before = HubThreads.now();
        for (int i = 0; i < 600; i++) {
            long t = System.nanoTime();
            int got = store.changesAfter(last - 1, 2).size();
            long took = System.nanoTime() - t;
            if (got != 1) throw new IllegalStateException("expected 1 entry, got " + got);
            t = System.nanoTime();
            get(master, reader, "since=" + (last - 1) + "&limit=1");
            long round = System.nanoTime() - t;
            if (i >= 100) { // the first ones warm the JIT up
                inStore.add(took);
                overHttp.add(round);
            }
        }
        HubThreads used = HubThreads.now().minus(before);
        // the same number of the cheapest request, /info, for the HTTP server's own share
        HubThreads beforeInfo = HubThreads.now();
        for (int i = 0; i < 600; i++) reader.client().info();
        HubThreads info = HubThreads.now().minus(beforeInfo);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("one_entry_pull_server_cpu_us", Math.round(used.cpuNanos() / 1e3 / 600));
        out.put("info_request_server_cpu_us", Math.round(info.cpuNanos() / 1e3 / 600));
        out.put("one_entry_pull_store_p50_us", SyncBenchmark.percentile(inStore, 50));
        out.put("one_entry_pull_store_p99_us", SyncBenchmark.percentile(inStore, 99));
        out.put("one_entry_pull_http_p50_us", SyncBenchmark.percentile(overHttp, 50));
        out.put("one_entry_pull_http_p99_us", SyncBenchmark.percentile(overHttp, 99));
        return out;
    }

    /** A new device walks the whole store in pages of 1,000, parsing each answer as a device does. */
    private static Map<String, Object> catchUp(RunningMaster master, PairedDevice reader, String format, int walks) throws Exception {
        long entries = master.store().entryCount();
        HubThreads before = HubThreads.now();
        long bytes = 0;
        long t0 = System.nanoTime();
        for (int w = 0; w < walks; w++) {
            long since = 0;
            long got = 0;
            while (true) {
                byte[] body = get(master, reader, "since=" + since + "&limit=" + LAPTOP_PAGE + "&format=" + format);
                bytes += body.length;
                PullResponse answer = Json.MAPPER.readValue(body, PullResponse.class);
                got += answer.entries().size();
                since = answer.lastSeq();
                if (!answer.more()) break;
            }
            if (got != entries) throw new IllegalStateException("pulled " + got + " entries, expected " + entries);
        }
        double seconds = CatchUpBenchmark.seconds(t0) / walks;
        HubThreads used = HubThreads.now().minus(before);
        long pulled = entries * walks;
        Map<String, Object> out = new LinkedHashMap<>();
        String k = "catchup_v" + format + "_";
        out.put(k + "s", CatchUpBenchmark.round(seconds));
        out.put(k + "entries_per_s", Math.round(entries / seconds));
        out.put(k + "bytes_per_entry", bytes / pulled);
        out.put(k + "server_cpu_us_per_entry", CatchUpBenchmark.round(used.cpuNanos() / 1e3 / pulled));
        out.put(k + "server_alloc_bytes_per_entry", used.allocatedBytes() / pulled);
        return out;
    }

    /**
     * A phone's catch-up: pages of 200 under the hub's default rate limit, waiting as told when
     * answered 429. Reports the time, how often it was told to wait and for how long.
     */
    private static Map<String, Object> phoneCatchUp(RunningMaster master, PairedDevice phone) throws Exception {
        long entries = master.store().entryCount();
        long since = 0;
        long got = 0;
        int refused = 0;
        long waitedMs = 0;
        long t0 = System.nanoTime();
        while (true) {
            HttpResponse<byte[]> answer = send(master, phone, "since=" + since + "&limit=" + PHONE_PAGE);
            if (answer.statusCode() == 429) {
                refused++;
                long wait = 1000L * Long.parseLong(answer.headers().firstValue("Retry-After").orElse("1"));
                waitedMs += wait;
                Thread.sleep(wait);
                continue;
            }
            PullResponse page = Json.MAPPER.readValue(answer.body(), PullResponse.class);
            got += page.entries().size();
            since = page.lastSeq();
            if (!page.more()) break;
        }
        if (got != entries) throw new IllegalStateException("pulled " + got + " entries, expected " + entries);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("phone_catchup_pages_of", PHONE_PAGE);
        out.put("phone_catchup_s", CatchUpBenchmark.round(CatchUpBenchmark.seconds(t0)));
        out.put("phone_catchup_429s", refused);
        out.put("phone_catchup_waited_s", waitedMs / 1000.0);
        return out;
    }

    private static byte[] get(RunningMaster master, PairedDevice device, String query) throws Exception {
        HttpResponse<byte[]> answer = send(master, device, query);
        if (answer.statusCode() != 200) throw new IllegalStateException("pull answered " + answer.statusCode());
        return answer.body();
    }

    private static HttpResponse<byte[]> send(RunningMaster master, PairedDevice device, String query) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(master.baseUrl() + "/api/v1/sync/pull?" + query))
                .header("Authorization", "Bearer " + device.token()).timeout(Duration.ofSeconds(30)).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** CPU time and allocated bytes of the hub's request and socket threads, summed. */
    private record HubThreads(long cpuNanos, long allocatedBytes) {

        static HubThreads now() {
            var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long cpu = 0;
            long allocated = 0;
            for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (info == null || !isHub(info.getThreadName())) continue;
                cpu += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
                allocated += Math.max(0, threads.getThreadAllocatedBytes(info.getThreadId()));
            }
            return new HubThreads(cpu, allocated);
        }

        HubThreads minus(HubThreads earlier) {
            return new HubThreads(cpuNanos - earlier.cpuNanos, allocatedBytes - earlier.allocatedBytes);
        }

        private static boolean isHub(String name) {
            return name.startsWith("JettyServerThreadPool") || name.startsWith("qtp") || name.startsWith("lankit-live");
        }
    }
}
