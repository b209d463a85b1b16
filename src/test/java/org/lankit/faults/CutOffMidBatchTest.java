package org.lankit.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.hub.HubConfig;
import org.lankit.peer.MasterClient;
import org.lankit.peer.MasterError;
import org.lankit.sync.Entry;
import org.lankit.sync.HlcClock;
import org.lankit.sync.Protocol.PullResponse;
import org.lankit.sync.Protocol.PushResponse;
import org.lankit.testkit.Entries;
import org.lankit.testkit.Eventually;
import org.lankit.testkit.FlakyProxy;
import org.lankit.testkit.RunningClient;
import org.lankit.testkit.RunningMaster;

/** Devices whose connection to the master is cut at random moments, mid-batch, many times. */
class CutOffMidBatchTest {

    private static final long SEED = 777_2026L;
    /** Re-pushes come fast; the rate limit is not what this test is about. */
    private static final HubConfig UNLIMITED = HubConfig.defaults().withAnnouncement(false).withRateLimit(10_000, 10_000);

    @TempDir
    Path masterDir;
    @TempDir
    Path clientDir;

    @Test
    void a_device_cut_off_mid_batch_hundreds_of_times_loses_nothing_and_duplicates_nothing_after_re_pushing() throws Exception {
        System.out.println("CutOffMidBatchTest seed " + SEED);
        Random random = new Random(SEED);
        try (RunningMaster master = RunningMaster.start(masterDir, 0, UNLIMITED);
             FlakyProxy line = FlakyProxy.to(master.port(), SEED)) {
            var paired = master.pair("Cut phone");
            MasterClient device = new MasterClient(line.baseUrl(), paired.token());
            HlcClock clock = paired.clock();
            Set<String> made = new HashSet<>();
            List<Entry> unacknowledged = new ArrayList<>();
            AtomicBoolean cutting = new AtomicBoolean(true);
            AtomicInteger cuts = new AtomicInteger();
            Thread cutter = new Thread(() -> {
                Random r = new Random(SEED + 1);
                while (cutting.get()) {
                    sleep(r.nextInt(40));
                    if (line.cutAll() > 0) cuts.incrementAndGet();
                }
            });
            cutter.start();
            int failures = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            try {
                for (int round = 0; round < 400 && System.nanoTime() < deadline; round++) {
                    int fresh = 1 + random.nextInt(60);
                    for (int i = 0; i < fresh; i++) {
                        Entry e = Entries.household(clock, "R" + round + "-" + i, 1 + random.nextInt(50));
                        made.add(e.uuid());
                        unacknowledged.add(e);
                    }
                    failures += pushAll(device, unacknowledged) ? 0 : 1;
                }
            } finally {
                cutting.set(false);
                cutter.join(5_000);
            }
            for (int i = 0; i < 100 && !unacknowledged.isEmpty(); i++) pushAll(device, unacknowledged);
            System.out.printf("entries %d, connections cut %d, pushes that failed %d%n", made.size(), cuts.get(), failures);

            assertThat(cuts.get()).as("connections cut").isGreaterThan(50);
            assertThat(failures).as("pushes that never got their answer").isGreaterThan(10);
            assertThat(unacknowledged).isEmpty();
            assertThat(master.store().entryCount()).isEqualTo(made.size());
            assertThat(master.store().lastSeq()).as("one seq per entry: re-pushes changed nothing").isEqualTo(made.size());
            List<String> onMaster = pullAll(paired.client());
            assertThat(onMaster).doesNotHaveDuplicates();
            assertThat(new HashSet<>(onMaster)).isEqualTo(made);
        }
    }

    @Test
    void a_client_laptop_typing_while_its_link_is_cut_again_and_again_ends_with_everything_on_the_master_once() throws Exception {
        // laptops talk HTTPS: the line that is cut carries TLS end to end
        try (RunningMaster master = RunningMaster.start(masterDir, 0, UNLIMITED);
             FlakyProxy line = FlakyProxy.to(master.kit().hub().httpsPort().orElseThrow(), SEED);
             RunningClient laptop = RunningClient.start(clientDir, "https://127.0.0.1:" + line.port(), "Cut laptop",
                     master.kit().laptopJoinCode())) {
            Random r = new Random(SEED + 2);
            Set<String> made = new HashSet<>();
            int cuts = 0;
            for (int i = 0; i < 500; i++) {
                made.add(laptop.saveHousehold("Typed " + i, 1 + i % 50).uuid());
                sleep(r.nextInt(15));
                if (r.nextInt(3) == 0) cuts += line.cutAll();
            }
            System.out.println("laptop entries " + made.size() + ", sockets cut " + cuts);
            Eventually.within(Duration.ofSeconds(60), "the laptop has nothing pending",
                    () -> laptop.store().countLocallyPending() == 0 && master.store().entryCount() == made.size());
            assertThat(cuts).as("sockets cut").isGreaterThanOrEqualTo(10);
            assertThat(master.store().lastSeq()).isEqualTo(made.size());
            List<String> onMaster = pullAll(master.pair("Checker").client());
            assertThat(onMaster).doesNotHaveDuplicates();
            assertThat(new HashSet<>(onMaster)).isEqualTo(made);
        }
    }

    /** One push of (up to 200 of) the entries not yet acknowledged; acknowledged entries leave the list. */
    private static boolean pushAll(MasterClient device, List<Entry> unacknowledged) {
        if (unacknowledged.isEmpty()) return true;
        try {
            PushResponse answer = device.push(List.copyOf(unacknowledged.subList(0, Math.min(200, unacknowledged.size()))));
            Set<String> acked = new HashSet<>();
            answer.results().forEach(res -> {
                assertThat(res.status().name()).as("status of " + res.uuid()).isIn("APPLIED", "DUPLICATE");
                acked.add(res.uuid());
            });
            unacknowledged.removeIf(e -> acked.contains(e.uuid()));
            return true;
        } catch (IOException cut) {
            return false;
        } catch (MasterError halfCut) {
            // the master got only part of the batch before the cut and said so
            assertThat(halfCut.isTransient()).as(halfCut.getMessage()).isTrue();
            return false;
        }
    }

    static List<String> pullAll(MasterClient client) throws IOException {
        List<String> uuids = new ArrayList<>();
        long since = 0;
        for (int page = 0; page < 1_000; page++) {
            PullResponse r = client.pull(since, 1000);
            r.entries().forEach(e -> uuids.add(e.uuid()));
            since = r.lastSeq();
            if (!r.more()) break;
        }
        return uuids;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
