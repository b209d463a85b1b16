package org.lankit.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.lankit.peer.MasterClient;
import org.lankit.peer.MasterError;
import org.lankit.testkit.PairedDevice;

/**
 * The real jar as a separate process: cold start to "Join URL" printed, resident memory idle and
 * under push load (VmRSS from /proc), and the jar's size. Linux only (reads /proc).
 * <p>
 * {@code java -cp target/lankit.jar:target/test-classes org.lankit.bench.FootprintBenchmark}
 */
public final class FootprintBenchmark {

    private static final Path JAR = Path.of("target", "lankit.jar");
    private static final String CODE = "BENCH-CODE";

    private FootprintBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println(run(5, 15));
    }

    static Map<String, Object> run(int starts, int loadSeconds) throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("jar_mb", CatchUpBenchmark.round(Files.size(JAR) / 1e6));
        List<Long> startNanos = new ArrayList<>();
        for (int i = 0; i < starts; i++) {
            try (Master m = Master.start()) {
                startNanos.add(m.startNanos);
            }
        }
        out.put("cold_start_median_ms", SyncBenchmark.percentile(startNanos, 50) / 1000);
        out.put("cold_start_runs_ms", startNanos.stream().map(n -> n / 1_000_000).toList());
        try (Master m = Master.start()) {
            Thread.sleep(5_000); // let start-up work and the first GC settle
            out.put("rss_idle_mb", m.rssMb());
            out.putAll(underLoad(m, loadSeconds));
            Thread.sleep(3_000);
            out.put("rss_after_load_mb", m.rssMb());
        }
        System.out.printf("jar %.1f MB; cold start to \"Join URL\" median %d ms %s; RSS idle %d MB, under load %d MB (peak %d MB)%n",
                out.get("jar_mb"), out.get("cold_start_median_ms"), out.get("cold_start_runs_ms"), out.get("rss_idle_mb"),
                out.get("rss_load_end_mb"), out.get("rss_load_peak_mb"));
        return out;
    }

    /** Five paired devices push batches of 100 for the given time; the RSS is sampled twice a second. */
    private static Map<String, Object> underLoad(Master m, int seconds) throws Exception {
        List<PairedDevice> devices = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            MasterClient client = new MasterClient(m.baseUrl, null);
            var paired = client.pair(CODE, "load-" + i, "phone");
            devices.add(new PairedDevice(paired.deviceId(), paired.token(), client));
        }
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong accepted = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(devices.size(), SyncBenchmark.daemon());
        long peak = 0;
        long start = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (PairedDevice d : devices) {
                running.add(pool.submit(() -> {
                    while (!stop.get()) {
                        try {
                            d.client().push(SyncBenchmark.batchOf(d, 100));
                            accepted.addAndGet(100);
                        } catch (MasterError e) {
                            if (e.status() != 429) throw e;
                            Thread.sleep(50); // the per-device rate limit of a real master
                        }
                    }
                    return null;
                }));
            }
            for (int i = 0; i < seconds * 2; i++) {
                Thread.sleep(500);
                peak = Math.max(peak, m.rssMb());
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("rss_load_end_mb", m.rssMb());
            out.put("rss_load_peak_mb", peak);
            stop.set(true);
            for (Future<?> f : running) f.get(1, TimeUnit.MINUTES);
            out.put("load_entries_per_s", Math.round(accepted.get() / CatchUpBenchmark.seconds(start)));
            return out;
        } finally {
            stop.set(true);
            pool.shutdownNow();
        }
    }

    /** A master started from the jar with a fresh data folder; closing stops it and deletes the folder. */
    private static final class Master implements AutoCloseable {
        final Process process;
        final Path dir;
        final long startNanos;
        final String baseUrl;

        private Master(Process process, Path dir, long startNanos, String baseUrl) {
            this.process = process;
            this.dir = dir;
            this.startNanos = startNanos;
            this.baseUrl = baseUrl;
        }

        static Master start() throws Exception {
            Path dir = Files.createTempDirectory("lankit-footprint");
            String java = ProcessHandle.current().info().command().orElse("java");
            ProcessBuilder pb = new ProcessBuilder(java, "-jar", JAR.toString(), "--headless", "--role", "master",
                    "--port", "0", "--bind", "127.0.0.1", "--join-code", CODE, "--data-dir", dir.toString())
                    .redirectErrorStream(true);
            long t0 = System.nanoTime();
            Process p = pb.start();
            try {
                String url = joinUrl(p).get(60, TimeUnit.SECONDS);
                long took = System.nanoTime() - t0;
                URI join = URI.create(url);
                return new Master(p, dir, took, "http://127.0.0.1:" + join.getPort());
            } catch (Exception e) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                UploadBenchmark.delete(dir);
                throw e;
            }
        }

        /** Completes with the URL from the "Join URL: ..." line; keeps draining the output afterwards. */
        private static CompletableFuture<String> joinUrl(Process p) {
            CompletableFuture<String> url = new CompletableFuture<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null; ) {
                        if (line.startsWith("Join URL: ")) url.complete(line.substring("Join URL: ".length()).trim());
                    }
                    url.completeExceptionally(new IOException("the master exited without printing its join URL"));
                } catch (IOException e) {
                    url.completeExceptionally(e);
                }
            }, "footprint-output");
            reader.setDaemon(true);
            reader.start();
            return url;
        }

        long rssMb() throws IOException {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
            throw new IOException("no VmRSS for process " + process.pid());
        }

        @Override
        public void close() throws Exception {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            UploadBenchmark.delete(dir);
        }
    }
}
