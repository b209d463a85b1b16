package org.lankit.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lankit.ui.PanelHarness.onUi;
import static org.lankit.ui.PanelHarness.untilUi;

import java.awt.Component;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;
import javax.swing.JLabel;
import javax.swing.JPanel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.app.Role;
import org.lankit.testkit.PairedDevice;

/** The master laptop comes back at another address: the home screen says what to tell the phones. */
@ExtendWith(SwingUnderXvfb.class)
class HomeAddressTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dataDir;

    @Test
    void after_a_move_the_home_screen_names_the_old_address_until_the_phone_reached_the_new_one() throws Exception {
        PairedDevice phone;
        String before;
        try (PanelHarness ui = PanelHarness.open(dataDir, Role.MASTER, PanelServices.none())) {
            phone = ui.pair("Amina's phone", "phone");
            before = ui.baseUrl().replace("http://", "");
            untilUi(() -> ui.window().label("phonesLine").target().getText().endsWith("of 1"), WAIT, "the phone on the home screen");
            assertThat(notice(ui)).as("nothing moved yet").isEmpty();
        }
        // the tests' masters take any free port, so the next start is at another address
        try (PanelHarness ui = PanelHarness.open(dataDir, Role.MASTER, PanelServices.none())) {
            String now = ui.baseUrl().replace("http://", "");
            assertThat(now).isNotEqualTo(before);
            untilUi(() -> !notice(ui).isEmpty(), WAIT, "the notice about the address");
            assertThat(notice(ui)).contains("it was " + before).contains("1 of 1 phone did not reach it since")
                    .contains("type " + now);
            ui.screenshot("home-address-moved");

            // what the hub records when the phone calls at the new address
            ui.kit().store().devices().touch(phone.deviceId(), System.currentTimeMillis(), false);
            untilUi(() -> notice(ui).isEmpty(), WAIT, "the notice gone once the phone reached the master");
        }
    }

    /** The notice's lines as one text; empty while it is hidden. */
    private static String notice(PanelHarness ui) {
        return onUi(() -> {
            JPanel panel = (JPanel) ui.window().robot().finder().findByName(ui.window().target(), "addressMoved", false);
            if (!panel.isShowing()) return "";
            return Arrays.stream(panel.getComponents()).map(Component.class::cast).map(c -> ((JLabel) c).getText())
                    .collect(Collectors.joining(" "));
        });
    }
}
