package org.lankit.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lankit.testkit.FieldTeam.PHONE_A;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.store.KitStore;
import org.lankit.testkit.FieldTeam;
import org.lankit.testkit.RunningMaster;

class BackupSchedulerTest {

    private static final BackupOrigin ORIGIN = new BackupOrigin("Test team", FieldTeam.MASTER, "test");

    @TempDir
    Path temp;

    @Test
    void a_round_writes_a_verified_backup_and_keeps_only_the_newest_automatic_ones_of_this_team() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("auto"));
        for (String old : List.of("20250101-010101", "20250202-020202", "20250303-030303", "20250404-040404")) {
            Files.writeString(folder.resolve("lankit-backup-Test-team-" + old + ".zip"), "old");
        }
        Files.writeString(folder.resolve("lankit-backup-Other-team-20250101-010101.zip"), "not ours");
        Files.writeString(folder.resolve("notes.zip"), "not a backup");
        try (KitStore store = TestRecovery.open(temp.resolve("data"))) {
            new FieldTeam(store).createHouseholds(20, PHONE_A);
            BackupScheduler scheduler = BackupScheduler.start(store, ORIGIN,
                    new BackupSettings(true, Duration.ofHours(6), 3, folder, null));
            Path written = scheduler.runOnce();
            scheduler.close();

            try (VerifiedBackup backup = VerifiedBackup.open(written, TestRecovery.unlock())) {
                assertThat(backup.manifest().counts().entries()).isEqualTo(20);
            }
            assertThat(names(folder)).containsExactlyInAnyOrder(written.getFileName().toString(),
                    "lankit-backup-Test-team-20250404-040404.zip", "lankit-backup-Test-team-20250303-030303.zip",
                    "lankit-backup-Other-team-20250101-010101.zip", "notes.zip");
            assertThat(store.syncState().get(BackupScheduler.LAST_AUTOMATIC)).isPresent();
        }
    }

    @Test
    void the_schedule_backs_up_in_the_background_until_closed() throws Exception {
        Path folder = temp.resolve("auto");
        try (KitStore store = TestRecovery.open(temp.resolve("data"))) {
            new FieldTeam(store).createHouseholds(5, PHONE_A);
            try (BackupScheduler scheduler = BackupScheduler.start(store, ORIGIN,
                    new BackupSettings(true, Duration.ofMillis(200), 2, folder, null), Duration.ZERO)) {
                assertThat(scheduler.isRunning()).isTrue();
                for (int i = 0; i < 300 && !hasBackup(folder); i++) Thread.sleep(100);
            }
            // closed: no backup is half written any more
            assertThat(names(folder)).isNotEmpty().allMatch(n -> n.matches("lankit-backup-Test-team-\\d{8}-\\d{6}\\.lankit"));
        }
    }

    @Test
    void a_master_backs_up_automatically_unless_the_setting_turns_it_off() {
        try (RunningMaster master = RunningMaster.start(temp.resolve("on"))) {
            assertThat(master.kit().backups().isRunning()).isTrue();
        }
        Path off = temp.resolve("off");
        try (KitStore store = TestRecovery.open(off)) {
            store.settings().put(BackupSettings.AUTOMATIC, "false");
        }
        try (RunningMaster master = RunningMaster.start(off)) {
            assertThat(master.kit().backups().isRunning()).isFalse();
        }
    }

    @Test
    void settings_default_to_six_hourly_backups_keeping_ten_in_the_data_folder_and_no_retention() {
        try (KitStore store = TestRecovery.open(temp.resolve("data"))) {
            BackupSettings defaults = BackupSettings.read(store.settings(), store.dataDir());
            assertThat(defaults).isEqualTo(new BackupSettings(true, Duration.ofHours(6), 10, store.dataDir().resolve("backups"), null));
            store.settings().put(BackupSettings.EVERY_HOURS, "24");
            store.settings().put(BackupSettings.KEEP, "zero");
            store.settings().put(BackupSettings.RETENTION_DAYS, "90");
            BackupSettings set = BackupSettings.read(store.settings(), store.dataDir());
            assertThat(set.every()).isEqualTo(Duration.ofHours(24));
            assertThat(set.keep()).isEqualTo(10);
            assertThat(set.retentionDays()).isEqualTo(90);
        }
    }

    private static boolean hasBackup(Path folder) throws IOException {
        return Files.isDirectory(folder) && names(folder).stream().anyMatch(n -> n.endsWith(".lankit"));
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
