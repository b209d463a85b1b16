package org.lankit.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.lankit.store.KitStore;

/**
 * A master as a user starts it, in a process of its own with a fresh data folder holding the
 * bench form: through {@code launcher/lankit.sh} (the launchers' JVM options) or as a plain
 * {@code java -jar target/lankit.jar} (a double-click). Reads its memory from /proc (Linux only)
 * and, once asked, its CPU time and allocated bytes over JMX. Closing stops it and deletes the folder.
 */
final class MasterProcess implements AutoCloseable {

    enum Start { LAUNCHER, JAVA_JAR }

    static final String CODE = "BENCH-CODE";
    private static final Path JAR = Path.of("target", "lankit.jar");

    final Process process;
    final Path dir;
    final long startNanos;
    final String baseUrl;
    private JMXConnector jmx;

    private MasterProcess(Process process, Path dir, long startNanos, String baseUrl) {
        this.process = process;
        this.dir = dir;
        this.startNanos = startNanos;
        this.baseUrl = baseUrl;
    }

    static List<String> command(Start start) {
        List<String> cmd = new ArrayList<>();
        switch (start) {
            case LAUNCHER -> cmd.addAll(List.of("sh", Path.of("launcher", "lankit.sh").toString()));
            case JAVA_JAR -> cmd.addAll(List.of(ProcessHandle.current().info().command().orElse("java"), "-jar", JAR.toString()));
        }
        return cmd;
    }

    static MasterProcess start(Start start) throws Exception {
        Path dir = Files.createTempDirectory("lankit-master");
        try (KitStore store = KitStore.open(dir)) {
            store.forms().save(BenchEntries.FORM);
        }
        List<String> cmd = command(start);
        cmd.addAll(List.of("--headless", "--role", "master", "--port", "0", "--https-port", "0", "--bind", "127.0.0.1",
                "--join-code", CODE, "--data-dir", dir.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("LANKIT_NO_DIALOG", "1");
        long t0 = System.nanoTime();
        Process p = pb.start();
        try {
            String url = joinUrl(p).get(60, TimeUnit.SECONDS);
            long took = System.nanoTime() - t0;
            return new MasterProcess(p, dir, took, "http://127.0.0.1:" + URI.create(url).getPort());
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
        }, "master-output");
        reader.setDaemon(true);
        reader.start();
        return url;
    }

    /** The JVM that runs the master: the started process, or the JVM it started itself again in. */
    long javaPid() {
        return process.descendants().filter(h -> h.info().command().map(c -> c.endsWith("java")).orElse(false))
                .mapToLong(ProcessHandle::pid).max().orElse(process.pid());
    }

    /** Lines of /proc/pid/status of the master's JVM in MB: VmRSS, VmHWM (peak), RssAnon, RssFile. */
    Map<String, Long> memoryMb() throws IOException {
        return memoryMb(javaPid());
    }

    /** The same for the JVM that was started when it only waits for the master's JVM; empty when they are one. */
    Map<String, Long> waitingParentMemoryMb() throws IOException {
        return javaPid() == process.pid() ? Map.of() : memoryMb(process.pid());
    }

    private static Map<String, Long> memoryMb(long pid) throws IOException {
        Map<String, Long> out = new HashMap<>();
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            int colon = line.indexOf(':');
            String key = line.substring(0, Math.max(0, colon));
            if (List.of("VmRSS", "VmHWM", "RssAnon", "RssFile").contains(key)) {
                out.put(key, Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024);
            }
        }
        return out;
    }

    /** User plus system CPU time of the master's JVM, from /proc/pid/stat, in microseconds. */
    long cpuMicros() throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(javaPid()), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        return ticks * 1_000_000 / 100; // USER_HZ is 100 on Linux
    }

    /**
     * Bytes allocated so far by the master's live threads, over JMX (attaching starts the master's
     * management agent, so this is asked only after the memory figures were read).
     */
    long allocatedBytes() throws Exception {
        if (jmx == null) {
            var vm = com.sun.tools.attach.VirtualMachine.attach(String.valueOf(javaPid()));
            try {
                jmx = JMXConnectorFactory.connect(new JMXServiceURL(vm.startLocalManagementAgent()));
            } finally {
                vm.detach();
            }
        }
        var threads = ManagementFactory.newPlatformMXBeanProxy(jmx.getMBeanServerConnection(),
                ManagementFactory.THREAD_MXBEAN_NAME, com.sun.management.ThreadMXBean.class);
        long sum = 0;
        for (long b : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) sum += Math.max(0, b);
        return sum;
    }

    @Override
    public void close() throws Exception {
        if (jmx != null) jmx.close();
        ProcessHandle java = ProcessHandle.of(javaPid()).orElse(process.toHandle());
        java.destroy();
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        java.onExit().get(20, TimeUnit.SECONDS);
        UploadBenchmark.delete(dir);
    }
}
