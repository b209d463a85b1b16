package org.lankit.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.backup.RecoveryKeys;
import org.lankit.secure.KitAuthority;
import org.lankit.store.KitStore;
import org.lankit.store.StoredEntry;
import org.lankit.store.TeamIdentity;
import org.lankit.sync.Entry;
import org.lankit.testkit.FieldTeam;
import org.lankit.testkit.StoreDump;
import org.lankit.upstream.ApiSettings;
import org.lankit.upstream.ApiTarget;
import org.lankit.upstream.ServerHoldings;
import org.lankit.upstream.TargetKind;
import org.lankit.upstream.TargetSettings;

/**
 * The master laptop is lost: its encrypted backup, the team's recovery key and a new laptop give
 * back the same team (teamId and epoch), its entries, its team server with the token, and what
 * the server already holds, so nothing is uploaded twice. A wrong key or none changes nothing.
 */
class RestoreOnNewLaptopTest {

    private static final TeamIdentity TEAM = new TeamIdentity("RiverTeam-0123456789ab", 3);
    private static final String TOKEN = "tok-SECRET-4242-river";

    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private Path backup;
    private String recoveryKey;
    private List<Entry> entries;
    private List<TargetSettings> servers;
    private List<String> uploaded;
    private String editedSinceUpload;

    @BeforeEach
    void a_master_that_uploaded_some_entries_and_made_a_backup() throws IOException {
        Path lost = temp.resolve("lost-laptop");
        KitAuthority.openOrCreate(lost, "River team");
        try (KitStore store = KitStore.open(lost)) {
            store.settings().put(SettingKeys.DEVICE_ID, FieldTeam.MASTER);
            store.settings().put(SettingKeys.TEAM_NAME, "River team");
            store.setTeam(TEAM);
            FieldTeam team = new FieldTeam(store);
            List<String> households = team.createHouseholds(40, FieldTeam.PHONE_A);
            servers = List.of(new TargetSettings(TargetSettings.MAIN, TargetKind.JSON,
                    ApiTarget.of("http://127.0.0.1:9/api", TOKEN).orElseThrow(), Map.of()));
            ApiSettings.save(store, servers);
            uploaded = households.subList(0, 10);
            for (String uuid : households.subList(0, 11)) {
                store.deliveries().delivered(TargetSettings.MAIN, uuid, store.find(uuid).orElseThrow().entry().seq(), "ref-" + uuid);
            }
            editedSinceUpload = households.get(10);
            team.edit(editedSinceUpload, FieldTeam.PHONE_A, "respondent", TextNode.valueOf("Changed after the upload"));
            entries = StoreDump.entries(store);
        }
        backup = temp.resolve("stick/team.lankit");
        assertThat(run(Map.of(), "--export-backup", backup.toString(), "--data-dir", lost.toString())).isEqualTo(Main.OK);
        Matcher shown = Pattern.compile("Recovery key of this team's backups: (\\S+)").matcher(out.toString());
        assertThat(shown.find()).as("the key is shown when it is made: " + out).isTrue();
        recoveryKey = shown.group(1);
    }

    @Test
    void the_recovery_key_brings_back_the_same_team_its_entries_its_server_and_what_the_server_holds() {
        Path fresh = temp.resolve("new-laptop");
        assertThat(run(Map.of("LANKIT_RECOVERY_KEY", recoveryKey), "--import-backup", backup.toString(), "--data-dir", fresh.toString()))
                .as(err.toString()).isEqualTo(Main.OK);
        assertThat(out.toString()).contains("team.lankit imported: 40 new", "1 team server(s) set up again");

        try (KitStore restored = KitStore.open(fresh)) {
            assertThat(restored.team()).isEqualTo(TEAM);
            assertThat(StoreDump.entries(restored)).isEqualTo(entries);
            assertThat(ApiSettings.load(restored)).isEqualTo(servers);
            var held = ServerHoldings.heldByAll(restored);
            assertThat(uploaded).allSatisfy(uuid -> assertThat(held.test(stored(restored, uuid))).as(uuid).isTrue());
            assertThat(held.test(stored(restored, editedSinceUpload))).as("changed after its upload").isFalse();
            assertThat(restored.deliveries().find(TargetSettings.MAIN, editedSinceUpload).orElseThrow().ref())
                    .as("the server's name for the older revision, to update it").isEqualTo("ref-" + editedSinceUpload);
            assertThat(RecoveryKeys.kept(restored)).as("the team keeps its recovery key").isPresent();
        }

        // the restored master's own backups open with the same key: the printed page stays good
        Path next = temp.resolve("stick/next.lankit");
        assertThat(run(Map.of(), "--export-backup", next.toString(), "--data-dir", fresh.toString())).isEqualTo(Main.OK);
        assertThat(out.toString()).doesNotContain("Recovery key of this team's backups");
        assertThat(run(Map.of(), "--import-backup", next.toString(), "--data-dir", temp.resolve("third").toString(),
                "--recovery-key", recoveryKey)).as(err.toString()).isEqualTo(Main.OK);
    }

    @Test
    void a_coordinator_who_set_a_passphrase_restores_the_team_with_it_instead_of_the_recovery_key() {
        Path lost = temp.resolve("lost-laptop");
        Map<String, String> passphrase = Map.of("LANKIT_PASSPHRASE", "river stones at dawn");
        assertThat(run(passphrase, "--set-passphrase", "--data-dir", lost.toString())).as(err.toString()).isEqualTo(Main.OK);
        Path later = temp.resolve("stick/after-passphrase.lankit");
        assertThat(run(Map.of(), "--export-backup", later.toString(), "--data-dir", lost.toString())).as(err.toString()).isEqualTo(Main.OK);

        Path fresh = temp.resolve("new-laptop");
        assertThat(run(Map.of("LANKIT_PASSPHRASE", "not the passphrase"), "--import-backup", later.toString(), "--data-dir", fresh.toString()))
                .isEqualTo(Main.FAILED);
        assertThat(run(passphrase, "--import-backup", later.toString(), "--data-dir", fresh.toString()))
                .as(err.toString()).isEqualTo(Main.OK);
        try (KitStore restored = KitStore.open(fresh)) {
            assertThat(restored.team()).isEqualTo(TEAM);
            assertThat(StoreDump.entries(restored)).isEqualTo(entries);
        }
    }

    @Test
    void a_wrong_key_or_none_is_one_plain_line_and_the_new_folder_stays_empty() throws IOException {
        Path fresh = temp.resolve("new-laptop");
        assertThat(run(Map.of(), "--import-backup", backup.toString(), "--data-dir", fresh.toString(),
                "--recovery-key", "0000-1111-2222-3333-4444-5555")).isEqualTo(Main.FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("lankit: this is not the recovery key of team.lankit; nothing was restored"
                + System.lineSeparator());
        assertThat(run(Map.of(), "--import-backup", backup.toString(), "--data-dir", fresh.toString())).isEqualTo(Main.FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(
                "lankit: team.lankit is encrypted: give the team's recovery key to restore it; nothing was restored" + System.lineSeparator());
        assertThat(run(Map.of(), "--import-backup", backup.toString(), "--data-dir", fresh.toString(), "--recovery-key", "not a key"))
                .isEqualTo(Main.FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("lankit: a recovery key has 24 letters and digits");

        assertThat(fresh.resolve("secure")).as("no kit authority restored").doesNotExist();
        try (Stream<Path> files = Files.list(fresh)) {
            assertThat(files.map(p -> p.getFileName().toString())).doesNotContain("secure");
        }
        try (KitStore untouched = KitStore.open(fresh)) {
            assertThat(untouched.entryCount()).isZero();
            assertThat(untouched.auditCount()).isZero();
            assertThat(untouched.settings().get(SettingKeys.DEVICE_ID)).isEmpty();
            assertThat(ApiSettings.load(untouched)).isEmpty();
            assertThat(RecoveryKeys.kept(untouched)).isEmpty();
            assertThat(untouched.team()).isNotEqualTo(TEAM);
        }
    }

    private static StoredEntry stored(KitStore store, String uuid) {
        return store.find(uuid).orElseThrow();
    }

    private int run(Map<String, String> env, String... args) {
        out.reset();
        err.reset();
        return Main.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
