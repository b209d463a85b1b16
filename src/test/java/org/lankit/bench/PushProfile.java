package org.lankit.bench;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.sun.management.OperatingSystemMXBean;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.lankit.peer.MasterClient;
import org.lankit.sync.DefaultForm;
import org.lankit.sync.Entry;
import org.lankit.sync.FieldValue;
import org.lankit.sync.HlcClock;
import org.lankit.testkit.RunningMaster;

/**
 * The master's cost per pushed entry: a master in its own JVM ({@link PushProfileMaster}), devices
 * here pushing new "Household visit" entries with all six values. After a warm-up of the same
 * size, the measured part is flight-recorded in the master; prints entries/s, the master's CPU
 * µs and allocated bytes per entry, and the recording's hot methods ({@link JfrSummary}).
 * Run: {@code java -cp target/lankit.jar:target/test-classes org.lankit.bench.PushProfile
 * [devices 5] [batch 500] [entries 50000] [recording target/bench/push.jfr] [warm-up entries, as many as measured]}; the master's JVM options, if
 * any, in {@code -Dmaster.jvm="-Xmx192m -XX:+UseSerialGC"}. Also prints the devices' own CPU per entry
 * (they share the machine's cores with the master).
 */
public final class PushProfile {

    private PushProfile() {
    }

    public static void main(String[] args) throws Exception {
        int devices = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int entries = args.length > 2 ? Integer.parseInt(args[2]) : 50_000;
        Path jfr = Path.of(args.length > 3 ? args[3] : "target/bench/push.jfr").toAbsolutePath();
        int warmUp = args.length > 4 ? Integer.parseInt(args[4]) : entries;
        Files.createDirectories(jfr.getParent());
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java));
        String options = System.getProperty("master.jvm", "").strip();
        if (!options.isEmpty()) command.addAll(List.of(options.split("\\s+")));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), PushProfileMaster.class.getName()));
        Process master = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try {
            BufferedReader answers = new BufferedReader(new InputStreamReader(master.getInputStream(), StandardCharsets.UTF_8));
            PrintStream orders = new PrintStream(master.getOutputStream(), true, StandardCharsets.UTF_8);
            String base = "http://127.0.0.1:" + awaitLine(answers, "port ").substring(5);
            List<MasterClient> clients = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < devices; i++) {
                MasterClient c = new MasterClient(base, null);
                ids.add(c.pair(RunningMaster.JOIN_CODE, "profile-" + i, "phone").deviceId());
                clients.add(c);
            }
            System.out.printf("load average at start: %s", Files.readString(Path.of("/proc/loadavg")));
            double warmRate = push(clients, ids, batch, warmUp);
            System.out.printf("warm-up: %,.0f entries/s%n", warmRate);
            orders.println("start");
            long devicesCpuAtStart = os.getProcessCpuTime();
            double rate = push(clients, ids, batch, entries);
            double devicesCpuUs = (os.getProcessCpuTime() - devicesCpuAtStart) / 1000.0 / entries;
            orders.println("stop " + jfr);
            String[] used = awaitLine(answers, "used ").split(" ");
            double cpuUs = Long.parseLong(used[1]) / 1000.0 / entries;
            double bytes = (double) Long.parseLong(used[2]) / entries;
            System.out.printf("%d device(s), batch %d, %,d entries: %,.0f entries/s, master CPU %.1f µs/entry, "
                    + "allocated %,.0f bytes/entry%n", devices, batch, entries, rate, cpuUs, bytes);
            System.out.printf("devices (this JVM, same machine) CPU %.1f µs/entry: the master's share of both %.0f%%%s%n",
                    devicesCpuUs, 100 * cpuUs / (cpuUs + devicesCpuUs), options.isEmpty() ? "" : "; master JVM options " + options);
            System.out.printf("load average at end: %s", Files.readString(Path.of("/proc/loadavg")));
            if (used.length > 3) System.out.printf("master CPU by thread kind, ms: %s%n", used[3]);
            JfrSummary summary = JfrSummary.of(jfr);
            System.out.printf("recording: %s (allocation sampled by JFR: %,.0f bytes/entry)%n", jfr, (double) summary.allocatedBytes() / entries);
            System.out.print(summary.report());
            orders.println("quit");
            master.waitFor(30, TimeUnit.SECONDS);
        } finally {
            master.destroy();
        }
    }

    private static String awaitLine(BufferedReader in, String prefix) throws Exception {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.startsWith(prefix)) return line;
        }
        throw new IllegalStateException("the master ended before saying " + prefix.strip());
    }

    private static double push(List<MasterClient> clients, List<String> ids, int batch, int total) throws Exception {
        int perDevice = total / clients.size();
        List<List<List<Entry>>> work = new ArrayList<>();
        for (String id : ids) {
            HlcClock clock = HlcClock.system(id);
            List<List<Entry>> batches = new ArrayList<>();
            for (int sent = 0; sent < perDevice; sent += batch) {
                List<Entry> b = new ArrayList<>(batch);
                for (int i = 0; i < batch; i++) b.add(fullHousehold(clock, i));
                batches.add(b);
            }
            work.add(batches);
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients.size(), PushLoad.daemon());
        try {
            long start = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < clients.size(); i++) {
                MasterClient c = clients.get(i);
                List<List<Entry>> batches = work.get(i);
                running.add(pool.submit(() -> {
                    for (List<Entry> b : batches) c.push(b);
                    return null;
                }));
            }
            for (Future<?> f : running) f.get(10, TimeUnit.MINUTES);
            return perDevice * clients.size() / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    /** A new entry answering every question of the built-in form, each value with its own clock. */
    static Entry fullHousehold(HlcClock clock, int i) {
        var first = clock.now();
        return new Entry(UUID.randomUUID().toString(), DefaultForm.ID, 1, Map.of(
                "respondent", FieldValue.edit(TextNode.valueOf("Respondent " + i), first, ""),
                "village", FieldValue.edit(TextNode.valueOf("Village " + i % 17), clock.now(), ""),
                "household_size", FieldValue.edit(IntNode.valueOf(1 + i % 50), clock.now(), ""),
                "visit_date", FieldValue.edit(TextNode.valueOf("2026-11-25"), clock.now(), ""),
                "water_source", FieldValue.edit(TextNode.valueOf("well"), clock.now(), ""),
                "notes", FieldValue.edit(TextNode.valueOf("Visited in the morning, " + i), clock.now(), "")),
                null, first.wallMs(), clock.deviceId(), 0, null, null);
    }
}
