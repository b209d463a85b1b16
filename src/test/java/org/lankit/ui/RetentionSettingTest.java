package org.lankit.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lankit.ui.PanelHarness.until;
import static org.lankit.ui.PanelHarness.untilUi;

import ch.qos.logback.classic.Level;
import java.nio.file.Path;
import java.time.Duration;
import javax.swing.JLabel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.app.Role;
import org.lankit.backup.BackupSettings;
import org.lankit.store.Settings;
import org.lankit.testkit.CapturedLog;

/** The coordinator sets the team's retention on the Backup screen, and is told it reaches phones and laptops. */
@ExtendWith(SwingUnderXvfb.class)
class RetentionSettingTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dataDir;

    /** The panel logs the refused save; kept here and checked, not printed with its stack. */
    private final CapturedLog log = CapturedLog.of("org.lankit.ui.Background");

    @AfterEach
    void putTheLogBack() {
        log.close();
    }

    @Test
    void the_coordinator_sets_retention_days_which_the_screen_says_apply_to_phones_and_laptops_and_clears_them_again() {
        try (PanelHarness ui = PanelHarness.open(dataDir, Role.MASTER, PanelServices.none())) {
            Settings settings = ui.kit().store().settings();
            ui.window().tabbedPane("tabs").selectTab("Backup");
            untilUi(() -> ui.window().robot().finder().findAll(ui.window().target(), c -> c instanceof JLabel l && l.getText() != null
                    && l.getText().startsWith("Empty keeps everything. Applies to phones and client laptops too")).size() == 1,
                    WAIT, "the retention hint");

            ui.window().textBox("retentionDays").deleteText().enterText("two weeks");
            ui.window().button("saveRetention").click();
            untilUi(() -> ui.window().label("status").text().contains("whole number from 1 to 36500"), WAIT, "the refusal");
            assertThat(settings.get(BackupSettings.RETENTION_DAYS)).isEmpty();
            assertThat(log.lines(Level.WARN)).as("the panel's log")
                    .containsExactly("WARN panel task failed (java.lang.IllegalArgumentException: the days must be a whole number from 1 to 36500, or empty to keep everything)");

            ui.window().textBox("retentionDays").deleteText().enterText("30");
            ui.window().button("saveRetention").click();
            until(() -> settings.get(BackupSettings.RETENTION_DAYS).orElse("").equals("30"), WAIT, "the days in the store");
            untilUi(() -> ui.window().label("status").text().equals(
                    "Saved. Phones and client laptops remove entries unchanged for 30 days at once; this laptop from its next start."),
                    WAIT, "the saved message");
            PanelHarness.screenshot(ui.window().target(), "backup-retention");

            ui.window().textBox("retentionDays").deleteText();
            ui.window().button("saveRetention").click();
            until(() -> settings.get(BackupSettings.RETENTION_DAYS).isEmpty(), WAIT, "retention off in the store");
            untilUi(() -> ui.window().label("status").text().startsWith("Retention is off"), WAIT, "the off message");
        }
    }
}
