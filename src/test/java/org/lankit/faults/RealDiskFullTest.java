package org.lankit.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.hub.HubConfig;
import org.lankit.peer.MasterError;
import org.lankit.sync.Entry;
import org.lankit.testkit.CapturedLog;
import org.lankit.testkit.Entries;
import org.lankit.testkit.PairedDevice;
import org.lankit.testkit.RawHttp;
import org.lankit.testkit.RunningMaster;

/**
 * The master's data folder sits on a real 3 MB file system that runs out of space (a tmpfs the
 * test mounts; machines that do not allow mounting skip this and rely on {@link DiskFullTest}):
 * the device gets 507 "storage full", nothing of the refused batch is kept, a phone that tries to
 * join then hears the same, and the hub keeps serving.
 */
class RealDiskFullTest {

    @TempDir
    Path base;

    /** The master logs each push the full store refuses; kept here and checked, not printed. */
    private final CapturedLog log = CapturedLog.of("org.lankit.hub.ErrorMapper");

    @AfterEach
    void putTheLogBack() {
        log.close();
    }

    @Test
    void a_master_whose_disk_runs_out_answers_507_and_keeps_serving() throws Exception {
        Path disk = Files.createDirectory(base.resolve("tiny-disk"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", disk.toString()), "this machine does not let tests mount a file system");
        try (RunningMaster master = RunningMaster.start(disk.resolve("kit"), 0,
                HubConfig.defaults().withAnnouncement(false).withRateLimit(10_000, 10_000))) {
            PairedDevice phone = master.pair("Phone");
            MasterError full = null;
            for (int round = 0; round < 2_000 && full == null; round++) {
                List<Entry> batch = batch(phone, round);
                long before = master.store().entryCount();
                full = catchThrowableOfType(MasterError.class, () -> phone.client().push(batch));
                if (full != null) {
                    assertThat(master.store().entryCount()).as("nothing of the refused batch was kept").isEqualTo(before);
                    for (Entry e : batch) assertThat(master.store().find(e.uuid())).isEmpty();
                }
            }
            assertThat(full).as("the 3 MB disk filled up").isNotNull();
            assertThat(full.status()).isEqualTo(507);
            assertThat(full.error()).isEqualTo("storage_full");
            assertThat(log.lines(Level.ERROR)).as("the master's log").isNotEmpty()
                    .allMatch(line -> line.contains("failed: the store is full"));

            // a refused commit can free a page or two: take the space small writes still find
            int refusedInARow = 0;
            for (int i = 0; i < 5_000 && refusedInARow < 3; i++) {
                List<Entry> small = List.of(Entries.household(phone.clock(), "s" + i, 1));
                refusedInARow = catchThrowableOfType(MasterError.class, () -> phone.client().push(small)) == null ? 0 : refusedInARow + 1;
            }
            assertThat(refusedInARow).as("small entries refused too").isEqualTo(3);
            MasterError pairingRefused = null;
            for (int i = 0; i < 500 && pairingRefused == null; i++) {
                String name = "Late phone " + i;
                pairingRefused = catchThrowableOfType(MasterError.class, () -> master.pair(name));
            }
            assertThat(pairingRefused).as("a new phone could not pair on the full disk").isNotNull();
            assertThat(pairingRefused.status()).as("said as a full disk, not a server fault").isEqualTo(507);
            assertThat(RawHttp.get(master.baseUrl() + "/api/v1/status", phone.token()).status()).isEqualTo(200);
        } finally {
            run("umount", "-l", disk.toString());
        }
    }

    private static List<Entry> batch(PairedDevice phone, int round) {
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < 10; i++) out.add(Entries.household(phone.clock(), "x".repeat(1_000) + round + "-" + i, 3));
        return out;
    }

    private static boolean run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
    }
}
