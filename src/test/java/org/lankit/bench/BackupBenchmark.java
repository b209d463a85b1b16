package org.lankit.bench;

import com.fasterxml.jackson.databind.node.TextNode;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.lankit.backup.BackupExporter;
import org.lankit.backup.BackupImporter;
import org.lankit.backup.BackupOrigin;
import org.lankit.backup.BackupUnlock;
import org.lankit.backup.ImportReport;
import org.lankit.backup.Manifest;
import org.lankit.backup.RecoveryKeys;
import org.lankit.store.KitStore;
import org.lankit.testkit.FieldTeam;
import org.lankit.upstream.ApiSettings;
import org.lankit.upstream.ApiTarget;
import org.lankit.upstream.TargetKind;
import org.lankit.upstream.TargetSettings;

/**
 * Export (and import) of a large store, for src/site/markdown/benchmarks.md. Run with a capped
 * heap, e.g. {@code java -Xmx256m -cp <test classpath> org.lankit.bench.BackupBenchmark 100000}.
 * Prints the time, the file size and the peak heap used while exporting.
 */
public final class BackupBenchmark {

    private BackupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path dir = Files.createTempDirectory("lankit-bench");
        Path backup = dir.resolve("backup.lankit");
        String recoveryKey;
        System.out.printf("max heap %d MB, %d entries%n", Runtime.getRuntime().maxMemory() >> 20, entries);
        try (KitStore store = KitStore.open(dir.resolve("master"))) {
            long t0 = System.nanoTime();
            FieldTeam team = new FieldTeam(store);
            for (int made = 0; made < entries; made += 1_000) {
                int n = Math.min(1_000, entries - made);
                boolean households = made % 5_000 < 3_000;
                List<String> uuids = households ? team.createHouseholds(n, FieldTeam.PHONE_A)
                        : team.createWaterPoints(n, FieldTeam.PHONE_B);
                // some open conflicts, as a real team has
                for (int i = 0; i < 10 && i < n; i++) {
                    team.editConcurrently(uuids.get(i), households ? "respondent" : "name",
                            TextNode.valueOf("A" + i), TextNode.valueOf("B" + i));
                }
            }
            System.out.printf("filled in %.1f s%n", seconds(t0));
            recoveryKey = RecoveryKeys.makeIfMissing(store).orElseThrow().text();
            // a team server set up: the export looks up its receipt for every entry
            ApiSettings.save(store, List.of(new TargetSettings(TargetSettings.MAIN, TargetKind.JSON,
                    ApiTarget.of("http://127.0.0.1:9/api", "bench-token").orElseThrow(), Map.of())));

            resetPeaks();
            long t1 = System.nanoTime();
            Manifest manifest = new BackupExporter(store, new BackupOrigin("Bench team", FieldTeam.MASTER, "bench")).export(backup);
            System.out.printf("export: %.1f s, %.1f MB, %d entries, %d audit events, peak heap used %d MB%n",
                    seconds(t1), Files.size(backup) / 1e6, manifest.counts().entries(), manifest.counts().audit(), peakHeapMb());
        }
        try (KitStore empty = KitStore.open(dir.resolve("restored"))) {
            resetPeaks();
            long t2 = System.nanoTime();
            ImportReport report = new BackupImporter(empty, FieldTeam.MASTER).importFrom(backup, BackupUnlock.recoveryKey(recoveryKey));
            System.out.printf("import into an empty folder: %.1f s, %d entries, peak heap used %d MB%n",
                    seconds(t2), report.created(), peakHeapMb());
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeapMb() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() >> 20;
    }
}
