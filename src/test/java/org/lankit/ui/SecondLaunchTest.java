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
import org.lankit.app.LaunchForTests;
import org.lankit.app.Role;

/** A coordinator double-clicks Lankit again while it runs: the window they have comes forward, nothing else opens. */
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

    private static long shownFrames() {
        return Arrays.stream(Window.getWindows()).filter(w -> w instanceof Frame && w.isDisplayable()).count();
    }
}
