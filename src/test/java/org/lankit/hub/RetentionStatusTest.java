package org.lankit.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.app.KitChoices;
import org.lankit.testkit.Eventually;
import org.lankit.testkit.PairedDevice;
import org.lankit.testkit.RawHttp;
import org.lankit.testkit.RunningMaster;

/** The master tells devices its retention in /status, and tells connected ones at once when it changes. */
class RetentionStatusTest {

    @TempDir
    Path dataDir;

    @Test
    void status_names_the_retention_days_once_the_coordinator_sets_them_and_connected_devices_hear_of_each_change() throws Exception {
        try (RunningMaster master = RunningMaster.start(dataDir)) {
            PairedDevice phone = master.pair("Phone");
            assertThat(RawHttp.get(master.baseUrl() + "/api/v1/status", phone.token()).body()).doesNotContain("retentionDays");
            assertThat(phone.client().status().retentionDays()).isNull();
            AtomicInteger refreshes = new AtomicInteger();
            AtomicInteger seqs = new AtomicInteger();
            WebSocket socket = phone.client().live(seq -> seqs.incrementAndGet(), refreshes::incrementAndGet, () -> { })
                    .get(20, TimeUnit.SECONDS);
            try {
                // the hub admits the socket just after the handshake the client already saw end, and says
                // so with the current seq: a refresh sent before that would reach nobody
                Eventually.within(Duration.ofSeconds(20), "the hub to admit the socket", () -> seqs.get() == 1);
                KitChoices choices = new KitChoices(master.store());
                choices.retentionDays(30);
                Eventually.within(Duration.ofSeconds(20), "a refresh after setting retention", () -> refreshes.get() == 1);
                assertThat(RawHttp.get(master.baseUrl() + "/api/v1/status", phone.token()).body()).contains("\"retentionDays\":30");
                assertThat(phone.client().status().retentionDays()).isEqualTo(30);

                choices.retentionDays(null);
                Eventually.within(Duration.ofSeconds(20), "a refresh after turning it off", () -> refreshes.get() == 2);
                assertThat(phone.client().status().retentionDays()).isNull();
                assertThat(choices.retentionDays()).isEmpty();
            } finally {
                socket.abort();
            }
        }
    }
}
