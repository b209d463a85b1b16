package org.lankit.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.sync.HlcClock;
import org.lankit.testkit.Entries;

/**
 * A write refused because the store is full leaves the thread that tried it fit for work: the
 * hub's request threads are reused, and one refused push must not break later reads on them.
 */
class FullStoreTest {

    @TempDir
    Path dataDir;

    private final HlcClock phone = HlcClock.system("phone1");

    @Test
    void after_a_write_is_refused_for_lack_of_room_the_same_thread_still_reads_everything() {
        try (KitStore store = KitStore.open(dataDir, System::currentTimeMillis, 2 * 1024)) {
            store.forms().installDefaultIfEmpty();
            RuntimeException full = null;
            for (int round = 0; round < 2_000 && full == null; round++) {
                int n = round;
                try {
                    store.write(w -> {
                        for (int i = 0; i < 20; i++) w.commitMasterChange(Entries.household(phone, "x".repeat(1_900) + n + "-" + i, 2), "phone1");
                        return null;
                    });
                } catch (RuntimeException e) {
                    full = e;
                }
            }
            assertThat(full).isNotNull();
            assertThat(StoreFull.causedBy(full)).as(String.valueOf(full)).isTrue();

            long entries = store.entryCount();
            assertThat(entries).isPositive();
            assertThat(store.devices().count()).isZero();
            assertThat(store.forms().latest()).isNotEmpty();
            assertThat(store.changesAfter(0, 10)).hasSize(10);
        }
    }
}
