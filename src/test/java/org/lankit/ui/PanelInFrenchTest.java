package org.lankit.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lankit.ui.PanelHarness.onUi;
import static org.lankit.ui.PanelHarness.untilUi;

import java.awt.Component;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.swing.JLabel;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.JTableFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.app.Role;

/** A computer set to French: the panel's screens speak French, dates included ("aujourd'hui 14:05"). */
@ExtendWith(SwingUnderXvfb.class)
class PanelInFrenchTest {

    private static final int DEVICES_TAB = 2;
    private static final int CONFLICTS_TAB = 3;
    private static final int BACKUP_TAB = 6;
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path dataDir;
    private Locale before;

    @BeforeEach
    void a_computer_set_to_french() {
        before = Locale.getDefault();
        Locale.setDefault(Locale.FRANCE); // Swing's own buttons and file choosers too
        Text.use(Locale.FRANCE);
    }

    @AfterEach
    void english_again() {
        Locale.setDefault(before);
        Text.use(before);
    }

    private static String status(PanelHarness ui) {
        return onUi(() -> ui.window().label("status").target().getText());
    }

    @Test
    void the_devices_conflicts_and_backup_screens_speak_french(@TempDir Path folder) throws Exception {
        try (PanelHarness ui = PanelHarness.open(dataDir, Role.MASTER, EngineServices.real(Optional::empty))) {
            MasterScreensTest.conflictOnRespondent(ui);

            ui.window().tabbedPane("tabs").selectTab(DEVICES_TAB);
            JTableFixture devices = ui.window().table("devicesTable");
            untilUi(() -> devices.target().getRowCount() == 2, WAIT, "the two phones");
            assertThat(onUi(() -> devices.target().getColumnName(2))).isEqualTo("Vu pour la dernière fois");
            assertThat(onUi(() -> devices.target().getValueAt(0, 1))).isEqualTo("Téléphone");
            assertThat(onUi(() -> devices.target().getValueAt(0, 2).toString())).matches("à l'instant|il y a \\d+ minutes?");
            assertThat(ui.window().checkBox("teamEdits").text()).startsWith("Permettre aux téléphones de modifier");
            ui.screenshot("devices-french");

            ui.window().tabbedPane("tabs").selectTab(CONFLICTS_TAB);
            untilUi(() -> !ui.window().robot().finder().findAll(c -> "keep-0-1".equals(c.getName())).isEmpty(), WAIT,
                    "the conflict card");
            ui.window().button("keep-0-0").requireText("Garder celle-ci");
            List<String> card = labels(ui, "conflict-0");
            assertThat(card).contains("La réponse que tout le monde voit maintenant", "L'autre réponse");
            assertThat(card).anySatisfy(line -> assertThat(line).matches("par Bo's phone, (aujourd'hui|hier) \\d\\d:\\d\\d"));
            ui.screenshotForTheDocs("conflicts-french");

            ui.window().tabbedPane("tabs").selectTab(BACKUP_TAB);
            ui.window().button("exportBackup").requireText("Exporter une sauvegarde");
            untilUi(() -> ui.window().label("secondPlaceWarning").target().getText().startsWith("Aucune sauvegarde n'est gardée"),
                    WAIT, "the second place's warning");
            ui.window().textBox("backupFolder").deleteText().enterText(folder.toString());
            ui.window().button("exportBackup").click();
            untilUi(() -> status(ui).startsWith("Sauvegarde enregistrée dans "), WAIT, "the backup");
            assertThat(status(ui)).endsWith("(1 saisie, 1 version de formulaire, 2 appareils, vérifiée après écriture).");
            ui.screenshot("backup-french");
        }
    }

    @Test
    void a_new_team_is_shown_its_recovery_key_in_french() {
        try (PanelHarness ui = PanelHarness.openFresh(dataDir, Role.MASTER, EngineServices.real(Optional::empty))) {
            DialogFixture dialog = WindowFinder.findDialog("recoveryKeyDialog").withTimeout(20_000).using(ui.window().robot());
            assertThat(onUi(() -> dialog.target().getTitle())).isEqualTo("La clé de secours de l'équipe");
            dialog.button("recoveryKeyDone").requireText("Je l'ai notée");
            dialog.button("printRecoveryKey").requireText("Imprimer…");
            PanelHarness.press(dialog.button("recoveryKeyDone"));
            untilUi(() -> !dialog.target().isShowing(), WAIT, "the dialog to close");
        }
    }

    @Test
    void a_client_laptop_not_yet_in_a_team_asks_in_french_what_is_missing() {
        try (PanelHarness ui = PanelHarness.open(dataDir, Role.CLIENT, EngineServices.real(() -> Optional.empty()))) {
            untilUi(() -> ui.window().label("clientPhase").target().getText().equals("Pas encore membre d'une équipe"), WAIT,
                    "the join form");
            ui.window().button("join").requireText("Rejoindre");
            PanelHarness.press(ui.window().button("join"));
            untilUi(() -> status(ui).startsWith("Indiquez l'adresse de l'ordinateur principal"), WAIT, "what is missing");
        }
    }

    /** The texts of the labels inside the component named {@code name}, top to bottom. */
    private static List<String> labels(PanelHarness ui, String name) {
        return onUi(() -> {
            Component card = ui.window().robot().finder().findByName(ui.window().target(), name);
            return ui.window().robot().finder().findAll((java.awt.Container) card, c -> c instanceof JLabel).stream()
                    .map(c -> ((JLabel) c).getText()).toList();
        });
    }
}
