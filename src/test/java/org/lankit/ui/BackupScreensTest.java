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
import javax.swing.JLabel;
import javax.swing.text.JTextComponent;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.JFileChooserFixture;
import org.assertj.swing.fixture.JOptionPaneFixture;
import org.assertj.swing.timing.Timeout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.backup.BackupExporter;
import org.lankit.backup.BackupOrigin;
import org.lankit.backup.RecoveryKey;
import org.lankit.backup.RecoveryKeys;
import org.lankit.secure.KitAuthority;
import org.lankit.store.KitStore;
import org.lankit.store.TeamIdentity;
import org.lankit.testkit.FieldTeam;

/** The panel's side of encrypted backups: the recovery key shown once, a new laptop restoring the team, the second place. */
@ExtendWith(SwingUnderXvfb.class)
class BackupScreensTest {

    private static final int BACKUP_TAB = 6;

    @TempDir
    Path dataDir;
    @TempDir
    Path temp;

    private static PanelServices engines() {
        return EngineServices.real(Optional::empty);
    }

    private static String status(PanelHarness ui) {
        return onUi(() -> ui.window().label("status").target().getText());
    }

    @Test
    void a_new_team_is_shown_its_recovery_key_once_in_groups_with_a_qr_code_and_only_a_derived_key_is_kept() {
        try (PanelHarness ui = PanelHarness.openFresh(dataDir, org.lankit.app.Role.MASTER, engines())) {
            DialogFixture dialog = WindowFinder.findDialog("recoveryKeyDialog").withTimeout(20_000).using(ui.window().robot());
            String shown = onUi(() -> dialog.label("recoveryKeyText").target().getText());
            assertThat(shown).matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){5}");
            assertThat(onUi(() -> ((QrView) dialog.robot().finder().findByName(dialog.target(), "recoveryKeyQr")).text())).isEqualTo(shown);
            PanelHarness.screenshot(dialog.target(), "recovery-key");
            assertThat(RecoveryKeys.kept(ui.kit().store())).hasValueSatisfying(kept ->
                    assertThat(kept.getEncoded()).isEqualTo(RecoveryKey.parse(shown).derive().getEncoded()));
            PanelHarness.press(dialog.button("recoveryKeyDone"));
            untilUi(() -> !dialog.target().isShowing(), Duration.ofSeconds(10), "the dialog to close");
        }
        try (PanelHarness again = PanelHarness.openFresh(dataDir, org.lankit.app.Role.MASTER, engines())) {
            assertThat(again.kit().newRecoveryKey()).as("the second start shows no key").isEmpty();
        }
    }

    @Test
    void a_new_laptop_restores_the_team_from_its_backup_after_a_wrong_key_is_refused() throws IOException {
        Path backup = temp.resolve("river.lankit");
        Path lost = temp.resolve("lost-laptop");
        KitAuthority.openOrCreate(lost, "River team");
        RecoveryKey key;
        TeamIdentity team = new TeamIdentity("RiverTeam-0123456789ab", 2);
        try (KitStore store = KitStore.open(lost)) {
            // as the lost laptop's master had them (app.SettingKeys)
            store.settings().put("deviceId", FieldTeam.MASTER);
            store.settings().put("teamName", "River team");
            store.setTeam(team);
            new FieldTeam(store).createHouseholds(12, FieldTeam.PHONE_A);
            key = RecoveryKeys.makeIfMissing(store).orElseThrow();
            new BackupExporter(store, new BackupOrigin("River team", FieldTeam.MASTER, "test")).export(backup);
        }
        try (PanelHarness ui = PanelHarness.openFresh(dataDir, null, engines())) {
            untilUi(() -> ui.window().button("restoreTeam").target().isShowing(), Duration.ofSeconds(10), "the first question");
            ui.window().button("restoreTeam").click(); // a robot's click: the file chooser it opens is modal
            JFileChooserFixture chooser = ui.window().fileChooser(Timeout.timeout(20_000));
            onUi(() -> {
                chooser.target().setSelectedFile(backup.toFile());
                chooser.target().approveSelection();
                return null;
            });
            typeKey(ui, RecoveryKey.random().text());
            untilUi(() -> status(ui).startsWith("Nothing was restored: this is not the recovery key of river.lankit"),
                    Duration.ofSeconds(15), "the wrong key refused");
            JOptionPaneFixture askAgain = ui.window().optionPane(Timeout.timeout(20_000));
            assertThat(onUi(() -> textOf(askAgain))).contains("That key does not open this backup");
            typeKey(ui, key.text().toLowerCase());

            assertThat(ui.kit().store().team()).isEqualTo(team);
            assertThat(ui.kit().store().entryCount()).isEqualTo(12);
            assertThat(ui.kit().newRecoveryKey()).as("the team keeps the key it had").isEmpty();
            assertThat(ui.kit().identity().deviceId()).isEqualTo(FieldTeam.MASTER);
        }
    }

    @Test
    void the_backup_screen_warns_until_a_second_place_holds_a_copy_and_then_says_when() throws IOException {
        Path stick = Files.createDirectories(temp.resolve("stick"));
        try (PanelHarness ui = PanelHarness.open(dataDir, org.lankit.app.Role.MASTER, engines())) {
            ui.kit();
            ui.window().tabbedPane("tabs").selectTab(BACKUP_TAB);
            untilUi(() -> ui.window().label("secondPlaceWarning").target().getText().startsWith("No backup is kept away from this laptop"),
                    Duration.ofSeconds(10), "the warning");
            ui.window().button("chooseSecondPlace").click(); // a robot's click: the file chooser it opens is modal
            JFileChooserFixture chooser = ui.window().fileChooser(Timeout.timeout(20_000));
            onUi(() -> {
                chooser.target().setSelectedFile(stick.toFile());
                chooser.target().approveSelection();
                return null;
            });
            untilUi(() -> status(ui).startsWith("The last copy reached " + stick), Duration.ofSeconds(20), "the first copy");
            assertThat(onUi(() -> ui.window().label("secondPlace").target().getText())).isEqualTo("Copies go to " + stick + ".");
            assertThat(onUi(() -> ui.window().label("secondPlaceWarning").target().getText())).startsWith("The last copy reached");
            try (Stream<Path> files = Files.list(stick)) {
                assertThat(files.map(p -> p.getFileName().toString()).toList())
                        .singleElement().asString().matches("lankit-backup-River-Valley-survey-\\d{8}-\\d{6}\\.lankit");
            }
            ui.screenshot("second-place");

            ui.window().tabbedPane("tabs").selectTab(1);
            assertThat(onUi(() -> ui.window().label("csvPlainNote").target().getText())).startsWith("CSV files are not encrypted");
        }
    }

    private static void typeKey(PanelHarness ui, String text) {
        JOptionPaneFixture ask = ui.window().optionPane(Timeout.timeout(20_000));
        JTextComponent field = ask.textBox("recoveryKeyField").target();
        onUi(() -> {
            field.setText(text);
            return null;
        });
        PanelHarness.answer(ask, "Restore");
    }

    private static String textOf(JOptionPaneFixture pane) {
        StringBuilder all = new StringBuilder();
        List<JLabel> labels = List.copyOf(pane.robot().finder().findAll(pane.target(), c -> c instanceof JLabel)
                .stream().map(c -> (JLabel) c).toList());
        labels.forEach(l -> all.append(l.getText()).append('\n'));
        return all.toString();
    }
}
