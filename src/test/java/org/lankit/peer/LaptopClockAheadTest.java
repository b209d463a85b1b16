package org.lankit.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.sync.Entry;
import org.lankit.sync.Hlc;
import org.lankit.testkit.Eventually;
import org.lankit.testkit.RunningClient;
import org.lankit.testkit.RunningMaster;

/** A laptop whose clock ran a day ahead: the master refuses its stamps, the laptop stamps again and loses nothing. */
class LaptopClockAheadTest {

    private static final long DAY_MS = 86_400_000L;

    @TempDir
    Path masterDir;
    @TempDir
    Path laptopDir;

    @Test
    void an_entry_stamped_a_day_ahead_is_stamped_again_from_the_masters_time_and_stored() throws Exception {
        try (RunningMaster master = RunningMaster.start(masterDir);
             RunningClient laptop = RunningClient.start(laptopDir, master, "Laptop A")) {
            Eventually.within(Duration.ofSeconds(30), "the laptop is connected", () -> laptop.kit().sync().state().connected());
            // earlier the laptop's clock ran a day ahead: its clock never stamps before what it stamped then
            laptop.kit().sync().clock().observe(new Hlc(System.currentTimeMillis() + DAY_MS, 0, "somewhere"));

            Entry saved = laptop.saveHousehold("Typed a day ahead", 3);
            assertThat(Hlc.parse(saved.fields().get("respondent").hlc()).wallMs() - System.currentTimeMillis())
                    .isGreaterThan(DAY_MS - 60_000);

            Eventually.within(Duration.ofSeconds(30), "the master has the entry", () -> master.store().find(saved.uuid()).isPresent());
            Eventually.within(Duration.ofSeconds(30), "the laptop has nothing left to send",
                    () -> laptop.kit().sync().state().pending() == 0 && laptop.kit().sync().state().rejected() == 0);
            Entry stored = master.store().find(saved.uuid()).orElseThrow().entry();
            assertThat(stored.fields().get("respondent").value().asText()).isEqualTo("Typed a day ahead");
            long masterNow = master.kit().identity().clock().physicalNow();
            stored.fields().values().forEach(v -> assertThat(Hlc.parse(v.hlc()).wallMs()).isCloseTo(masterNow, within(60_000L)));
            assertThat(stored.createdAt()).isCloseTo(masterNow, within(60_000L));
        }
    }
}
