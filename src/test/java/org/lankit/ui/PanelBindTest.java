package org.lankit.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lankit.ui.PanelHarness.onUi;
import static org.lankit.ui.PanelHarness.untilUi;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import javax.swing.JLabel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.app.KitOptions;
import org.lankit.app.Role;

/** The panel takes the command line's options as headless does: with --bind it listens there only, and the QR code says so. */
@ExtendWith(SwingUnderXvfb.class)
class PanelBindTest {

    @TempDir
    Path dataDir;

    @Test
    void with_bind_the_panel_listens_only_on_that_address_and_its_qr_code_shows_it_with_a_warning() throws Exception {
        KitOptions options = new KitOptions(false, Role.MASTER, 0, dataDir, "River Valley survey", PanelHarness.JOIN_CODE,
                null, null, null).withBind("127.0.0.1");
        try (PanelHarness ui = PanelHarness.openWith(options, PanelServices.none(), false)) {
            int port = ui.kit().hub().port();
            int httpsPort = ui.kit().hub().httpsPort().orElseThrow();
            for (int p : new int[] {port, httpsPort}) {
                connect("127.0.0.1", p).close();
                // all of 127/8 is this machine: a hub listening on every address would answer here too
                assertThatThrownBy(() -> connect("127.0.0.2", p)).as("port " + p + " on 127.0.0.2").isInstanceOf(ConnectException.class);
            }

            untilUi(() -> ui.window().textBox("joinUrl").target().getText().startsWith("http"), Duration.ofSeconds(15), "the QR code");
            BufferedImage qr = PanelHarness.screenshot(ui.window().robot().finder().findByName("qr"), "qr-bound");
            String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(qr)))).getText();
            assertThat(decoded).isEqualTo("http://127.0.0.1:" + port + "/join#" + PanelHarness.JOIN_CODE)
                    .isEqualTo(ui.window().textBox("joinUrl").text());

            untilUi(() -> ui.window().label("qrUnreachable").target().isShowing(), Duration.ofSeconds(10), "the warning");
            assertThat(onUi(() -> ((JLabel) ui.window().label("qrUnreachable").target()).getText()))
                    .contains("Phones cannot open this address").contains("without --bind");
            ui.screenshotForTheDocs("home-loopback-warning");
        }
    }

    private static Socket connect(String host, int port) throws Exception {
        Socket s = new Socket();
        try {
            s.connect(new InetSocketAddress(host, port), 5_000);
        } catch (Exception e) {
            s.close();
            throw e;
        }
        return s;
    }
}
