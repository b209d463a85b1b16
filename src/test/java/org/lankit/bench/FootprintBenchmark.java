package org.lankit.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.lankit.bench.MasterProcess.Start;
import org.lankit.peer.MasterClient;
import org.lankit.store.DataFolders;
import org.lankit.testkit.PairedDevice;

/**
 * The master as users start it, a separate process (see {@link MasterProcess}): cold start to
 * "Join URL" printed (after a first start has written the class-data archive), then five devices pushing batches of 500 (entries/s, the master's CPU per
 * entry, its peak resident memory) and one device pushing batches of 100, all with the master's
 * default settings (its per-device rate limit included). A second round of the five-device push
 * reads the bytes the master allocates per entry over JMX. Linux only (reads /proc).
 * <p>
 * {@code java -cp target/lankit.jar:target/test-classes org.lankit.bench.FootprintBenchmark}
 */
public final class FootprintBenchmark {

    static final int PUSHED = 100_000;
    private static final int STARTS = 5;

    private FootprintBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println(run());
    }

    static Map<String, Object> run() throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("jar_mb", CatchUpBenchmark.round(Files.size(Path.of("target", "lankit.jar")) / 1e6));
        firstStart(out);
        for (Start start : Start.values()) coldStart(start, out);
        push(Start.LAUNCHER, "", out);
        push(Start.JAVA_JAR, "java_jar_", out);
        return out;
    }

    /**
     * A user's first start writes the class-data archive the later starts map (see the launchers):
     * start until this jar's archive is there, and report how long that first start took to "Join URL".
     */
    private static void firstStart(Map<String, Object> out) throws Exception {
        Path jar = Path.of("target", "lankit.jar");
        Path archive = DataFolders.runtimeDir().resolve("lankit-" + Files.size(jar) + "-" + System.getProperty("java.vm.version") + ".jsa");
        // an archive older than the jar is refused by the JVM and replaced by the next start
        for (int attempt = 0; attempt < 2 && !newerThan(archive, jar); attempt++) {
            try (MasterProcess m = MasterProcess.start(Start.LAUNCHER)) {
                out.put("first_start_ms", m.startNanos / 1_000_000);
                for (int waited = 0; waited < 60 && !newerThan(archive, jar); waited++) Thread.sleep(500);
            }
        }
        System.out.printf("first start (writes the class-data archive %s): %s ms to \"Join URL\"%n", archive, out.get("first_start_ms"));
    }

    private static boolean newerThan(Path archive, Path jar) throws IOException {
        return Files.exists(archive) && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) >= 0;
    }

    private static void coldStart(Start start, Map<String, Object> out) throws Exception {
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < STARTS; i++) {
            try (MasterProcess m = MasterProcess.start(start)) {
                nanos.add(m.startNanos);
            }
        }
        String key = "cold_start_" + start.name().toLowerCase();
        out.put(key + "_median_ms", SyncBenchmark.percentile(nanos, 50) / 1000);
        out.put(key + "_runs_ms", nanos.stream().map(n -> n / 1_000_000).toList());
        System.out.printf("cold start to \"Join URL\" (%s): median %d ms %s%n", String.join(" ", MasterProcess.command(start)),
                out.get(key + "_median_ms"), out.get(key + "_runs_ms"));
    }

    /** Figures of one master: keys prefixed by {@code prefix} (empty for the launcher's start, the one the goals name). */
    private static void push(Start start, String prefix, Map<String, Object> out) throws Exception {
        try (MasterProcess m = MasterProcess.start(start)) {
            List<PairedDevice> devices = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                MasterClient client = new MasterClient(m.baseUrl, null);
                var paired = client.pair(MasterProcess.CODE, "load-" + i, "phone");
                devices.add(new PairedDevice(paired.deviceId(), paired.token(), client));
            }
            Thread.sleep(2_000); // let start-up work settle
            out.put(prefix + "rss_idle_mb", m.memoryMb().get("VmRSS"));
            Long parent = m.waitingParentMemoryMb().get("VmRSS");
            if (parent != null) out.put(prefix + "waiting_parent_rss_mb", parent);
            PushLoad.run(devices, 500, 20_000); // warm-up: JIT, store
            long cpu0 = m.cpuMicros();
            Map<String, Long> peaks = new ConcurrentHashMap<>();
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(PushLoad.daemon());
            sampler.scheduleAtFixedRate(() -> sample(m, peaks), 0, 200, TimeUnit.MILLISECONDS);
            double rate;
            try {
                rate = PushLoad.run(devices, 500, PUSHED);
            } finally {
                sampler.shutdownNow();
            }
            long cpu = m.cpuMicros() - cpu0;
            sample(m, peaks);
            out.put(prefix + "push_5dev_batch500_entries_per_s", Math.round(rate));
            out.put(prefix + "push_5dev_cpu_us_per_entry", cpu / PUSHED);
            out.put(prefix + "rss_peak_mb", m.memoryMb().get("VmHWM"));
            out.put(prefix + "rss_push_peak_anon_mb", peaks.get("RssAnon"));
            out.put(prefix + "rss_push_peak_file_mb", peaks.get("RssFile"));
            long alloc0 = m.allocatedBytes();
            PushLoad.run(devices, 500, PUSHED / 2);
            out.put(prefix + "push_5dev_alloc_bytes_per_entry", (m.allocatedBytes() - alloc0) / (PUSHED / 2));
            out.put(prefix + "push_1dev_batch100_entries_per_s", Math.round(PushLoad.run(devices.subList(0, 1), 100, 20_000)));
            System.out.printf("%s: push 5 devices x 500: %,d entries/s, %d us CPU and %,d bytes allocated per entry; 1 device x 100: %,d entries/s;"
                            + " RSS idle %d MB, peak %d MB (during the push at most %d MB anonymous, %d MB mapped files)%s%n",
                    String.join(" ", MasterProcess.command(start)), out.get(prefix + "push_5dev_batch500_entries_per_s"),
                    out.get(prefix + "push_5dev_cpu_us_per_entry"), out.get(prefix + "push_5dev_alloc_bytes_per_entry"),
                    out.get(prefix + "push_1dev_batch100_entries_per_s"), out.get(prefix + "rss_idle_mb"), out.get(prefix + "rss_peak_mb"),
                    out.get(prefix + "rss_push_peak_anon_mb"), out.get(prefix + "rss_push_peak_file_mb"),
                    out.containsKey(prefix + "waiting_parent_rss_mb") ? "; waiting parent JVM " + out.get(prefix + "waiting_parent_rss_mb") + " MB" : "");
        }
    }

    /** Keeps the highest anonymous and file-backed resident memory seen. */
    private static void sample(MasterProcess m, Map<String, Long> peaks) {
        try {
            m.memoryMb().forEach((key, mb) -> peaks.merge(key, mb, Math::max));
        } catch (IOException e) {
            // the master is stopping: the samples so far stand
        }
    }
}
