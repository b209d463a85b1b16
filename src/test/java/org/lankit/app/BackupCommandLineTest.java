package org.lankit.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.secure.CaPin;
import org.lankit.secure.KitAuthority;
import org.lankit.store.KitStore;
import org.lankit.testkit.FieldTeam;

class BackupCommandLineTest {

    @TempDir
    Path temp;

    private Path data;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void a_master_data_folder() {
        data = temp.resolve("data");
        try (KitStore store = KitStore.open(data)) {
            store.settings().put(SettingKeys.DEVICE_ID, FieldTeam.MASTER);
            store.settings().put(SettingKeys.TEAM_NAME, "River team");
            FieldTeam team = new FieldTeam(store);
            team.createHouseholds(30, FieldTeam.PHONE_A);
            team.createWaterPoints(10, FieldTeam.PHONE_B);
        }
    }

    @Test
    void export_then_import_into_a_new_folder_restores_the_team_and_its_master_identity() {
        Path file = temp.resolve("stick/team.zip");
        assertThat(run("--export-backup", file.toString(), "--data-dir", data.toString())).isEqualTo(Main.OK);
        assertThat(out.toString()).contains("Backup written and verified (encrypted): ").contains("(40 entries,");
        assertThat(file).isRegularFile();
        String key = recoveryKeyShown();

        Path fresh = temp.resolve("new-laptop");
        assertThat(run("--import-backup", file.toString(), "--data-dir", fresh.toString(), "--recovery-key", key)).isEqualTo(Main.OK);
        assertThat(out.toString()).contains("team.zip imported: 40 new, 0 updated");
        try (KitStore restored = KitStore.open(fresh)) {
            assertThat(restored.entryCount()).isEqualTo(40);
            assertThat(restored.settings().get(SettingKeys.DEVICE_ID)).contains(FieldTeam.MASTER);
            assertThat(restored.settings().get(SettingKeys.TEAM_NAME)).contains("River team");
        }
    }

    @Test
    void a_restored_master_keeps_the_kit_certificate_its_phones_trust_and_another_master_refuses_the_other_teams_backup() {
        CaPin teams = KitAuthority.openOrCreate(data, "River team").pin();
        Path file = temp.resolve("stick/team.zip");
        assertThat(run("--export-backup", file.toString(), "--data-dir", data.toString())).isEqualTo(Main.OK);
        String key = recoveryKeyShown();

        Path fresh = temp.resolve("new-laptop");
        assertThat(run("--import-backup", file.toString(), "--data-dir", fresh.toString(), "--recovery-key", key)).isEqualTo(Main.OK);
        assertThat(out.toString()).contains("team.zip is signed by the kit authority it carries; this folder had none of its own");
        Path other = temp.resolve("other-master");
        CaPin others = KitAuthority.openOrCreate(other, "Other team").pin();
        try (KitStore store = KitStore.open(other)) {
            store.settings().put(SettingKeys.DEVICE_ID, "othermaster01");
        }
        assertThat(run("--import-backup", file.toString(), "--data-dir", other.toString(), "--recovery-key", key)).isEqualTo(Main.FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).singleElement().asString()
                .startsWith("lankit: team.zip is signed by another team's kit authority (" + teams.pin() + "), not this master's");
        try (KitStore store = KitStore.open(other)) {
            assertThat(store.entryCount()).isZero();
        }

        assertThat(KitAuthority.openOrCreate(fresh, "ignored").pin()).as("the restored master").isEqualTo(teams);
        assertThat(KitAuthority.openOrCreate(other, "ignored").pin()).as("the other master").isEqualTo(others);
    }

    @Test
    void export_into_a_folder_names_the_file_after_the_team_and_time() throws IOException {
        Path stick = Files.createDirectories(temp.resolve("stick"));
        assertThat(run("--headless", "--export-backup", stick.toString(), "--data-dir", data.toString())).isEqualTo(Main.OK);
        try (var files = Files.list(stick)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .singleElement().asString().matches("lankit-backup-River-team-\\d{8}-\\d{6}\\.lankit");
        }
    }

    @Test
    void export_csv_writes_one_file_per_form() {
        Path csv = temp.resolve("csv");
        assertThat(run("--export-csv", csv.toString(), "--data-dir", data.toString())).isEqualTo(Main.OK);
        assertThat(out.toString().strip()).isEqualTo("Wrote 2 CSV file(s) to " + csv);
        assertThat(csv.resolve("household_visit.csv")).isRegularFile();
        assertThat(csv.resolve("water_point.csv")).isRegularFile();
    }

    @Test
    void a_foreign_file_fails_with_one_line_and_leaves_a_new_folder_untouched() throws IOException {
        Path foreign = temp.resolve("photos.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(foreign))) {
            zip.putNextEntry(new ZipEntry("cat.jpg"));
            zip.write(new byte[] {1, 2, 3});
            zip.closeEntry();
        }
        Path fresh = temp.resolve("new-laptop");
        assertThat(run("--import-backup", foreign.toString(), "--data-dir", fresh.toString())).isEqualTo(Main.FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("lankit: photos.zip is not a Lankit backup: it has no manifest.json"
                + System.lineSeparator());
        try (KitStore untouched = KitStore.open(fresh)) {
            assertThat(untouched.entryCount()).isZero();
            assertThat(untouched.settings().get(SettingKeys.DEVICE_ID)).isEmpty();
        }
    }

    @Test
    void a_data_folder_in_use_fails_with_one_line() {
        try (KitStore running = KitStore.open(data)) {
            assertThat(run("--export-backup", temp.resolve("b.zip").toString(), "--data-dir", data.toString())).isEqualTo(Main.FAILED);
        }
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).singleElement().asString()
                .startsWith("lankit: Another Lankit is already running");
    }

    @Test
    void help_lists_the_backup_options() {
        assertThat(run("--help")).isEqualTo(Main.OK);
        assertThat(out.toString()).contains("--export-backup=FILE", "--import-backup=FILE", "--recovery-key=KEY", "--export-csv=DIR");
    }

    /** The recovery key the last command printed, once, when it made the team's key. */
    private String recoveryKeyShown() {
        Matcher shown = Pattern.compile("Recovery key of this team's backups: (\\S+)").matcher(out.toString());
        assertThat(shown.find()).as("the recovery key shown in " + out).isTrue();
        return shown.group(1);
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
