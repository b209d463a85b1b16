package org.lankit.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lankit.bench.BenchChart.Bar;
import org.lankit.bench.BenchChart.Panel;
import org.lankit.sync.Json;

/**
 * The whole kit in one command: push throughput and propagation ({@link SyncBenchmark}), catch-up
 * ({@link CatchUpBenchmark}), upload ({@link UploadBenchmark}) and footprint
 * ({@link FootprintBenchmark}). Prints a table, writes target/bench/kit.json and draws the chart.
 * <p>
 * {@code java -cp target/lankit.jar:target/test-classes org.lankit.bench.KitBenchmark [--redraw] [chart.png]}
 * (default chart: src/site/markdown/images/benchmarks.png). Needs target/lankit.jar; only 127.0.0.1.
 * {@code --redraw} only draws the chart again from the last target/bench/kit.json.
 */
public final class KitBenchmark {

    private static final int UPLOAD_ENTRIES = 20_000;

    private KitBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        boolean redraw = args.length > 0 && args[0].equals("--redraw");
        int chartArg = redraw ? 1 : 0;
        Path chart = Path.of(args.length > chartArg ? args[chartArg] : "src/site/markdown/images/benchmarks.png");
        Path json = Path.of("target", "bench", "kit.json");
        if (redraw) {
            @SuppressWarnings("unchecked")
            Map<String, Object> last = Json.MAPPER.readValue(json.toFile(), Map.class);
            draw(last, chart);
            return;
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("started", Instant.now().toString());
        r.put("cores", Runtime.getRuntime().availableProcessors());
        r.put("java", System.getProperty("java.version"));
        r.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        r.put("load_average_start", loadAverage());

        section("Sync hub");
        r.putAll(SyncBenchmark.run());
        section("Catch-up");
        r.putAll(CatchUpBenchmark.pull(100_000));
        r.putAll(CatchUpBenchmark.open(1_000_000));
        section("Upload");
        r.putAll(upload());
        section("Footprint");
        r.putAll(FootprintBenchmark.run(5, 15));
        r.put("load_average_end", loadAverage());

        printTable(r);
        Files.createDirectories(json.getParent());
        Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(json.toFile(), r);
        draw(r, chart);
        System.out.println("\nwritten " + json.toAbsolutePath() + " and " + chart.toAbsolutePath());
    }

    private static void draw(Map<String, Object> r, Path chart) throws Exception {
        BenchChart.write(String.format("%s cores, Java %s, run %s; load average %s at start, %s at end", r.get("cores"), r.get("java"),
                r.get("started").toString().substring(0, 10), r.get("load_average_start"), r.get("load_average_end")), panels(r), chart);
    }

    private static Map<String, Object> upload() throws Exception {
        UploadBenchmark.run(2_000, 100); // warm-up
        Map<String, Object> out = new LinkedHashMap<>();
        for (int batch : new int[] {100, 1000}) {
            UploadBenchmark.Result result = UploadBenchmark.run(UPLOAD_ENTRIES, batch);
            System.out.printf("upload %,d entries in batches of %d: %,.0f entries/s%n", result.entries(), batch, result.perSecond());
            out.put("upload_batch" + batch + "_entries_per_s", Math.round(result.perSecond()));
        }
        return out;
    }

    private static void printTable(Map<String, Object> r) {
        section("Whole kit");
        row("push, 1 device, batch 1 / 100 / 500", r.get("push_1dev_batch1_entries_per_s") + " / " + r.get("push_1dev_batch100_entries_per_s")
                + " / " + r.get("push_1dev_batch500_entries_per_s"), "entries/s");
        row("push, 5 devices, batch 1 / 100 / 500", r.get("push_5dev_batch1_entries_per_s") + " / " + r.get("push_5dev_batch100_entries_per_s")
                + " / " + r.get("push_5dev_batch500_entries_per_s"), "entries/s");
        row("acknowledged -> told, p50 / p99", ms(r, "notified_p50_us") + " / " + ms(r, "notified_p99_us"), "ms");
        row("acknowledged -> pulled, p50 / p99", ms(r, "pulled_p50_us") + " / " + ms(r, "pulled_p99_us"), "ms");
        row("new device pulls 100,000 entries", r.get("catchup_pull_s"), "s");
        row("open 1,000,000 entries -> /info", r.get("open_to_info_s"), "s");
        row("  (filling that store)", r.get("open_fill_s") + " s, " + r.get("open_store_mb") + " MB", "");
        row("upload, batch 100 / 1,000", r.get("upload_batch100_entries_per_s") + " / " + r.get("upload_batch1000_entries_per_s"), "entries/s");
        row("cold start to \"Join URL\" (median of 5)", r.get("cold_start_median_ms"), "ms");
        row("master RSS idle / under load (peak)", r.get("rss_idle_mb") + " / " + r.get("rss_load_end_mb") + " (" + r.get("rss_load_peak_mb") + ")", "MB");
        row("jar size", r.get("jar_mb"), "MB");
        row("load average start / end", r.get("load_average_start") + " / " + r.get("load_average_end"), "");
    }

    private static List<Panel> panels(Map<String, Object> r) {
        return List.of(
                new Panel("Push throughput", "entries/s accepted", List.of(
                        bar("1 device, batch 1", r, "push_1dev_batch1_entries_per_s"),
                        bar("1 device, batch 100", r, "push_1dev_batch100_entries_per_s"),
                        bar("1 device, batch 500", r, "push_1dev_batch500_entries_per_s"),
                        bar("5 devices, batch 1", r, "push_5dev_batch1_entries_per_s"),
                        bar("5 devices, batch 100", r, "push_5dev_batch100_entries_per_s"),
                        bar("5 devices, batch 500", r, "push_5dev_batch500_entries_per_s"))),
                new Panel("Propagation, 5 devices", "ms after push acknowledged", List.of(
                        new Bar("told (live socket), p50", num(r, "notified_p50_us") / 1000),
                        new Bar("told (live socket), p99", num(r, "notified_p99_us") / 1000),
                        new Bar("has pulled it, p50", num(r, "pulled_p50_us") / 1000),
                        new Bar("has pulled it, p99", num(r, "pulled_p99_us") / 1000))),
                new Panel("Catch-up and start", "seconds", List.of(
                        bar("new device pulls 100k", r, "catchup_pull_s"),
                        bar("master opens 1M, answers", r, "open_to_info_s"),
                        new Bar("jar cold start (median)", num(r, "cold_start_median_ms") / 1000))),
                new Panel("Upload to a local API", "entries/s", List.of(
                        bar("batch 100", r, "upload_batch100_entries_per_s"),
                        bar("batch 1,000", r, "upload_batch1000_entries_per_s"))),
                new Panel("Footprint", "MB", List.of(
                        bar("master RSS, idle", r, "rss_idle_mb"),
                        bar("RSS after 15 s of 5 pushing", r, "rss_load_end_mb"),
                        bar("RSS, peak while pushing", r, "rss_load_peak_mb"),
                        bar("lankit.jar on disk", r, "jar_mb"))));
    }

    private static Bar bar(String label, Map<String, Object> r, String key) {
        return new Bar(label, num(r, key));
    }

    private static double num(Map<String, Object> r, String key) {
        return ((Number) r.get(key)).doubleValue();
    }

    private static String ms(Map<String, Object> r, String key) {
        return String.format("%.1f", num(r, key) / 1000);
    }

    private static void section(String name) {
        System.out.println("\n== " + name + " ==");
    }

    private static void row(String name, Object value, String unit) {
        System.out.printf("%-42s %24s %s%n", name, value, unit);
    }

    private static String loadAverage() throws Exception {
        String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
        return parts[0] + " " + parts[1] + " " + parts[2];
    }
}
