package org.lankit.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.peer.MasterClient;
import org.lankit.peer.MasterError;
import org.lankit.sync.Entry;
import org.lankit.sync.HlcClock;
import org.lankit.sync.Protocol.PushResponse;
import org.lankit.testkit.Entries;

/** The real jar killed with SIGKILL, three times, while five devices push without pause. */
class MasterKillIT {

    private static final int DEVICES = 5;
    private static final int KILLS = 3;
    private static final long SEED = 5_150L;

    @TempDir
    Path workDir;
    @TempDir
    Path dataDir;

    @Test
    void after_kill_9_every_acknowledged_entry_survives_and_re_pushes_leave_each_entry_on_the_master_once() throws Exception {
        System.out.println("MasterKillIT seed " + SEED);
        int port = freePort();
        Random random = new Random(SEED);
        List<Device> devices = new ArrayList<>();
        Process master = startMaster(port);
        try {
            for (int i = 0; i < DEVICES; i++) devices.add(new Device(port, "Phone " + i, SEED + i));
            devices.forEach(Device::start);
            for (int kill = 0; kill < KILLS; kill++) {
                Thread.sleep(1_000 + random.nextInt(2_000));
                master.descendants().forEach(ProcessHandle::destroyForcibly); // the master JVM a plain java -jar starts
                master.destroyForcibly();
                assertThat(master.waitFor(20, TimeUnit.SECONDS)).isTrue();
                System.out.printf("kill %d: exit %d, acknowledged so far %d%n", kill + 1, master.exitValue(), acknowledged(devices).size());
                Thread.sleep(random.nextInt(1_000));
                master = startMaster(port);
            }
            Thread.sleep(1_000);
            devices.forEach(Device::stopTyping);
            for (Device d : devices) d.thread.join(60_000);

            Set<String> made = new HashSet<>();
            for (Device d : devices) {
                assertThat(d.unacknowledged).as(d.name + " has everything acknowledged").isEmpty();
                made.addAll(d.made);
            }
            Set<String> acked = acknowledged(devices);
            List<String> onMaster = CutOffMidBatchTest.pullAll(devices.get(0).client);
            System.out.printf("entries made %d, acknowledged %d, on the master %d%n", made.size(), acked.size(), onMaster.size());
            assertThat(onMaster).as("no entry twice").doesNotHaveDuplicates();
            assertThat(new HashSet<>(onMaster)).as("every acknowledged entry survived").containsAll(acked);
            assertThat(new HashSet<>(onMaster)).isEqualTo(made);
            assertThat(devices.get(0).client.status().entries()).isEqualTo(made.size());
            assertThat(devices.stream().mapToInt(d -> d.failedPushes).sum()).as("pushes that hit a dead master").isPositive();
        } finally {
            devices.forEach(Device::stopTyping);
            master.destroyForcibly();
        }
    }

    private static Set<String> acknowledged(List<Device> devices) {
        Set<String> all = new HashSet<>();
        devices.forEach(d -> all.addAll(d.acknowledged));
        return all;
    }

    private Process startMaster(int port) throws Exception {
        Path jar = Path.of(System.getProperty("lankit.jar", "target/lankit.jar"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", jar.toAbsolutePath().toString(), "--headless", "--role", "master", "--port", Integer.toString(port),
                    "--data-dir", dataDir.toString(), "--bind", "127.0.0.1", "--join-code", "TEST-CODE")
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null) {
                if (line.contains("Join URL: ")) {
                    drain(out);
                    return p;
                }
            }
            // the port or the data folder lock may not be free yet right after the kill
            p.waitFor(10, TimeUnit.SECONDS);
            Thread.sleep(200);
        }
        throw new AssertionError("the master did not start again within 60 s");
    }

    private static void drain(BufferedReader out) {
        Thread t = new Thread(() -> {
            try {
                while (out.readLine() != null) {
                    // keep the pipe empty so the master never blocks on its output
                }
            } catch (IOException closed) {
                // the process ended
            }
        });
        t.setDaemon(true);
        t.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** A simulated phone: makes entries and pushes whatever the master has not acknowledged, without pause. */
    private static final class Device {
        final String name;
        final MasterClient client;
        final HlcClock clock;
        final Random random;
        final Set<String> made = new HashSet<>();
        final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        final List<Entry> unacknowledged = new ArrayList<>();
        final AtomicBoolean typing = new AtomicBoolean(true);
        final Thread thread;
        volatile int failedPushes;

        Device(int port, String name, long seed) throws IOException {
            this.name = name;
            this.client = new MasterClient("http://127.0.0.1:" + port, null);
            this.clock = HlcClock.system(client.pair("TEST-CODE", name, "phone").deviceId());
            this.random = new Random(seed);
            this.thread = new Thread(this::run, "device " + name);
        }

        void start() {
            thread.start();
        }

        void stopTyping() {
            typing.set(false);
        }

        private void run() {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < deadline && (typing.get() || !unacknowledged.isEmpty())) {
                if (typing.get()) {
                    for (int i = random.nextInt(20); i >= 0; i--) {
                        Entry e = Entries.household(clock, name + " visit " + made.size(), 1 + random.nextInt(50));
                        made.add(e.uuid());
                        unacknowledged.add(e);
                    }
                }
                List<Entry> batch = List.copyOf(unacknowledged.subList(0, Math.min(200, unacknowledged.size())));
                try {
                    PushResponse answer = client.push(batch);
                    Set<String> ok = new HashSet<>();
                    answer.results().forEach(r -> {
                        if (r.status().name().equals("APPLIED") || r.status().name().equals("DUPLICATE")) ok.add(r.uuid());
                    });
                    acknowledged.addAll(ok);
                    unacknowledged.removeIf(e -> ok.contains(e.uuid()));
                } catch (IOException | MasterError down) {
                    failedPushes++;
                    pause(50);
                }
            }
        }

        private static void pause(long ms) {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
