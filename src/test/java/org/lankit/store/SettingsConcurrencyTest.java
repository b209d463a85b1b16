package org.lankit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.sync.HlcClock;
import org.lankit.testkit.Entries;

/**
 * Regression: Settings.put used to take a Java lock, and KitStore.write puts the last seq inside
 * its transaction; a put on another thread holding that lock while waiting for the transaction
 * deadlocked both (and closing the store then hung too, so a deadlock here leaves it open).
 */
class SettingsConcurrencyTest {

    @TempDir
    Path dataDir;

    @Test
    void settings_written_beside_entry_commits_never_deadlock() throws Exception {
        HlcClock phone = HlcClock.system("phone1");
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "settings-race");
            t.setDaemon(true);
            return t;
        });
        KitStore store = KitStore.open(dataDir);
        Future<?> commits = pool.submit(() -> {
            for (int i = 0; i < 300; i++) store.write(w -> w.commitMasterChange(Entries.household(phone, "R", 2), "phone1"));
        });
        Future<?> puts = pool.submit(() -> {
            for (int i = 0; i < 300; i++) store.settings().put("some.setting", Integer.toString(i));
        });
        try {
            commits.get(30, TimeUnit.SECONDS);
            puts.get(30, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            fail("entry commits and settings puts deadlocked");
        }
        pool.shutdown();
        assertThat(store.settings().get("some.setting")).contains("299");
        assertThat(store.entryCount()).isEqualTo(300);
        store.close();
    }
}
