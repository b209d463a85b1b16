package org.lankit.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lankit.ui.PanelHarness.onUi;
import static org.lankit.ui.PanelHarness.untilUi;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ReaderException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import org.assertj.swing.fixture.JTableFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.app.Role;
import org.lankit.peer.MasterClient;

/** The coordinator sets phones up for offline use from the home screen and sees who still uses plain http. */
@ExtendWith(SwingUnderXvfb.class)
class SecureModeScreensTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dataDir;

    @Test
    void the_home_screen_shows_the_set_up_qr_code_on_request_and_the_laptop_code_with_the_kits_pin() throws Exception {
        try (PanelHarness ui = PanelHarness.open(dataDir, Role.MASTER, PanelServices.none())) {
            String joinUrl = "http://127.0.0.1:" + ui.kit().hub().port() + "/join#" + ui.kit().joinCode();
            untilUi(() -> ui.window().textBox("joinUrl").text().equals(joinUrl), WAIT, "the join QR code");

            ui.window().button("setupToggle").click();

            String setupUrl = "http://127.0.0.1:" + ui.kit().hub().port() + "/setup#" + ui.kit().joinCode();
            untilUi(() -> ui.window().textBox("joinUrl").text().equals(setupUrl), WAIT, "the set-up address");
            PanelHarness.until(() -> setupUrl.equals(qrText(ui)), WAIT, "the set-up QR code drawn");
            ui.window().label("qrHeading").requireText("Scan to set up a phone for offline use");
            assertThat(onUi(() -> ui.window().label("setupHint").target().getText())).contains("Once per phone");
            ui.screenshot("home-setup-qr");

            ui.window().button("setupToggle").requireText("Back to the join QR code").click();
            untilUi(() -> ui.window().textBox("joinUrl").text().equals(joinUrl), WAIT, "the join QR code again");
            PanelHarness.until(() -> joinUrl.equals(qrText(ui)), WAIT, "the join QR code drawn again");
        }
    }

    @Test
    void the_laptop_join_code_on_the_home_screen_is_not_the_phone_code_and_carries_the_kits_pin() {
        try (PanelHarness ui = PanelHarness.open(dataDir, Role.MASTER, PanelServices.none())) {
            String expected = ui.kit().laptopJoinCode();
            assertThat(expected).doesNotStartWith(ui.kit().joinCode()).endsWith("-" + ui.kit().authorityPin().pin());
            untilUi(() -> onUi(() -> labelText(ui)).endsWith(expected), WAIT, "the laptop code");
        }
    }

    @Test
    void the_devices_screen_says_which_phones_use_https_and_which_still_plain_http() throws Exception {
        try (PanelHarness ui = PanelHarness.open(dataDir, Role.MASTER, PanelServices.none())) {
            new MasterClient(ui.baseUrl(), null).pair(ui.kit().joinCode(), "Plain phone", "phone");
            String secureBase = "https://127.0.0.1:" + ui.kit().hub().httpsPort().orElseThrow();
            new MasterClient(secureBase, null, ui.kit().authorityPin().pin()).pair(ui.kit().joinCode(), "Secure phone", "phone");

            ui.window().tabbedPane("tabs").selectTab("Devices");
            JTableFixture table = ui.window().table("devicesTable");
            untilUi(() -> table.target().getRowCount() == 2, WAIT, "both phones");

            assertThat(connectionOf(table, "Plain phone")).isEqualTo("Plain http");
            assertThat(connectionOf(table, "Secure phone")).isEqualTo("Secure (https)");
            ui.screenshot("devices-connection");
        }
    }

    private static String labelText(PanelHarness ui) {
        return ui.window().robot().finder().findAll(ui.window().target(), c -> c instanceof javax.swing.JLabel l
                && l.getText() != null && l.getText().startsWith("Laptops join")).stream()
                .map(c -> ((javax.swing.JLabel) c).getText()).findFirst().orElse("");
    }

    private static String connectionOf(JTableFixture table, String name) {
        return onUi(() -> {
            for (int row = 0; row < table.target().getRowCount(); row++) {
                if (name.equals(table.target().getValueAt(row, 0))) return String.valueOf(table.target().getValueAt(row, 3));
            }
            return "";
        });
    }

    /** What the QR code on screen says now; empty while it is being redrawn (the layout moves when the heading changes). */
    private static String qrText(PanelHarness ui) {
        BufferedImage qr = PanelHarness.screenshot(ui.window().robot().finder().findByName("qr"), "qr-now");
        try {
            return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(qr)))).getText();
        } catch (ReaderException beingRedrawn) {
            return "";
        }
    }
}
