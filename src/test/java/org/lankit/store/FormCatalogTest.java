package org.lankit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.sync.FieldType;
import org.lankit.sync.Form;
import org.lankit.sync.FormField;

/** Form versions are read from memory; a save is seen by every later read, from any thread. */
class FormCatalogTest {

    @TempDir
    Path dataDir;

    @Test
    void a_saved_version_is_found_at_once_and_survives_reopening() {
        try (KitStore store = KitStore.open(dataDir)) {
            store.forms().save(water(1));
            assertThat(store.forms().version("water", 2)).isEmpty();
            store.forms().save(water(2));
            assertThat(store.forms().version("water", 2)).contains(water(2));
            assertThat(store.forms().latest("water")).contains(water(2));
            assertThat(store.forms().latest()).containsExactly(water(2));
            assertThatThrownBy(() -> store.forms().save(water(2))).isInstanceOf(IllegalArgumentException.class);
        }
        try (KitStore reopened = KitStore.open(dataDir)) {
            assertThat(reopened.forms().all()).containsExactly(water(1), water(2));
        }
    }

    @Test
    void a_version_saved_while_others_read_is_seen_by_every_read_that_starts_after_the_save() throws Exception {
        try (KitStore store = KitStore.open(dataDir)) {
            AtomicInteger saved = new AtomicInteger();
            ExecutorService readers = Executors.newFixedThreadPool(3);
            try {
                List<Future<Integer>> reads = new ArrayList<>();
                for (int r = 0; r < 3; r++) {
                    reads.add(readers.submit(() -> {
                        int checked = 0;
                        for (int last = 0; last < 200; ) {
                            last = saved.get();
                            if (last > 0 && store.forms().version("water", last).isEmpty()) return -last;
                            checked++;
                        }
                        return checked;
                    }));
                }
                for (int v = 1; v <= 200; v++) {
                    store.forms().save(water(v));
                    saved.set(v);
                }
                for (Future<Integer> read : reads) assertThat(read.get(1, TimeUnit.MINUTES)).as("a read missed a saved version").isPositive();
            } finally {
                readers.shutdownNow();
            }
        }
    }

    private static Form water(int version) {
        return new Form("water", version, "Water point", List.of(FormField.of("name", "Name", FieldType.TEXT, true)));
    }
}
