package org.lankit.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lankit.bench.BenchChart.Bar;
import org.lankit.bench.BenchChart.Panel;
import org.lankit.sync.Json;

/**
 * The whole kit in one command, side by side with PouchDB in the same run: the PouchDB side
 * ({@link PouchBench}), a master holding 100,000 entries ({@link SyncBenchmark}), a master opening
 * 1,000,000 ({@link CatchUpBenchmark}), upload ({@link UploadBenchmark}) and the master as users
 * start it ({@link FootprintBenchmark}), all with default settings. Prints each figure with its
 * goal and its ratio to PouchDB, writes target/bench/kit.json and draws the chart.
 * <p>
 * {@code java -cp target/lankit.jar:target/test-classes org.lankit.bench.KitBenchmark [--redraw] [chart.png]}
 * (default chart: src/site/markdown/images/benchmarks.png), from the repository's root. Needs
 * target/lankit.jar, Node 18+ with npm (the PouchDB side), Linux (/proc); only 127.0.0.1.
 * {@code --redraw} only draws the chart again from the last target/bench/kit.json.
 */
public final class KitBenchmark {

    private static final int UPLOAD_ENTRIES = 20_000;
    private static final String COMMAND = "java -cp target/lankit.jar:target/test-classes org.lankit.bench.KitBenchmark";

    /** One line of the table; {@code higherIsBetter} says which way the ratio to PouchDB reads. */
    private record Row(String name, String lankitKey, String pouchKey, double scale, String unit, String goal, boolean higherIsBetter) {
    }

    private static final List<Row> ROWS = List.of(
            new Row("push, 5 devices, batches of 500", "push_5dev_batch500_entries_per_s", "pouch.push_5dev_batch500_docs_per_s", 1, "entries/s", ">= 50,000", true),
            new Row("  vs PouchDB replicating, batch_size 500", "push_5dev_batch500_entries_per_s", "pouch.replicate_push_5dev_batch500_docs_per_s", 1, "entries/s", "", true),
            new Row("  master CPU per entry", "push_5dev_cpu_us_per_entry", "pouch.push_5dev_server_cpu_us_per_doc", 1, "us", "<= 30", false),
            new Row("  master allocation per entry", "push_5dev_alloc_bytes_per_entry", null, 1, "bytes", "", false),
            new Row("push, 1 device, batches of 100", "push_1dev_batch100_entries_per_s", "pouch.push_1dev_batch100_docs_per_s", 1, "entries/s", ">= 15,000", true),
            new Row("catch-up pull of 100,000", "catchup_pull_s", "pouch.catchup_pull_s", 1, "s", "<= 1.5", false),
            new Row("  vs PouchDB replicating into leveldb", "catchup_pull_s", "pouch.replicate_pull_s", 1, "s", "", false),
            new Row("push acked -> other device holds it, p50", "propagation_p50_us", "pouch.propagation_p50_us", 1e-3, "ms", "", false),
            new Row("push acked -> other device holds it, p99", "propagation_p99_us", "pouch.propagation_p99_us", 1e-3, "ms", "<= 10", false),
            new Row("1-entry pull round trip, 100k stored, p50", "one_pull_100k_p50_us", null, 1e-3, "ms", "<= 1", false),
            new Row("1-entry pull round trip, 1M stored, p50", "one_pull_1m_p50_us", null, 1e-3, "ms", "<= 1", false),
            new Row("master peak RSS, 5-device push (launcher)", "rss_peak_mb", "pouch.push_5dev_server_peak_rss_mb", 1, "MB", "<= 300", false),
            new Row("  anonymous (heap, JIT, threads), push peak", "rss_push_peak_anon_mb", null, 1, "MB", "", false),
            new Row("  mapped files (ObjectBox, jar), push peak", "rss_push_peak_file_mb", null, 1, "MB", "", false),
            new Row("master peak RSS, 5-device push (java -jar)", "java_jar_rss_peak_mb", "pouch.push_5dev_server_peak_rss_mb", 1, "MB", "<= 300", false),
            new Row("  plus the JVM that started it, waiting", "java_jar_waiting_parent_rss_mb", null, 1, "MB", "", false),
            new Row("bytes per entry, push, plain", "bytes_per_entry_push_plain", "pouch.bytes_per_doc.push_plain", 1, "bytes", "<= 433", false),
            new Row("bytes per entry, push, gzip", "bytes_per_entry_push_gzip", "pouch.bytes_per_doc.push_gzip", 1, "bytes", "<= 433", false),
            new Row("bytes per entry, pull, plain", "bytes_per_entry_pull_plain", "pouch.bytes_per_doc.pull_plain", 1, "bytes", "<= 433", false),
            new Row("bytes per entry, pull, gzip", "bytes_per_entry_pull_gzip", "pouch.bytes_per_doc.pull_gzip", 1, "bytes", "<= 433", false),
            new Row("cold start to \"Join URL\", launcher, median", "cold_start_launcher_median_ms", null, 1e-3, "s", "<= 1.2", false),
            new Row("cold start to \"Join URL\", java -jar, median", "cold_start_java_jar_median_ms", null, 1e-3, "s", "<= 1.2", false),
            new Row("  first start, writes the class-data archive", "first_start_ms", null, 1e-3, "s", "", false),
            new Row("master opens 1,000,000 and answers /info", "open_to_info_s", null, 1, "s", "", false),
            new Row("upload, batch 100", "upload_batch100_entries_per_s", null, 1, "entries/s", "", true),
            new Row("upload, batch 1,000", "upload_batch1000_entries_per_s", null, 1, "entries/s", "", true));

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
        r.put("command", COMMAND);
        r.put("machine", Machine.describe());
        r.put("cores", Runtime.getRuntime().availableProcessors());
        r.put("java", System.getProperty("java.version"));
        r.put("load_average_start", Machine.loadAverage());
        System.out.println("machine: " + r.get("machine") + "; Java " + r.get("java") + "; load average " + r.get("load_average_start"));

        section("PouchDB (express-pouchdb on leveldb, Node subprocess)");
        r.put("pouch", PouchBench.run(SyncBenchmark.STORED));
        System.out.println(r.get("pouch"));
        section("A master holding 100,000 entries");
        r.putAll(SyncBenchmark.run());
        section("A master opening 1,000,000 entries");
        r.putAll(CatchUpBenchmark.open(1_000_000));
        section("Upload");
        r.putAll(upload());
        section("The master as users start it (separate process)");
        r.putAll(FootprintBenchmark.run());
        r.put("load_average_end", Machine.loadAverage());

        printTable(r);
        Files.createDirectories(json.getParent());
        Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(json.toFile(), r);
        draw(r, chart);
        System.out.println("\nwritten " + json.toAbsolutePath() + " and " + chart.toAbsolutePath());
        System.exit(0); // Javalin's websocket ping thread of the stopped in-process masters is not a daemon
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
        section("Whole kit (ratio: how many times better than PouchDB; above 1 is better)");
        System.out.printf("%-46s %12s %12s %8s %-10s %s%n", "figure", "Lankit", "PouchDB", "ratio", "unit", "goal");
        for (Row row : ROWS) {
            Double lankit = value(r, row.lankitKey());
            Double pouch = row.pouchKey() == null ? null : value(r, row.pouchKey());
            String ratio = lankit == null || pouch == null || lankit == 0 ? "" : String.format("%.2f", row.higherIsBetter() ? lankit / pouch : pouch / lankit);
            System.out.printf("%-46s %12s %12s %8s %-10s %s%n", row.name(), format(lankit, row.scale()), format(pouch, row.scale()), ratio, row.unit(), row.goal());
        }
        System.out.println("load average start / end: " + r.get("load_average_start") + " / " + r.get("load_average_end"));
        System.out.println("machine: " + r.get("machine") + "; Java " + r.get("java"));
        System.out.println("command: " + r.get("command"));
    }

    /** A figure by key; "pouch.a.b" reads into the PouchDB side's nested JSON. Null when absent. */
    @SuppressWarnings("unchecked")
    private static Double value(Map<String, Object> r, String key) {
        Object at = r;
        for (String part : key.split("\\.")) at = at instanceof Map<?, ?> m ? ((Map<String, Object>) m).get(part) : null;
        return at instanceof Number n ? n.doubleValue() : null;
    }

    private static String format(Double v, double scale) {
        if (v == null) return "-";
        double scaled = v * scale;
        return scaled >= 100 ? String.format("%,.0f", scaled) : String.format("%.2f", scaled);
    }

    private static void draw(Map<String, Object> r, Path chart) throws Exception {
        BenchChart.write(String.format("%s cores, Java %s, run %s; load average %s at start, %s at end", r.get("cores"), r.get("java"),
                r.get("started").toString().substring(0, 10), r.get("load_average_start"), r.get("load_average_end")), panels(r), chart);
    }

    private static List<Panel> panels(Map<String, Object> r) {
        return List.of(
                new Panel("Push throughput", "entries/s accepted", bars(r, 1,
                        "Lankit, 5 devices x 500", "push_5dev_batch500_entries_per_s", "PouchDB, 5 clients x 500", "pouch.push_5dev_batch500_docs_per_s",
                        "Lankit, 1 device x 100", "push_1dev_batch100_entries_per_s", "PouchDB, 1 client x 100", "pouch.push_1dev_batch100_docs_per_s")),
                new Panel("Push acked -> another device has it", "ms", bars(r, 1e-3,
                        "Lankit p50", "propagation_p50_us", "Lankit p99", "propagation_p99_us",
                        "PouchDB p50", "pouch.propagation_p50_us", "PouchDB p99", "pouch.propagation_p99_us")),
                new Panel("Catch-up and start", "seconds", bars(r, 1,
                        "Lankit pulls 100k", "catchup_pull_s", "PouchDB pulls 100k", "pouch.catchup_pull_s",
                        "Lankit cold start (launcher)", "cold_start_launcher_median_ms_s", "master opens 1M", "open_to_info_s")),
                new Panel("Bytes per entry on the wire", "bytes", bars(r, 1,
                        "Lankit push, plain", "bytes_per_entry_push_plain", "Lankit pull, plain", "bytes_per_entry_pull_plain",
                        "Lankit pull, gzip", "bytes_per_entry_pull_gzip", "PouchDB pull, plain", "pouch.bytes_per_doc.pull_plain")),
                new Panel("Memory during the 5-device push", "MB resident (peak)", bars(r, 1,
                        "Lankit master (launcher)", "rss_peak_mb", "of which anonymous", "rss_push_peak_anon_mb",
                        "Lankit master (java -jar)", "java_jar_rss_peak_mb",
                        "PouchDB server", "pouch.push_5dev_server_peak_rss_mb")));
    }

    /** Bars from label/key pairs; a key ending in "_ms_s" is a millisecond figure shown in seconds. Absent figures are left out. */
    private static List<Bar> bars(Map<String, Object> r, double scale, String... labelsAndKeys) {
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < labelsAndKeys.length; i += 2) {
            String key = labelsAndKeys[i + 1];
            boolean msToS = key.endsWith("_ms_s");
            Double v = value(r, msToS ? key.substring(0, key.length() - 2) : key);
            if (v != null) bars.add(new Bar(labelsAndKeys[i], v * scale * (msToS ? 1e-3 : 1)));
        }
        return bars;
    }

    private static void section(String name) {
        System.out.println("\n== " + name + " ==");
    }
}
