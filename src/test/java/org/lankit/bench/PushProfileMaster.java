package org.lankit.bench;

import com.sun.management.OperatingSystemMXBean;
import com.sun.management.ThreadMXBean;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.lankit.hub.HubConfig;
import org.lankit.testkit.RunningMaster;

/**
 * The master side of {@link PushProfile}, alone in its JVM so that its CPU time and allocation are
 * the master's only. Prints {@code port <n>}, then answers lines on stdin: {@code start} begins a
 * flight recording ("profile" settings, already on since start-up so the JIT has settled with them)
 * and the counters; {@code stop <file>} writes the recording
 * and prints {@code used <cpu ns> <allocated bytes>} since {@code start}; {@code quit} ends.
 */
public final class PushProfileMaster {

    private PushProfileMaster() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("lankit-push-profile");
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (RunningMaster master = RunningMaster.start(dir, 0, HubConfig.defaults().withRateLimit(1e9, 1e9).withAnnouncement(false))) {
            // the same settings on from the start: turning JFR's I/O events on retransforms JDK classes and throws
            // away compiled code, which a recording begun only at "start" would measure as C2 time in the window
            Recording primer = new Recording(Configuration.getConfiguration("profile"));
            primer.setToDisk(false);
            primer.setMaxSize(1);
            primer.start();
            System.out.println("port " + master.port());
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            Recording recording = null;
            long cpuAtStart = 0;
            Map<Long, Long> allocatedAtStart = Map.of();
            Map<String, Long> threadCpuAtStart = Map.of();
            for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
                if (line.equals("start")) {
                    recording = new Recording(Configuration.getConfiguration("profile"));
                    recording.start();
                    cpuAtStart = os.getProcessCpuTime();
                    allocatedAtStart = allocatedBytes();
                    threadCpuAtStart = ThreadCpu.byKind();
                } else if (line.startsWith("stop ") && recording != null) {
                    long cpu = os.getProcessCpuTime() - cpuAtStart;
                    long allocated = allocatedSince(allocatedAtStart);
                    String threads = ThreadCpu.since(threadCpuAtStart);
                    recording.stop();
                    recording.dump(Path.of(line.substring(5)));
                    recording.close();
                    primer.close();
                    System.out.println("used " + cpu + " " + allocated + " " + threads);
                }
            }
        } finally {
            UploadBenchmark.delete(dir);
        }
    }

    /** Bytes allocated so far by each live thread, by thread id. */
    private static Map<Long, Long> allocatedBytes() {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] ids = threads.getAllThreadIds();
        long[] bytes = threads.getThreadAllocatedBytes(ids);
        Map<Long, Long> out = new HashMap<>();
        for (int i = 0; i < ids.length; i++) if (bytes[i] > 0) out.put(ids[i], bytes[i]);
        return out;
    }

    /** Bytes the threads alive now allocated since {@code before} (a thread that ended in between is
     * missed; the hub's pool threads live through a run). */
    private static long allocatedSince(Map<Long, Long> before) {
        long sum = 0;
        for (Map.Entry<Long, Long> now : allocatedBytes().entrySet()) sum += now.getValue() - before.getOrDefault(now.getKey(), 0L);
        return sum;
    }
}
