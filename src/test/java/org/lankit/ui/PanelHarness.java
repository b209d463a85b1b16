package org.lankit.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Component;
import java.awt.Window;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import javax.swing.JButton;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;
import org.assertj.swing.core.matcher.JButtonMatcher;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.exception.ComponentLookupException;
import org.assertj.swing.fixture.FrameFixture;
import org.assertj.swing.fixture.JCheckBoxFixture;
import org.assertj.swing.fixture.JTableFixture;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.JOptionPaneFixture;
import org.assertj.swing.timing.Timeout;
import org.lankit.app.KitLifecycle;
import org.lankit.app.KitOptions;
import org.lankit.app.MasterKit;
import org.lankit.app.Role;
import org.lankit.backup.RecoveryKeys;
import org.lankit.hub.HubConfig;
import org.lankit.peer.MasterClient;
import org.lankit.store.KitStore;
import org.lankit.sync.Protocol.PairResponse;
import org.lankit.testkit.PairedDevice;
import org.lankit.testkit.RunningMaster;

/**
 * The real control panel on a temp data folder, its hub on 127.0.0.1 port 0, driven by AssertJ
 * Swing. Always close it: the window, the hub and the store stop, and the exit hook must run.
 */
final class PanelHarness implements AutoCloseable {

    static final String JOIN_CODE = "TEST-CODE";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ControlPanel panel;
    private final FrameFixture window;
    private final CountDownLatch exited;

    private PanelHarness(ControlPanel panel, FrameFixture window, CountDownLatch exited) {
        this.panel = panel;
        this.window = window;
        this.exited = exited;
    }

    /** Opens the panel; {@code role} null means "not chosen yet" (first start). */
    static PanelHarness open(Path dataDir, Role role, PanelServices services) {
        return open(dataDir, role, services, false);
    }

    static PanelHarness open(Path dataDir, Role role, PanelServices services, boolean dark) {
        return open(dataDir, role, services, dark, JOIN_CODE);
    }

    /**
     * {@code joinCode} null: the master keeps the code its store remembers, as a coordinator's restart does.
     * The folder's team has its recovery key already (as after the first start), so the one-time
     * dialog that shows it does not stand over the screens a test looks at; see {@link #openFresh}.
     */
    static PanelHarness open(Path dataDir, Role role, PanelServices services, boolean dark, String joinCode) {
        try (KitStore store = KitStore.open(dataDir)) {
            RecoveryKeys.makeIfMissing(store);
        }
        return openAsIs(dataDir, role, services, dark, joinCode);
    }

    /** A first start in a new folder, nothing made beforehand: a master's recovery key is made and shown once. */
    static PanelHarness openFresh(Path dataDir, Role role, PanelServices services) {
        return openAsIs(dataDir, role, services, false, JOIN_CODE);
    }

    private static PanelHarness openAsIs(Path dataDir, Role role, PanelServices services, boolean dark, String joinCode) {
        KitOptions options = new KitOptions(false, role, 0, dataDir, "River Valley survey", joinCode, null, null, null)
                .withBind("127.0.0.1");
        return openWith(options, services, dark);
    }

    /** The panel on the kit these options describe, as the command line would give them (a test master binds loopback). */
    static PanelHarness openWith(KitOptions options, PanelServices services, boolean dark) {
        KitLifecycle lifecycle = new KitLifecycle(options, HubConfig.defaults().withAnnouncement(false));
        CountDownLatch exited = new CountDownLatch(1);
        ControlPanel panel = GuiActionRunner.execute(() -> ControlPanel.start(lifecycle, services, exited::countDown, dark));
        FrameFixture window = new FrameFixture(panel.frame());
        GuiActionRunner.execute(() -> panel.frame().setSize(1366, 768));
        return new PanelHarness(panel, window, exited);
    }

    FrameFixture window() {
        return window;
    }

    ControlPanel panel() {
        return panel;
    }

    /** The running master, once the panel has started it. */
    MasterKit kit() {
        until(() -> panel.kit() != null, Duration.ofSeconds(15), "the master to start");
        return panel.kit();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + kit().hub().port();
    }

    /** A client laptop pairs with the laptop join code shown on the master, as a real one does. */
    PairedDevice pair(String name, String kind) throws IOException {
        MasterClient client = new MasterClient(baseUrl(), null);
        PairResponse paired = client.pair(kind.equals("client") ? kit().laptopJoinCode() : kit().joinCode(), name, kind);
        return new PairedDevice(paired.deviceId(), paired.token(), client);
    }

    /** Joins this client laptop's panel to {@code master} as a user does: its address, the laptop join code, a name. */
    void joinAsLaptop(RunningMaster master) {
        untilUi(() -> window.label("clientPhase").target().getText().startsWith("Not part"), Duration.ofSeconds(10),
                "the join form");
        window.textBox("masterUrl").deleteText().enterText(master.baseUrl());
        window.textBox("joinCode").enterText(master.kit().laptopJoinCode());
        window.textBox("laptopName").enterText("Field laptop 3");
        window.button("join").click();
        untilUi(() -> window.label("clientPhase").target().getText().equals("Connected to the master"),
                Duration.ofSeconds(20), "the client to connect");
    }

    /** Opens the Entries screen, waits for its one entry and opens it in the entry dialog. */
    DialogFixture editTheOnlyEntry() {
        window.tabbedPane("tabs").selectTab(1);
        JTableFixture table = window.table("entriesTable");
        untilUi(() -> table.target().getRowCount() == 1, Duration.ofSeconds(10), "the entry");
        table.selectRows(0);
        window.button("edit").click();
        return window.dialog("entryDialog", Timeout.timeout(20_000));
    }

    /** Reads Swing state on the event thread. */
    static <T> T onUi(Supplier<T> read) {
        return GuiActionRunner.execute(read::get);
    }

    /** Polls (on the event thread) until true, at most {@code limit}; fails naming {@code what}. */
    static void until(BooleanSupplier condition, Duration limit, String what) {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            try {
                if (condition.getAsBoolean()) return;
            } catch (ComponentLookupException notYetShown) {
                // the screen is still being built: look again
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what);
            }
        }
        throw new AssertionError("gave up after " + limit.toMillis() + " ms waiting for " + what);
    }

    /**
     * Answers the question dialog the window shows with its {@code buttonText} button, and waits
     * until the dialog is gone. The button is pressed through Swing, not with a synthetic mouse
     * click: under a loaded Xvfb such clicks on a just-opened modal dialog were sometimes lost.
     */
    void answer(String buttonText) {
        answer(window().optionPane(Timeout.timeout(20_000)), buttonText);
    }

    static void answer(JOptionPaneFixture ask, String buttonText) {
        Window dialog = SwingUtilities.getWindowAncestor(ask.target());
        JButton button = ask.button(JButtonMatcher.withText(buttonText)).target();
        onUi(() -> {
            button.doClick();
            return null;
        });
        untilUi(() -> !dialog.isShowing(), Duration.ofSeconds(20), "the question to close after " + buttonText);
    }

    /** Presses a button through Swing: a synthetic click on a just-opened dialog can be lost under a loaded Xvfb. */
    static void press(org.assertj.swing.fixture.JButtonFixture button) {
        button.requireEnabled();
        onUi(() -> {
            button.target().doClick();
            return null;
        });
    }

    /** Ticks or unticks a box through Swing, for the same reason as {@link #press}, and checks it took. */
    static void tick(JCheckBoxFixture box, boolean selected) {
        box.requireEnabled();
        onUi(() -> {
            if (box.target().isSelected() != selected) box.target().doClick();
            return null;
        });
        if (selected) box.requireSelected();
        else box.requireNotSelected();
    }

    static void untilUi(BooleanSupplier condition, Duration limit, String what) {
        until(() -> onUi(condition::getAsBoolean), limit, what);
    }

    /** Paints the component as shown into a PNG under target/screenshots. */
    static BufferedImage screenshot(Component component, String name) {
        BufferedImage image = GuiActionRunner.execute(() -> {
            BufferedImage img = new BufferedImage(component.getWidth(), component.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            Color background = UIManager.getColor("Panel.background");
            g.setColor(background == null ? Color.WHITE : background);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            component.paint(g);
            g.dispose();
            return img;
        });
        try {
            Files.createDirectories(SCREENSHOTS);
            ImageIO.write(image, "png", SCREENSHOTS.resolve(name + ".png").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return image;
    }

    BufferedImage screenshot(String name) {
        return screenshot(panel.frame().getRootPane(), name);
    }

    /** The window as shown, kept for the documentation in src/site/markdown/images (and under target/screenshots). */
    BufferedImage screenshotForTheDocs(String name) {
        BufferedImage image = screenshot(name);
        try {
            ImageIO.write(image, "png", Path.of("src", "site", "markdown", "images", name + ".png").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return image;
    }

    /** Closes the panel without asking and waits until the hub and store are closed. */
    @Override
    public void close() {
        try {
            GuiActionRunner.execute(panel::shutDown);
            assertThat(awaitExit()).as("the panel closed the kit and called its exit hook").isTrue();
        } finally {
            window.cleanUp();
        }
    }

    boolean awaitExit() {
        try {
            return exited.await(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
