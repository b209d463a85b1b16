package org.lankit.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lankit.ui.PanelHarness.onUi;
import static org.lankit.ui.PanelHarness.untilUi;

import java.awt.Component;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.swing.JLabel;
import javax.swing.JPasswordField;
import javax.swing.text.JTextComponent;
import org.assertj.swing.data.TableCell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.app.Role;
import org.lankit.sync.DefaultForm;
import org.lankit.sync.Entry;
import org.lankit.testkit.CouchDatabase;
import org.lankit.testkit.CouchServer;
import org.lankit.testkit.Entries;
import org.lankit.testkit.Eventually;
import org.lankit.testkit.FakeTeamApi;
import org.lankit.testkit.OpenRosaServer;
import org.lankit.testkit.PairedDevice;
import org.lankit.upstream.ApiSettings;
import org.lankit.upstream.ApiTarget;
import org.lankit.upstream.TargetKind;
import org.lankit.upstream.TargetSettings;

/** The coordinator sets up the team's servers by kind on the Settings screen, over the master's real uploads. */
@ExtendWith(SwingUnderXvfb.class)
class TeamServerSettingsTest {

    private static final int SETTINGS_TAB = 5;
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String PASSWORD = "c0uch-pa55word-of-the-team";

    @TempDir
    Path dataDir;

    @Test
    void the_coordinator_chooses_couchdb_types_address_user_and_password_tests_it_and_saves_it_and_the_password_is_never_shown()
            throws Exception {
        try (CouchServer couch = CouchServer.withLogin("lankit", PASSWORD);
             PanelHarness ui = PanelHarness.open(dataDir, Role.MASTER, EngineServices.real(Optional::empty))) {
            CouchDatabase database = couch.database("survey").create();
            ui.kit();
            ui.window().tabbedPane("tabs").selectTab(SETTINGS_TAB);
            ui.window().comboBox("apiKind").selectItem("CouchDB");
            assertThat(showing(ui, "apiToken")).as("CouchDB signs in with a user name").isFalse();
            assertThat(showing(ui, "apiForms")).as("form ids are OpenRosa's").isFalse();
            ui.window().textBox("apiUrl").deleteText().enterText(database.url());
            ui.window().textBox("apiUser").deleteText().enterText("lankit");
            ui.window().textBox("apiPassword").deleteText().enterText("not the password");
            ui.window().button("testApi").click();
            untilUi(() -> ui.window().textBox("apiResult").text().startsWith("CouchDB at 127.0.0.1:" + couch.port() + " refused"),
                    WAIT, "the wrong password named under the button");
            assertThat(status(ui)).isEqualTo(ui.window().textBox("apiResult").text());

            ui.window().textBox("apiPassword").deleteText().enterText(PASSWORD);
            ui.window().button("testApi").click();
            untilUi(() -> ui.window().textBox("apiResult").text().startsWith("Reached the CouchDB database \"survey\" at 127.0.0.1:"
                    + couch.port()), WAIT, "the test's result under the button");
            assertThat(onScreen(ui)).as("the password on screen").doesNotContain(PASSWORD);
            assertThat(database.docs()).as("a test sends no entries").isEmpty();
            ui.screenshot("settings-couchdb-tested");

            ui.window().button("saveApi").click();
            untilUi(() -> status(ui).equals("Saved. New entries are sent to 127.0.0.1:" + couch.port() + "."), WAIT, "the save");
            TargetSettings saved = new TargetSettings(TargetSettings.MAIN, TargetKind.COUCHDB,
                    new ApiTarget(URI.create(database.url()), "", "lankit", PASSWORD), Map.of());
            assertThat(ui.kit().uploads().targets()).containsExactly(saved);
            assertThat(ApiSettings.load(ui.kit().store())).as("remembered").containsExactly(saved);
            assertThat(onScreen(ui)).as("the password on screen after loading it back").doesNotContain(PASSWORD);
            assertThat(onUi(() -> ((JPasswordField) ui.window().textBox("apiPassword").target()).getEchoChar())).isNotEqualTo((char) 0);
            assertThat(onUi(() -> ui.window().comboBox("apiKind").target().getSelectedItem().toString())).isEqualTo("CouchDB");

            PairedDevice phone = ui.pair("Ann's phone", "phone");
            Entry entry = Entries.household(phone.clock(), "Tendai Ncube", 5);
            phone.client().push(List.of(entry));
            Eventually.within(WAIT, "the entry in CouchDB", () -> holds(database, entry.uuid()));
        }
    }

    @Test
    void a_second_server_set_up_beside_the_first_gets_every_entry_too_with_its_own_state_line() throws Exception {
        try (FakeTeamApi first = FakeTeamApi.start().requireToken("first-token-1234");
             FakeTeamApi second = FakeTeamApi.start().requireToken("second-token-5678");
             PanelHarness ui = PanelHarness.open(dataDir, Role.MASTER, EngineServices.real(Optional::empty))) {
            ui.kit();
            ui.window().tabbedPane("tabs").selectTab(SETTINGS_TAB);
            ui.window().textBox("apiUrl").deleteText().enterText(first.url());
            ui.window().textBox("apiToken").deleteText().enterText("first-token-1234");
            assertThat(showing(ui, "mirror-apiKind")).as("no second server until asked for").isFalse();
            ui.window().checkBox("mirrorOn").check();
            ui.window().comboBox("mirror-apiKind").selectItem("Other (JSON API)");
            ui.window().textBox("mirror-apiUrl").enterText(second.url());
            ui.window().textBox("mirror-apiToken").enterText("second-token-5678");
            ui.window().button("mirror-testApi").click();
            untilUi(() -> ui.window().textBox("mirror-apiResult").text().startsWith("Reached the API at 127.0.0.1:" + second.port()),
                    WAIT, "the second server's test result");
            assertThat(ui.window().textBox("apiResult").text()).as("the first server's result stays empty").isEmpty();

            ui.window().button("saveApi").click();
            untilUi(() -> status(ui).equals("Saved. New entries are sent to 127.0.0.1:" + first.port() + " and 127.0.0.1:" + second.port()
                    + "."), WAIT, "the save");
            assertThat(ui.kit().uploads().targets()).extracting(TargetSettings::id).containsExactly(TargetSettings.MAIN, "mirror");
            untilUi(() -> ui.window().label("mirror-apiState").text().startsWith("Uploads: "), WAIT, "the second server's state");
            assertThat(onScreen(ui)).as("the tokens on screen").doesNotContain("first-token-1234").doesNotContain("second-token-5678");
            ui.screenshot("settings-two-servers");

            PairedDevice phone = ui.pair("Ann's phone", "phone");
            Entry entry = Entries.household(phone.clock(), "Tendai Ncube", 5);
            phone.client().push(List.of(entry));
            Eventually.within(WAIT, "the entry on both servers",
                    () -> first.storedUuids().contains(entry.uuid()) && second.storedUuids().contains(entry.uuid()));
        }
    }

    @Test
    void an_odk_central_address_is_tested_for_the_kits_forms_saved_with_a_form_id_and_shown_back_with_its_token_masked()
            throws Exception {
        String key = "Xk3mQ9vLr2TtYpWz8sNc4BdFgHjK5aE1uIoPl7ZxCvB6nM0qRwSeDyUiOpAsDfGh";
        try (OpenRosaServer central = OpenRosaServer.start("/v1/key/" + key + "/projects/1").publish("household_2024", "1");
             PanelHarness ui = PanelHarness.open(dataDir, Role.MASTER, EngineServices.real(Optional::empty))) {
            ui.kit();
            ui.window().tabbedPane("tabs").selectTab(SETTINGS_TAB);
            ui.window().comboBox("apiKind").selectItem("ODK Central");
            assertThat(showing(ui, "apiUser")).as("Central's token is in its address").isFalse();
            assertThat(showing(ui, "apiToken")).isFalse();
            ui.window().textBox("apiUrl").deleteText().enterText(central.url());
            untilUi(() -> ui.window().table("apiForms").target().getRowCount() == 1, WAIT, "the kit's form in the form ids");
            assertThat(ui.window().table("apiForms").valueAt(TableCell.row(0).column(1))).isEqualTo(DefaultForm.ID);

            ui.window().button("testApi").click();
            untilUi(() -> ui.window().textBox("apiResult").text().contains("lacks this form: " + DefaultForm.ID), WAIT,
                    "the missing form named");
            ui.window().table("apiForms").enterValue(TableCell.row(0).column(1), "household_2024");
            ui.window().button("testApi").click();
            untilUi(() -> ui.window().textBox("apiResult").text().startsWith("Reached the OpenRosa server at 127.0.0.1:" + central.port()),
                    WAIT, "the server to have every form");
            assertThat(onScreen(ui)).doesNotContain(key);

            ui.window().button("saveApi").click();
            untilUi(() -> status(ui).startsWith("Saved."), WAIT, "the save");
            untilUi(() -> ui.window().textBox("apiUrl").text().contains("/v1/key/•••DfGh/projects/1"), WAIT, "the address masked");
            assertThat(onUi(() -> ui.window().comboBox("apiKind").target().getSelectedItem().toString())).isEqualTo("ODK Central");
            assertThat(onScreen(ui)).as("Central's token on screen").doesNotContain(key);
            ui.screenshot("settings-central-masked");

            ui.window().button("saveApi").click();
            untilUi(() -> status(ui).startsWith("Saved."), WAIT, "the second save, the address left as shown");
            assertThat(ui.kit().uploads().targets()).containsExactly(new TargetSettings(TargetSettings.MAIN, TargetKind.OPENROSA,
                    new ApiTarget(URI.create(central.url()), null), Map.of(DefaultForm.ID, "household_2024")));
            assertThat(central.violations()).isEmpty();
        }
    }

    private static boolean holds(CouchDatabase database, String id) {
        try {
            return database.doc(id).isPresent();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean showing(PanelHarness ui, String name) {
        return onUi(() -> ui.window().robot().finder().findByName(ui.window().target(), name, false).isShowing());
    }

    private static String status(PanelHarness ui) {
        return onUi(() -> ui.window().label("status").target().getText());
    }

    /** Every text the window shows: labels and text fields, not what password fields hold. */
    private static String onScreen(PanelHarness ui) {
        return onUi(() -> {
            StringBuilder all = new StringBuilder();
            for (Component c : ui.window().robot().finder().findAll(ui.window().target(), c -> c.isShowing())) {
                if (c instanceof JLabel l) all.append(l.getText()).append('\n');
                if (c instanceof JTextComponent t && !(c instanceof JPasswordField)) all.append(t.getText()).append('\n');
            }
            return all.toString();
        });
    }
}
