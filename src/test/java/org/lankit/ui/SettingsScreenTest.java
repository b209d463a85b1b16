package org.lankit.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lankit.ui.PanelHarness.onUi;
import static org.lankit.ui.PanelHarness.untilUi;

import java.awt.Component;
import java.nio.file.Path;
import java.time.Duration;
import javax.swing.JLabel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.app.KitChoices;
import org.lankit.app.Role;
import org.lankit.upstream.ApiTarget;

/** Settings says which port phones use now, and gives one example address in its hint and its error. */
@ExtendWith(SwingUnderXvfb.class)
class SettingsScreenTest {

    private static final int SETTINGS_TAB = 5;
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path dataDir;

    @Test
    void settings_shows_the_port_in_use_and_says_a_saved_one_applies_from_the_next_start() {
        try (PanelHarness ui = PanelHarness.open(dataDir, Role.MASTER, PanelServices.none())) {
            // the test's master took any free port (--port 0), so the remembered one is not the one in use
            int inUse = ui.kit().hub().port();
            ui.window().tabbedPane("tabs").selectTab(SETTINGS_TAB);
            untilUi(() -> ui.window().textBox("port").text().equals("8377"), WAIT, "the remembered port");
            assertThat(hint(ui)).isEqualTo("Phones use port " + inUse + " now; port 8377 applies the next time Lankit starts"
                    + " (phones must then scan the new QR code).");

            ui.window().textBox("port").deleteText().enterText(Integer.toString(inUse));
            ui.window().button("saveTeam").click();
            untilUi(() -> status(ui).startsWith("Saved."), WAIT, "the save");
            assertThat(status(ui)).isEqualTo("Saved. The name and port apply the next time Lankit starts.");
            assertThat(hint(ui)).isEqualTo("Phones use port " + inUse + ". Change it only if another program needs this port.");

            ui.window().textBox("port").deleteText().enterText("9377");
            ui.window().button("saveTeam").click();
            untilUi(() -> status(ui).contains("9377"), WAIT, "the second save");
            assertThat(status(ui)).isEqualTo("Saved. Phones use port " + inUse + " until Lankit starts again, then port 9377:"
                    + " they must then scan the new QR code.");
            assertThat(new KitChoices(ui.kit().store()).port()).isEqualTo(9377);
            assertThat(ui.kit().hub().port()).as("the running hub stays where phones are").isEqualTo(inUse);
        }
    }

    @Test
    void the_server_address_hint_and_its_error_give_the_same_example() {
        try (PanelHarness ui = PanelHarness.open(dataDir, Role.MASTER, PanelServices.none())) {
            ui.kit();
            ui.window().tabbedPane("tabs").selectTab(SETTINGS_TAB);
            untilUi(() -> labels(ui).contains(ApiTarget.EXAMPLE), WAIT, "the address hint with its example");
            ui.window().textBox("apiUrl").deleteText().enterText("data.example.org");
            ui.window().button("saveApi").click();
            untilUi(() -> status(ui).startsWith("Not saved"), WAIT, "the error");
            assertThat(status(ui)).contains(ApiTarget.EXAMPLE);
        }
    }

    private static String hint(PanelHarness ui) {
        return onUi(() -> ui.window().label("portHint").target().getText());
    }

    private static String status(PanelHarness ui) {
        return onUi(() -> ui.window().label("status").target().getText());
    }

    private static String labels(PanelHarness ui) {
        return onUi(() -> {
            StringBuilder all = new StringBuilder();
            for (Component c : ui.window().robot().finder().findAll(ui.window().target(), Component::isShowing)) {
                if (c instanceof JLabel l) all.append(l.getText()).append('\n');
            }
            return all.toString();
        });
    }
}
