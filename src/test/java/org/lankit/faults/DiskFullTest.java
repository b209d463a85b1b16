package org.lankit.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.app.KitOptions;
import org.lankit.app.MasterKit;
import org.lankit.hub.HubConfig;
import org.lankit.peer.MasterError;
import org.lankit.store.KitStore;
import org.lankit.sync.Entry;
import org.lankit.testkit.CapturedLog;
import org.lankit.testkit.Entries;
import org.lankit.testkit.Eventually;
import org.lankit.testkit.PairedDevice;
import org.lankit.testkit.RunningClient;
import org.lankit.testkit.RunningMaster;

/**
 * The master's disk fills up during pushes (the database's size limit stands in for the disk,
 * which a test running as root cannot make read-only): devices get an error, never an
 * acknowledgement, and keep their entries pending until the master has room again.
 */
class DiskFullTest {

    /** Small enough to fill in a few seconds, big enough for a fresh store and two pairings. */
    private static final long TINY_KB = 2 * 1024;
    private static final HubConfig HUB = HubConfig.defaults().withAnnouncement(false).withRateLimit(10_000, 10_000);

    @TempDir
    Path masterDir;
    @TempDir
    Path clientDir;

    /** The master logs each push the full store refuses; kept here and checked, not printed. */
    private final CapturedLog log = CapturedLog.of("org.lankit.hub.ErrorMapper");

    @AfterEach
    void putTheLogBack() {
        log.close();
    }

    @Test
    void when_the_masters_store_is_full_a_push_gets_a_507_error_and_the_entry_stays_pending_on_the_device() throws Exception {
        KitStore store = KitStore.open(masterDir, System::currentTimeMillis, TINY_KB);
        MasterKit kit = MasterKit.start(store, options(0), HUB.withAddress("127.0.0.1", 0));
        int port = kit.hub().port();
        String url = "http://127.0.0.1:" + port;
        try (RunningClient laptop = RunningClient.start(clientDir, url, "Laptop", kit.laptopJoinCode())) {
            PairedDevice filler = pair(url);
            MasterError full = fillUp(store, filler, 50, 1_900);
            assertThat(full).as("the store filled up").isNotNull();
            assertThat(full.status()).isEqualTo(507);
            assertThat(full.error()).isEqualTo("storage_full");
            assertThat(full.body().toString()).doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(log.lines(Level.ERROR)).as("the master's log").isNotEmpty()
                    .allMatch(line -> line.contains("/api/v1/sync/push failed: the store is full"));
            // pages freed once old reads end can make room again between the filling and the save: then fill again
            Entry typed = null;
            for (int attempt = 1; attempt <= 5 && typed == null; attempt++) {
                // to the last byte, so that even one small entry does not fit; a refused commit can
                // free a page or two, so small entries must be refused several times in a row
                assertThat(fillUp(store, filler, 5, 200)).isNotNull();
                for (int i = 0; i < 3; i++) assertThat(fillUp(store, filler, 1, 0)).isNotNull();
                // as big as the filler's largest entries: a page or two freed by a refused commit cannot hold it
                Entry saved = laptop.saveHousehold("Typed on a full master " + attempt + " " + "x".repeat(1_900), 3);
                KitStore full507 = store;
                Eventually.within(Duration.ofSeconds(20), () -> "the laptop to see the master's answer; it says " + laptop.kit().sync().state(),
                        () -> refusedForRoom(laptop) || full507.find(saved.uuid()).isPresent());
                if (store.find(saved.uuid()).isEmpty()) typed = saved;
            }
            assertThat(typed).as("an entry the full master refused").isNotNull();
            assertThat(refusedForRoom(laptop)).isTrue();
            assertThat(laptop.store().countLocallyPending()).isEqualTo(1);
            assertThat(laptop.store().locallyPending(10)).extracting(s -> s.entry().uuid()).containsExactly(typed.uuid());
            assertThat(store.find(typed.uuid())).isEmpty();

            kit.close();
            store.close();
            store = KitStore.open(masterDir);
            kit = MasterKit.start(store, options(port), HUB.withAddress("127.0.0.1", port));
            KitStore roomy = store;
            Entry waiting = typed;
            Eventually.within(Duration.ofSeconds(60), "the laptop's entry reached the master once it had room",
                    () -> laptop.store().countLocallyPending() == 0 && roomy.find(waiting.uuid()).isPresent());
        } finally {
            kit.close();
            store.close();
        }
    }

    @Test
    void a_full_master_still_lets_devices_pull_what_it_has() throws Exception {
        KitStore store = KitStore.open(masterDir, System::currentTimeMillis, TINY_KB);
        try (MasterKit kit = MasterKit.start(store, options(0), HUB.withAddress("127.0.0.1", 0))) {
            String url = "http://127.0.0.1:" + kit.hub().port();
            PairedDevice filler = pair(url);
            PairedDevice reader = pair(url);
            filler.client().push(batch(filler, 1, 0));
            // long unseen, so its next request is one the master wants to note as "seen"
            store.devices().touch(reader.deviceId(), 1, false);
            assertThat(fillUp(store, filler, 50, 1_900)).isNotNull();
            assertThat(fillUp(store, filler, 1, 0)).isNotNull();

            assertThat(reader.client().pull(0, 10).entries()).hasSize(10);
            assertThat(reader.client().status().entries()).isEqualTo(store.entryCount());
        } finally {
            store.close();
        }
    }

    private static KitOptions options(int port) {
        return new KitOptions(true, null, port, null, "Full team", RunningMaster.JOIN_CODE, null, null, null).withBind("127.0.0.1");
    }

    private static boolean refusedForRoom(RunningClient laptop) {
        String error = laptop.kit().sync().state().lastError();
        return error != null && error.contains("507");
    }

    private static PairedDevice pair(String url) throws Exception {
        var client = new org.lankit.peer.MasterClient(url, null);
        var paired = client.pair(RunningMaster.JOIN_CODE, "Filler", "phone");
        return new PairedDevice(paired.deviceId(), paired.token(), client);
    }

    /** Pushes batches until the master answers with an error; checks that the refused batch left no trace. */
    private static MasterError fillUp(KitStore store, PairedDevice filler, int batchSize, int padding) {
        for (int round = 0; round < 5_000; round++) {
            List<Entry> batch = batch(filler, batchSize, padding);
            long before = store.entryCount();
            MasterError refused = catchThrowableOfType(MasterError.class, () -> filler.client().push(batch));
            if (refused != null) {
                assertThat(store.entryCount()).as("nothing of the refused batch was stored").isEqualTo(before);
                for (Entry e : batch) assertThat(store.find(e.uuid())).isEmpty();
                return refused;
            }
        }
        return null;
    }

    private static List<Entry> batch(PairedDevice device, int n, int paddingChars) {
        List<Entry> out = new ArrayList<>();
        String padding = "x".repeat(paddingChars);
        for (int i = 0; i < n; i++) out.add(Entries.household(device.clock(), padding + i, 1 + i % 50));
        return out;
    }
}
