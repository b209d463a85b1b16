package org.lankit.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.sync.Entry;
import org.lankit.sync.FieldValue;
import org.lankit.sync.HlcClock;
import org.lankit.sync.Protocol.PushResult;
import org.lankit.sync.PushStatus;
import org.lankit.testkit.Entries;
import org.lankit.testkit.PairedDevice;
import org.lankit.testkit.RunningMaster;

/** Devices whose clocks run ahead of the master's: refused per entry, and never moving the master's clock. */
class FutureClocksTest {

    @TempDir
    Path dataDir;
    private RunningMaster master;
    private PairedDevice amina;

    @BeforeEach
    void start() throws IOException {
        master = RunningMaster.start(dataDir);
        amina = master.pair("Amina's phone");
    }

    @AfterEach
    void stop() {
        master.close();
    }

    @Test
    void an_entry_stamped_a_day_ahead_is_refused_as_clock_ahead_and_the_masters_clock_stays_put() throws Exception {
        Entry ahead = Entries.household(ahead(amina, Duration.ofHours(23).plusMinutes(59)), "Grace", 4);
        Entry sane = Entries.household(amina.clock(), "Wanjiru", 2);

        List<PushResult> results = amina.client().push(List.of(ahead, sane)).results();

        assertThat(results.get(0).status()).isEqualTo(PushStatus.REJECTED);
        assertThat(results.get(0).error()).isEqualTo("clock_ahead");
        assertThat(results.get(0).detail()).containsPattern("23 h 5\\d min ahead of the master.s time");
        assertThat(results.get(1).status()).isEqualTo(PushStatus.APPLIED);
        assertThat(master.store().find(ahead.uuid())).isEmpty();
        assertMastersClockNotAhead();
    }

    @Test
    void a_refused_push_never_moves_the_masters_clock() throws Exception {
        PairedDevice bo = master.pair("Bo's phone");
        Entry forged = Entries.household(ahead(bo, Duration.ofMinutes(4)), "Forged", 3);
        Map<String, FieldValue> fields = new TreeMap<>(forged.fields());
        fields.put("respondent", new FieldValue(TextNode.valueOf("Forged"), fields.get("respondent").hlc(), bo.deviceId(), ""));

        PushResult result = amina.client().push(List.of(forged.withFields(fields, null))).results().get(0);

        assertThat(result.status()).isEqualTo(PushStatus.REJECTED);
        assertMastersClockNotAhead();
    }

    @Test
    void a_clock_a_few_minutes_ahead_is_taken() throws Exception {
        Entry slightlyAhead = Entries.household(ahead(amina, Duration.ofMinutes(3)), "Grace", 4);
        assertThat(amina.client().push(List.of(slightlyAhead)).results().get(0).status()).isEqualTo(PushStatus.APPLIED);
    }

    private static HlcClock ahead(PairedDevice device, Duration by) {
        return new HlcClock(device.deviceId(), () -> System.currentTimeMillis() + by.toMillis());
    }

    private void assertMastersClockNotAhead() {
        long masterStamp = master.kit().identity().clock().now().wallMs();
        assertThat(masterStamp - System.currentTimeMillis()).as("the master's next stamp, ms ahead of its wall clock")
                .isLessThan(60_000);
    }
}
