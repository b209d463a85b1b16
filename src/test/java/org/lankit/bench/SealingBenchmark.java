package org.lankit.bench;

import com.sun.management.ThreadMXBean;
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
import java.util.TreeMap;
import org.lankit.hub.HubConfig;
import org.lankit.hub.MasterIdentity;
import org.lankit.hub.PushService;
import org.lankit.secure.UserKeyFile;
import org.lankit.store.KitStore;
import org.lankit.store.PlainStores;
import org.lankit.sync.Entry;
import org.lankit.sync.HlcClock;
import org.lankit.sync.Json;
import org.lankit.sync.Protocol.PullResponse;
import org.lankit.testkit.PairedDevice;
import org.lankit.testkit.RunningMaster;

/**
 * What sealing entries with the data key costs the master's push and pull: the same work on a
 * sealed store and on one whose records go through the same code but stay plain
 * ({@link PlainStores}), alternated round by round so a busy machine weighs on both alike; the
 * first round of each only warms the JIT. Push: 4 phones push new entries in batches of 200 over
 * HTTP on loopback (entries/s acknowledged, each after its durable commit), and the push service's
 * CPU per entry on one thread without HTTP. Pull: a new device walks the store in pages of 1,000,
 * v2 (the stored JSON as it is: one open per entry) and v1 (parsed and written again), and the
 * changes feed is read in pages of 1,000 in the store. Medians of the measured rounds.
 * <p>
 * {@code java -cp target/lankit.jar:target/test-classes org.lankit.bench.SealingBenchmark [entries 20000] [rounds 3]}
 */
public final class SealingBenchmark {

    private static final int BATCH = 200;
    private static final int DEVICES = 4;
    private static final int PAGE = 1000;
    private static final int SERVICE_ENTRIES = 5000;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private SealingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path keyHome = Files.createTempDirectory("lankit-sealing-keys");
        // the data keys of the benchmark's folders stay out of the user's own key folder
        if (System.getProperty(UserKeyFile.HOME_PROPERTY, System.getenv(UserKeyFile.HOME_VARIABLE)) == null) {
            System.setProperty(UserKeyFile.HOME_PROPERTY, keyHome.toString());
        }
        System.out.println("machine: " + Machine.describe());
        System.out.println("load average at start: " + Machine.loadAverage());
        Map<String, Map<String, List<Double>>> byVariant = new TreeMap<>();
        for (int round = 0; round <= rounds; round++) {
            for (boolean sealed : round % 2 == 0 ? new boolean[] {true, false} : new boolean[] {false, true}) {
                Map<String, Double> figures = round(sealed, entries);
                if (round == 0) continue; // warm-up
                String variant = sealed ? "sealed" : "plain";
                figures.forEach((k, v) -> byVariant.computeIfAbsent(k, x -> new TreeMap<>())
                        .computeIfAbsent(variant, x -> new ArrayList<>()).add(v));
                System.out.printf("round %d %-6s %s%n", round, variant, figures);
            }
        }
        System.out.println("load average at end: " + Machine.loadAverage());
        UploadBenchmark.delete(keyHome);
        System.out.printf("%-36s %12s %12s %8s%n", "median of " + rounds + " rounds", "sealed", "plain", "sealed/plain");
        byVariant.forEach((k, v) -> {
            double s = median(v.get("sealed"));
            double p = median(v.get("plain"));
            System.out.printf("%-36s %12.1f %12.1f %8.2f%n", k, s, p, s / p);
        });
        System.exit(0); // the hub's WebSocket ping thread would keep the JVM alive
    }

    private static Map<String, Double> round(boolean sealed, int entries) throws Exception {
        Path dir = Files.createTempDirectory("lankit-sealing");
        Map<String, Double> out = new LinkedHashMap<>();
        try {
            KitStore store = sealed ? KitStore.open(dir) : PlainStores.open(dir);
            HubConfig unthrottled = HubConfig.defaults().withRateLimit(1e9, 1e9).withAnnouncement(false);
            try (RunningMaster master = RunningMaster.start(store, dir, 0, unthrottled)) {
                store.forms().save(BenchEntries.FORM);
                List<PairedDevice> phones = new ArrayList<>();
                for (int i = 0; i < DEVICES; i++) phones.add(master.pair("phone-" + i));
                out.put("push_http_entries_per_s", PushLoad.run(phones, BATCH, entries));
                out.put("push_service_cpu_us_per_entry", pushServiceCpu(store));
                PairedDevice reader = master.pair("reader");
                out.put("pull_http_v2_entries_per_s", catchUp(master, reader, "2"));
                out.put("pull_http_v1_entries_per_s", catchUp(master, reader, "1"));
                out.put("feed_in_store_entries_per_s", feed(store));
            }
        } finally {
            UploadBenchmark.delete(dir);
        }
        return out;
    }

    /** The push service on this thread, batches of 200 new entries: CPU µs per entry (a commit's wait on the disk is not CPU). */
    private static double pushServiceCpu(KitStore store) {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        PushService push = new PushService(store, new MasterIdentity("master", "bench", "0", HlcClock.system("master")));
        HlcClock device = HlcClock.system("phone_cpu");
        List<List<Entry>> batches = new ArrayList<>();
        for (int n = 0; n < SERVICE_ENTRIES; n += BATCH) batches.add(BenchEntries.batch(device, BATCH));
        long cpu = threads.getCurrentThreadCpuTime();
        for (var b : batches) push.push("phone_cpu", b);
        return (threads.getCurrentThreadCpuTime() - cpu) / 1e3 / SERVICE_ENTRIES;
    }

    /** A new device's walk of the whole store over HTTP, parsing each answer as a device does: entries/s. */
    private static double catchUp(RunningMaster master, PairedDevice reader, String format) throws Exception {
        long entries = master.store().entryCount();
        long since = 0;
        long got = 0;
        long t0 = System.nanoTime();
        while (true) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(master.baseUrl() + "/api/v1/sync/pull?since=" + since
                            + "&limit=" + PAGE + "&format=" + format))
                    .header("Authorization", "Bearer " + reader.token()).timeout(Duration.ofSeconds(30)).GET().build();
            HttpResponse<byte[]> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (answer.statusCode() != 200) throw new IllegalStateException("pull answered " + answer.statusCode());
            PullResponse page = Json.MAPPER.readValue(answer.body(), PullResponse.class);
            got += page.entries().size();
            since = page.lastSeq();
            if (!page.more()) break;
        }
        if (got != entries) throw new IllegalStateException("pulled " + got + " entries, expected " + entries);
        return entries / CatchUpBenchmark.seconds(t0);
    }

    /** The changes feed read in the store as the v2 pull does (stored JSON, opened, not parsed): entries/s. */
    private static double feed(KitStore store) {
        long t0 = System.nanoTime();
        long since = 0;
        long got = 0;
        for (var page = store.storedChangesAfter(0, PAGE); !page.isEmpty(); page = store.storedChangesAfter(since, PAGE)) {
            got += page.size();
            since = page.get(page.size() - 1).seq();
        }
        return got / CatchUpBenchmark.seconds(t0);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
