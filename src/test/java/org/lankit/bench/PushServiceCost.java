package org.lankit.bench;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lankit.hub.MasterIdentity;
import org.lankit.hub.PushService;
import org.lankit.store.KitStore;
import org.lankit.sync.DefaultForm;
import org.lankit.sync.Entry;
import org.lankit.sync.FieldValue;
import org.lankit.sync.HlcClock;

/**
 * The master's own push work per entry without HTTP or JSON parsing: one thread calls
 * {@link PushService#push} with batches of new six-value entries on a real store, and its CPU
 * time and allocation are divided by the entries (the disk's wait for each durable commit is not
 * CPU time). Rounds after the first show the compiled code. Less sensitive to other processes than
 * throughput is. Run: {@code java -cp target/lankit.jar:target/test-classes
 * org.lankit.bench.PushServiceCost [batch 500] [entries per round 50000] [rounds 6]}
 */
public final class PushServiceCost {

    private PushServiceCost() {
    }

    public static void main(String[] args) throws Exception {
        int batch = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 6;
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        Path dir = Files.createTempDirectory("lankit-push-cost");
        try (KitStore store = KitStore.open(dir)) {
            store.forms().installDefaultIfEmpty();
            PushService push = new PushService(store, new MasterIdentity("master", "bench", "0", HlcClock.system("master")));
            HlcClock device = HlcClock.system("phone_1");
            System.out.printf("load average at start: %s", Files.readString(Path.of("/proc/loadavg")));
            for (int round = 1; round <= rounds; round++) {
                List<List<Entry>> batches = new ArrayList<>();
                for (int n = 0; n < perRound; n += batch) {
                    List<Entry> b = new ArrayList<>(batch);
                    for (int i = 0; i < batch; i++) b.add(PushProfile.fullHousehold(device, i));
                    batches.add(b);
                }
                long cpu = threads.getCurrentThreadCpuTime();
                long allocated = threads.getCurrentThreadAllocatedBytes();
                long start = System.nanoTime();
                for (List<Entry> b : batches) push.push("phone_1", b);
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("round %d: %,.1f µs CPU and %,.0f bytes allocated per entry, %,.0f entries/s%n", round,
                        (threads.getCurrentThreadCpuTime() - cpu) / 1000.0 / perRound,
                        (double) (threads.getCurrentThreadAllocatedBytes() - allocated) / perRound, perRound / seconds);
            }
            System.out.printf("load average at end: %s", Files.readString(Path.of("/proc/loadavg")));
        } finally {
            UploadBenchmark.delete(dir);
        }
    }
}
