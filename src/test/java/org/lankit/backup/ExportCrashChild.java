package org.lankit.backup;

import java.nio.file.Path;
import java.time.Clock;
import org.lankit.store.KitStore;

/**
 * Run by {@link ExportCrashTest} in a JVM of its own: exports the store in {@code args[0]} to
 * {@code args[1]}, announcing each page of entries and pausing after it, so the test can kill
 * the process while the export is half done.
 */
public final class ExportCrashChild {

    private ExportCrashChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        try (KitStore store = TestRecovery.open(Path.of(args[0]))) {
            ExportProgress slow = (written, total) -> {
                System.out.println("written " + written + " of " + total);
                System.out.flush();
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            };
            new BackupExporter(store, new BackupOrigin("Crash team", "master01", "test"), Clock.systemDefaultZone(), slow)
                    .export(Path.of(args[1]));
            System.out.println("done");
        }
    }
}
