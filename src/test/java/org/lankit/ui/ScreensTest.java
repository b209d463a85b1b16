package org.lankit.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lankit.ui.PanelHarness.untilUi;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.timing.Timeout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.app.Role;
import org.lankit.store.KitStore;
import org.lankit.sync.Entry;
import org.lankit.testkit.Entries;
import org.lankit.testkit.PairedDevice;
import org.lankit.testkit.TeamServerReceipts;
import org.lankit.upstream.ApiSettings;

/**
 * Every main screen at 1366x768 with a day's worth of data, saved as PNGs under
 * target/screenshots for a person to look at.
 */
@ExtendWith(SwingUnderXvfb.class)
class ScreensTest {

    private static final String[] SCREENS = {"home", "entries", "devices", "conflicts", "forms", "settings", "backup"};

    @TempDir
    Path dataDir;

    @Test
    void every_master_screen_is_captured_with_data_in_it() throws Exception {
        captureMaster(false, "light");
    }

    @Test
    void the_dark_theme_is_captured_too() throws Exception {
        captureMaster(true, "dark");
    }

    @Test
    void a_client_laptop_that_has_not_joined_shows_how_to_join() {
        try (PanelHarness ui = PanelHarness.open(dataDir, Role.CLIENT, PanelServices.none())) {
            untilUi(() -> ui.window().label("clientPhase").target().getText().startsWith("Not part"), Duration.ofSeconds(20),
                    "the client screen");
            ui.window().textBox("masterUrl").requireVisible();
            ui.window().button("join").requireDisabled();
            ui.screenshot("client");
        }
    }

    private void captureMaster(boolean dark, String theme) throws Exception {
        try (PanelHarness ui = PanelHarness.open(dataDir, Role.MASTER, PanelServices.none(), dark)) {
            Entry conflicted = MasterScreensTest.conflictOnRespondent(ui);
            PairedDevice laptop = ui.pair("Field laptop 2", "client");
            PairedDevice ann = ui.pair("Chipo's phone", "phone");
            List<Entry> day = List.of(Entries.household(ann.clock(), "Tendai Ncube", 7),
                    Entries.household(ann.clock(), "Rudo Banda", 3), Entries.household(laptop.clock(), "Farai Dube", 5));
            ann.client().push(day.subList(0, 2));
            laptop.client().push(day.subList(2, 3));
            KitStore store = ui.kit().store();
            TeamServerReceipts.held(store, day.get(0).uuid());
            TeamServerReceipts.refused(store, day.get(1).uuid(), "the API needs a village");
            ui.kit().uploads().configure(ApiSettings.load(store));
            store.settings().put("approveNewDevices", "true");
            ui.pair("Unknown phone", "phone");

            for (int i = 0; i < SCREENS.length; i++) {
                ui.window().tabbedPane("tabs").selectTab(i);
                if (i == 0) {
                    untilUi(() -> ui.window().button("devicesLink").target().isShowing(), Duration.ofSeconds(10), "the waiting phone");
                }
                if (i == 1) {
                    untilUi(() -> ui.window().table("entriesTable").target().getRowCount() == 4, Duration.ofSeconds(10), "4 entries");
                }
                if (i == 3) {
                    untilUi(() -> !ui.window().robot().finder().findAll(c -> "keep-0-1".equals(c.getName())).isEmpty(),
                            Duration.ofSeconds(10), "the conflict");
                }
                if (i == 4) {
                    untilUi(() -> ui.window().table("questionsTable").target().getRowCount() == 6, Duration.ofSeconds(10), "the form");
                }
                Thread.sleep(300);
                ui.screenshot(theme + "-" + (i + 1) + "-" + SCREENS[i]);
            }
            ui.window().tabbedPane("tabs").selectTab(1);
            ui.window().table("entriesTable").selectRows(0);
            ui.window().button("details").click();
            DialogFixture dialog = ui.window().dialog("entryDialog", Timeout.timeout(20_000));
            PanelHarness.screenshot(((javax.swing.JDialog) dialog.target()).getRootPane(), theme + "-2b-entry-details");
            PanelHarness.press(dialog.button("closeEntry"));
            assertThat(store.find(conflicted.uuid())).isPresent();
        }
    }
}
