package org.lankit.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lankit.testkit.FieldTeam.PHONE_A;

import ch.qos.logback.classic.Level;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.store.KitStore;
import org.lankit.testkit.CapturedLog;
import org.lankit.testkit.FieldTeam;

/** Automatic backups copied to a second place, and the warnings while no copy there is recent. */
class SecondPlaceTest {

    private static final BackupOrigin ORIGIN = new BackupOrigin("Test team", FieldTeam.MASTER, "test");

    @TempDir
    Path temp;

    /** A failed copy is logged; kept here and checked, not printed. */
    private final CapturedLog log = CapturedLog.of("org.lankit.backup.SecondPlace");

    @AfterEach
    void putTheLogBack() {
        log.close();
    }

    @Test
    void each_automatic_backup_is_copied_whole_and_the_second_place_keeps_as_many_as_the_first() throws IOException {
        Path stick = Files.createDirectories(temp.resolve("stick"));
        Files.writeString(stick.resolve("holiday.jpg"), "not ours");
        try (KitStore store = TestRecovery.open(temp.resolve("data"))) {
            new FieldTeam(store).createHouseholds(20, PHONE_A);
            SecondPlace place = new SecondPlace(store);
            place.choose(stick);
            BackupSettings settings = new BackupSettings(true, Duration.ofHours(6), 2, temp.resolve("auto"), null);
            BackupScheduler scheduler = BackupScheduler.start(store, ORIGIN, settings);
            List<Path> written = List.of(scheduler.runOnce(), later(scheduler), later(scheduler));
            scheduler.close();

            assertThat(names(stick)).containsExactlyInAnyOrder("holiday.jpg", written.get(1).getFileName().toString(),
                    written.get(2).getFileName().toString());
            assertThat(Files.readAllBytes(stick.resolve(written.get(2).getFileName()))).isEqualTo(Files.readAllBytes(written.get(2)));
            try (VerifiedBackup copy = VerifiedBackup.open(stick.resolve(written.get(2).getFileName()), TestRecovery.unlock())) {
                assertThat(copy.manifest().counts().entries()).isEqualTo(20);
            }
            assertThat(place.status().warning(Instant.now(), ZoneOffset.UTC)).isEmpty();
            assertThat(place.status().lastCopy()).isPresent();
        }
    }

    @Test
    void a_stick_that_is_not_plugged_in_fails_the_copy_not_the_backup_and_the_warning_says_why() throws IOException {
        Path stick = Files.createDirectories(temp.resolve("stick"));
        try (KitStore store = TestRecovery.open(temp.resolve("data"))) {
            SecondPlace place = new SecondPlace(store);
            place.choose(stick);
            Files.delete(stick);
            BackupScheduler scheduler = BackupScheduler.start(store, ORIGIN,
                    new BackupSettings(true, Duration.ofHours(6), 2, temp.resolve("auto"), null));
            Path written = scheduler.runOnce();
            scheduler.close();

            assertThat(written).isRegularFile();
            assertThat(log.lines(Level.WARN)).as("the second place's log")
                    .containsExactly("WARN the backup could not be copied to " + stick + ": the folder is not there (is the stick plugged in?)");
            assertThat(place.status().warning(Instant.now(), ZoneOffset.UTC)).hasValue("No backup has been copied to " + stick
                    + " yet. The last try failed: the folder is not there (is the stick plugged in?).");
        }
    }

    @Test
    void the_warning_names_no_place_a_place_never_reached_and_a_copy_older_than_a_day() throws IOException {
        Path share = Files.createDirectories(temp.resolve("share"));
        try (KitStore store = TestRecovery.open(temp.resolve("data"))) {
            SecondPlace place = new SecondPlace(store);
            Instant now = Instant.parse("2026-12-03T18:00:00Z");
            assertThat(place.status().warning(now, ZoneOffset.UTC)).hasValueSatisfying(w -> assertThat(w)
                    .startsWith("No backup is kept away from this laptop"));

            place.choose(share);
            assertThat(place.status().warning(now, ZoneOffset.UTC)).hasValue("No backup has been copied to " + share + " yet.");

            store.settings().put(SecondPlace.LAST_COPY, Long.toString(now.minus(Duration.ofHours(23)).toEpochMilli()));
            assertThat(place.status().warning(now, ZoneOffset.UTC)).isEmpty();
            store.settings().put(SecondPlace.LAST_COPY, Long.toString(now.minus(Duration.ofHours(25)).toEpochMilli()));
            assertThat(place.status().warning(now, ZoneOffset.UTC)).hasValue("The last backup copied to " + share
                    + " is from 2 Dec 2026, 17:00, more than a day ago. Plug in the stick or check the folder.");

            place.clear();
            assertThat(place.folder()).isEqualTo(Optional.empty());
        }
    }

    /** The next round, a second later: backup names carry the time to the second. */
    private static Path later(BackupScheduler scheduler) {
        try {
            Thread.sleep(1100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return scheduler.runOnce();
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
