package org.lankit.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.sync.HlcClock;
import org.lankit.testkit.Entries;

/**
 * Closing the store after other threads read from it prints nothing. ObjectBox's native library
 * writes its warnings straight to the process's output (not through a logger), so the store is
 * opened, read and closed in a child JVM whose output the test reads.
 */
class QuietCloseTest {

    static final String CLOSED = "store closed";

    @TempDir
    Path dataDir;

    @Test
    void closing_the_store_after_pool_threads_read_from_it_prints_no_objectbox_warnings() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-cp", System.getProperty("java.class.path"), ReadFromThreadsThenClose.class.getName(), dataDir.toString())
                .redirectErrorStream(true).start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child ended").isTrue();
        List<String> said = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertThat(said).as("the child's output").contains(CLOSED);
        assertThat(said).as("the child's output").filteredOn(line -> !line.equals(CLOSED)).isEmpty();
    }

    /**
     * Opens a new data folder (its first open reads and writes more than later ones), reads as the
     * hub's pool threads and the panel's background thread do, then closes from another thread,
     * as the shutdown hook does.
     */
    public static final class ReadFromThreadsThenClose {

        private ReadFromThreadsThenClose() {
        }

        public static void main(String[] args) throws Exception {
            KitStore store = KitStore.open(Path.of(args[0]));
            store.write(w -> w.commitMasterChange(Entries.household(HlcClock.system("phone1"), "Grace", 4), "phone1"));
            ExecutorService pool = Executors.newFixedThreadPool(3);
            try {
                for (int i = 0; i < 3; i++) {
                    Future<?> read = pool.submit(() -> {
                        store.entryCount();
                        store.auditCount();
                        store.countCreatedSince(0);
                        store.countCreatedBy("phone1");
                        store.countLocallyPending();
                        store.deliveries().countRefused("team");
                        store.devices().all();
                        store.devices().count();
                        store.forms().latest();
                        store.entryPage(0, 10);
                        store.auditPage(0, 10);
                        return null;
                    });
                    read.get();
                }
                Thread closer = new Thread(store::close, "closer");
                closer.start();
                closer.join();
                System.out.println(CLOSED);
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
