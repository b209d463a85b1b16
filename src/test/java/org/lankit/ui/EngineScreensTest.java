package org.lankit.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lankit.ui.PanelHarness.onUi;
import static org.lankit.ui.PanelHarness.untilUi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.assertj.swing.fixture.JFileChooserFixture;
import org.assertj.swing.timing.Timeout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.app.Role;
import org.lankit.hub.HubConfig;
import org.lankit.store.StoredEntry;
import org.lankit.sync.Entry;
import org.lankit.testkit.Entries;
import org.lankit.testkit.Eventually;
import org.lankit.testkit.FakeTeamApi;
import org.lankit.testkit.PairedDevice;
import org.lankit.testkit.RunningMaster;
import org.lankit.upstream.ApiSettings;
import org.lankit.upstream.TargetKind;
import org.lankit.upstream.TargetSettings;

/** The panel over the real engines: the uploader's settings, backups, and a client laptop joining a master. */
@ExtendWith(SwingUnderXvfb.class)
class EngineScreensTest {

    private static final int SETTINGS_TAB = 5;
    private static final int BACKUP_TAB = 6;

    @TempDir
    Path dataDir;

    /** The real engines; no looking for masters at all on the master's side. */
    private static PanelServices engines() {
        return EngineServices.real(Optional::empty);
    }

    private static String status(PanelHarness ui) {
        return onUi(() -> ui.window().label("status").target().getText());
    }

    @Test
    void the_api_typed_in_settings_is_tested_in_plain_words_and_then_gets_the_entries() throws Exception {
        try (FakeTeamApi api = FakeTeamApi.start().requireToken("s3cret");
             PanelHarness ui = PanelHarness.open(dataDir, Role.MASTER, engines())) {
            ui.kit();
            ui.window().tabbedPane("tabs").selectTab(SETTINGS_TAB);
            ui.window().textBox("apiUrl").deleteText().enterText(api.url());
            ui.window().textBox("apiToken").deleteText().enterText("wrong");
            ui.window().button("testApi").click();
            untilUi(() -> status(ui).contains("refused the token"), Duration.ofSeconds(10), "the wrong token to be named");

            ui.window().textBox("apiToken").deleteText().enterText("s3cret");
            ui.window().button("testApi").click();
            untilUi(() -> status(ui).startsWith("Reached the API at 127.0.0.1:" + api.port() + " and it accepted the token"),
                    Duration.ofSeconds(10), "the test to succeed");
            assertThat(api.storedUuids()).as("a test sends no entries").isEmpty();
            ui.screenshot("settings-api-tested");

            ui.window().button("saveApi").click();
            untilUi(() -> status(ui).startsWith("Saved. New entries are sent to"), Duration.ofSeconds(20), "the save");
            assertThat(ui.kit().uploads().targets()).singleElement().satisfies(main -> {
                assertThat(main.id()).isEqualTo(TargetSettings.MAIN);
                assertThat(main.kind()).isEqualTo(TargetKind.JSON);
                assertThat(main.server().url()).hasToString(api.url());
                assertThat(main.server().token()).isEqualTo("s3cret");
            });
            assertThat(ApiSettings.load(ui.kit().store())).as("remembered").isEqualTo(ui.kit().uploads().targets());

            PairedDevice phone = ui.pair("Ann's phone", "phone");
            Entry entry = Entries.household(phone.clock(), "Tendai Ncube", 5);
            phone.client().push(List.of(entry));
            Eventually.within(Duration.ofSeconds(10), "the entry at the API", () -> api.storedUuids().contains(entry.uuid()));
        }
    }

    @Test
    void export_backup_writes_a_zip_into_the_chosen_folder_and_says_where_and_restore_reads_it(@TempDir Path folder)
            throws Exception {
        try (PanelHarness ui = PanelHarness.open(dataDir, Role.MASTER, engines())) {
            PairedDevice phone = ui.pair("Ann's phone", "phone");
            phone.client().push(List.of(Entries.household(phone.clock(), "Rudo Banda", 3)));
            ui.window().tabbedPane("tabs").selectTab(BACKUP_TAB);
            ui.window().textBox("backupFolder").deleteText().enterText(folder.toString());
            ui.window().button("exportBackup").click();
            untilUi(() -> status(ui).startsWith("Backup saved to "), Duration.ofSeconds(15), "the backup");

            List<Path> zips;
            try (Stream<Path> files = Files.list(folder)) {
                zips = files.filter(f -> f.toString().endsWith(".lankit")).toList();
            }
            assertThat(zips).hasSize(1);
            assertThat(status(ui)).isEqualTo("Backup saved to " + zips.get(0)
                    + " (1 entry, 1 form version, 1 device, checked after writing).");
            ui.screenshot("backup-saved");

            ui.window().button("restoreBackup").click();
            JFileChooserFixture chooser = ui.window().fileChooser(Timeout.timeout(20_000));
            // chosen through Swing, like the answer below: synthetic clicks on fresh dialogs can be lost under load
            onUi(() -> {
                chooser.target().setSelectedFile(zips.get(0).toFile());
                chooser.target().approveSelection();
                return null;
            });
            ui.answer("Restore");
            untilUi(() -> status(ui).startsWith("Restored "), Duration.ofSeconds(15), "the restore");
            assertThat(status(ui)).contains("0 new, 0 updated, 1 unchanged");
        }
    }

    @Test
    void a_client_laptop_joins_a_master_by_address_and_code_and_its_typed_entry_reaches_the_master(@TempDir Path masterDir)
            throws Exception {
        try (RunningMaster master = RunningMaster.start(masterDir, 0, HubConfig.defaults().withAnnouncement(false));
             PanelHarness ui = PanelHarness.open(dataDir, Role.CLIENT, EngineServices.real(EngineScreensTest::loopback))) {
            untilUi(() -> ui.window().label("clientPhase").target().getText().startsWith("Not part"), Duration.ofSeconds(10),
                    "the join form");
            ui.window().textBox("masterUrl").deleteText().enterText(master.baseUrl());
            ui.window().textBox("joinCode").enterText(master.kit().laptopJoinCode());
            ui.window().textBox("laptopName").enterText("Field laptop 2");
            ui.window().button("join").click();
            untilUi(() -> ui.window().label("clientPhase").target().getText().equals("Connected to the master"),
                    Duration.ofSeconds(15), "the client to connect");
            untilUi(() -> ui.window().panel("clientEntryForm").target().isShowing(), Duration.ofSeconds(20), "the entry form");
            assertThat(onUi(() -> ui.window().label("clientDetail").target().getText())).startsWith("Team Test team at " + master.secureBaseUrl());

            ui.window().textBox("answer-respondent").enterText("Nyasha Moyo");
            ui.window().textBox("answer-household_size").enterText("4");
            ui.window().comboBox("answer-water_source").selectItem("well");
            ui.window().button("saveNewEntry").click();

            Eventually.within(Duration.ofSeconds(10), "the entry on the master", () -> master.store().recent(0, 10).stream()
                    .map(StoredEntry::entry).anyMatch(e -> "Nyasha Moyo".equals(e.fields().get("respondent").value().asText())
                            && e.fields().get("household_size").value().asInt() == 4
                            && "well".equals(e.fields().get("water_source").value().asText())));
            untilUi(() -> ui.window().table("clientEntries").target().getRowCount() == 1
                            && "\u2713 On the master".equals(ui.window().table("clientEntries").target().getValueAt(0, 3)),
                    Duration.ofSeconds(10), "the entry shown as on the master");
            assertThat(ui.window().textBox("answer-respondent").text()).as("the form is empty for the next one").isEmpty();
            ui.screenshot("client-joined");
        }
    }

    private static Optional<java.net.InetAddress> loopback() {
        try {
            return Optional.of(java.net.InetAddress.getByName("127.0.0.1"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
