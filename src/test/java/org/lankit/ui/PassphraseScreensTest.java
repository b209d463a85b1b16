package org.lankit.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lankit.ui.PanelHarness.onUi;
import static org.lankit.ui.PanelHarness.until;
import static org.lankit.ui.PanelHarness.untilUi;

import java.nio.file.Path;
import java.time.Duration;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPasswordField;
import org.assertj.swing.fixture.JOptionPaneFixture;
import org.assertj.swing.timing.Timeout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.app.KitChoices;
import org.lankit.app.Role;
import org.lankit.backup.RecoveryKeys;
import org.lankit.secure.DataKeys;
import org.lankit.secure.FolderKeyState;
import org.lankit.secure.UserKeyFile;
import org.lankit.store.KitStore;

/** The passphrase in the control panel: set in Settings, asked at start on a computer that lacks the folder's key. */
@ExtendWith(SwingUnderXvfb.class)
class PassphraseScreensTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dataDir;
    @TempDir
    Path otherComputer;

    @Test
    void the_coordinator_sets_a_passphrase_in_settings_after_a_mismatch_is_explained() {
        try (PanelHarness ui = PanelHarness.open(dataDir, Role.MASTER, PanelServices.none())) {
            ui.kit();
            ui.window().tabbedPane("tabs").selectTab("Settings");
            untilUi(() -> hint(ui, "No passphrase: this data folder opens only on this computer"), WAIT, "the hint without a passphrase");

            ui.window().button("passphrase").click();
            JOptionPaneFixture ask = ui.window().optionPane(Timeout.timeout(20_000));
            PanelHarness.screenshot(javax.swing.SwingUtilities.getWindowAncestor(ask.target()), "passphrase-settings");
            type(ask, "newPassphrase", "river stone 42");
            type(ask, "samePassphrase", "river stone 24");
            PanelHarness.answer(ask, "Set passphrase");

            JOptionPaneFixture again = ui.window().optionPane(Timeout.timeout(20_000));
            assertThat(again.label("passphraseProblem").text()).isEqualTo("The two passphrases differ. Type the same one twice.");
            assertThat(DataKeys.hasPassphrase(dataDir)).isFalse();
            type(again, "newPassphrase", "river stone 42");
            type(again, "samePassphrase", "river stone 42");
            PanelHarness.answer(again, "Set passphrase");

            untilUi(() -> ui.window().label("status").text().startsWith("The passphrase is set."), WAIT, "the done message");
            assertThat(DataKeys.hasPassphrase(dataDir)).isTrue();
            untilUi(() -> hint(ui, "A passphrase is set"), WAIT, "the hint with a passphrase");
        }
    }

    @Test
    void on_another_computer_the_panel_asks_for_the_passphrase_says_plainly_when_it_is_wrong_and_opens_with_the_right_one() {
        try (KitStore store = KitStore.open(dataDir)) {
            new KitChoices(store).role(Role.MASTER);
            RecoveryKeys.makeIfMissing(store);
            DataKeys.setPassphrase(dataDir, store.dataKey(), "river stone 42".toCharArray());
        }
        String before = System.getProperty(UserKeyFile.HOME_PROPERTY);
        System.setProperty(UserKeyFile.HOME_PROPERTY, otherComputer.toString());
        // as it is: the harness cannot open the store first on a computer without its key
        try (PanelHarness ui = PanelHarness.openFresh(dataDir, null, PanelServices.none())) {
            JOptionPaneFixture ask = ui.window().optionPane(Timeout.timeout(20_000));
            assertThat(message(ask)).contains("protected by a passphrase, and its key is not on this computer yet");
            type(ask, "passphrase", "river stone 43");
            PanelHarness.answer(ask, "Open");

            JOptionPaneFixture again = ui.window().optionPane(Timeout.timeout(20_000));
            assertThat(message(again)).startsWith("That passphrase is not right. 2 tries left.");
            PanelHarness.screenshot(javax.swing.SwingUtilities.getWindowAncestor(again.target()), "passphrase-asked-again");
            type(again, "passphrase", "river stone 42");
            PanelHarness.answer(again, "Open");

            until(() -> ui.panel().kit() != null, WAIT, "the master to start");
            assertThat(DataKeys.state(dataDir, new UserKeyFile(otherComputer))).as("the next start asks nothing")
                    .isEqualTo(FolderKeyState.IN_VAULT);
        } finally {
            if (before == null) {
                System.clearProperty(UserKeyFile.HOME_PROPERTY);
            } else {
                System.setProperty(UserKeyFile.HOME_PROPERTY, before);
            }
        }
    }

    private static void type(JOptionPaneFixture pane, String field, String text) {
        JPasswordField target = (JPasswordField) pane.textBox(field).target();
        onUi(() -> {
            target.setText(text);
            return null;
        });
    }

    private static String message(JOptionPaneFixture pane) {
        return onUi(() -> String.valueOf(((Object[]) ((JOptionPane) pane.target()).getMessage())[0]));
    }

    private static boolean hint(PanelHarness ui, String start) {
        return !ui.window().robot().finder().findAll(ui.window().target(), c -> c instanceof JLabel l && l.isShowing() && l.getText() != null && l.getText().startsWith(start)).isEmpty();
    }
}
