package org.lankit.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lankit.ui.PanelHarness.onUi;
import static org.lankit.ui.PanelHarness.untilUi;

import ch.qos.logback.classic.Level;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.app.Role;
import org.lankit.pairing.JoinCode;
import org.lankit.store.KitStore;
import org.lankit.testkit.CapturedLog;

/** The coordinator reopens the panel on a kit that remembered a weak join code: it is replaced, and the panel says so. */
@ExtendWith(SwingUnderXvfb.class)
class WeakJoinCodePanelTest {

    @TempDir
    Path dataDir;

    @Test
    void a_remembered_weak_join_code_is_replaced_and_the_status_line_says_with_which_code() {
        try (KitStore store = KitStore.open(dataDir)) {
            store.settings().put("joinCode", "-");
        }
        try (CapturedLog log = CapturedLog.of("org.lankit.app.MasterKit");
             PanelHarness ui = PanelHarness.open(dataDir, Role.MASTER, PanelServices.none(), false, null)) {
            String code = ui.kit().joinCode();
            assertThat(JoinCode.weakness(code)).isEmpty();
            untilUi(() -> ui.window().label("status").target().getText().startsWith("The join code was too weak"),
                    Duration.ofSeconds(10), "the status line to tell of the new code");
            assertThat(onUi(() -> ui.window().label("status").target().getText())).endsWith("phones now join with " + code + ".");
            assertThat(log.lines(Level.WARN)).anySatisfy(line -> assertThat(line).contains("The join code was too weak"));
        }
    }
}
