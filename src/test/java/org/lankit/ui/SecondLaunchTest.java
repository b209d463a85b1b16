package org.lankit.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lankit.ui.PanelHarness.onUi;
import static org.lankit.ui.PanelHarness.untilUi;

import java.awt.Frame;
import java.awt.Window;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.core.Robot;
import org.assertj.swing.finder.JOptionPaneFinder;
import org.assertj.swing.fixture.JOptionPaneFixture;
import org.lankit.app.KitLifecycle;
import org.lankit.app.KitOptions;
import org.lankit.app.LaunchForTests;
import org.lankit.app.Role;
import org.lankit.hub.HubConfig;

/**
 * A coordinator double-clicks Lankit again while it runs: the window they have comes forward,
 * nothing else opens; a kit running without a window is named in a message. Nobody is asked for options.
 */
@ExtendWith(SwingUnderXvfb.class)
class SecondLaunchTest {

    @TempDir
    Path dataDir;

    @Test
    void a_second_launch_on_the_same_folder_brings_the_running_window_forward_and_asks_nothing() {
        try (PanelHarness ui = PanelHarness.open(dataDir, Role.MASTER, PanelServices.none())) {
            ui.kit();
            // put away behind other work: minimised where the desktop can, else out of sight
            onUi(() -> {
                ui.panel().frame().setExtendedState(Frame.ICONIFIED);
                ui.panel().frame().setVisible(false);
                return null;
            });
            untilUi(() -> !ui.panel().frame().isShowing(), Duration.ofSeconds(10), "the window put away");
            long windowsBefore = onUi(SecondLaunchTest::shownFrames);

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = LaunchForTests.run(new String[] {"--data-dir", dataDir.toString()},
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

            assertThat(code).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8).lines()).singleElement().asString()
                    .isEqualTo("Lankit is already open with this data folder: its window is now in front.");
            assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
            untilUi(() -> ui.panel().frame().isShowing() && (ui.panel().frame().getExtendedState() & Frame.ICONIFIED) == 0,
                    Duration.ofSeconds(10), "the window shown and restored");
            assertThat(onUi(SecondLaunchTest::shownFrames)).as("no second window").isEqualTo(windowsBefore);
            assertThat(ui.kit().hub().port()).as("the first kit runs on").isPositive();
        }
    }

    @Test
    void a_double_click_while_the_kit_runs_headless_says_so_in_a_message_without_asking_for_options() throws Exception {
        KitOptions options = new KitOptions(true, Role.MASTER, 0, dataDir, "River Valley survey", PanelHarness.JOIN_CODE,
                null, null, null).withBind("127.0.0.1");
        try (KitLifecycle headless = new KitLifecycle(options, HubConfig.defaults().withAnnouncement(false))) {
            assertThat(headless.claim()).isEmpty();
            headless.openStore();
            String joinUrl = headless.startMaster().joinUrl();

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            CompletableFuture<Integer> code = CompletableFuture.supplyAsync(() -> LaunchForTests.run(
                    new String[] {"--data-dir", dataDir.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8)));

            Robot robot = BasicRobot.robotWithCurrentAwtHierarchy();
            try {
                JOptionPaneFixture message = JOptionPaneFinder.findOptionPane().withTimeout(20_000).using(robot);
                assertThat(String.valueOf(message.target().getMessage()))
                        .startsWith("Lankit already runs on this computer with the same data folder, without a window.")
                        .contains(joinUrl).doesNotContain("--");
                PanelHarness.answer(message, "OK");
            } finally {
                robot.cleanUp();
            }
            assertThat(code.get(20, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(out.toString(StandardCharsets.UTF_8)).as("no kit started").isEmpty();
            assertThat(err.toString(StandardCharsets.UTF_8).lines()).singleElement().asString()
                    .isEqualTo("lankit: Lankit is already running with this data folder: phones join at " + joinUrl + ".");
        }
    }

    private static long shownFrames() {
        return Arrays.stream(Window.getWindows()).filter(w -> w instanceof Frame && w.isDisplayable()).count();
    }
}
