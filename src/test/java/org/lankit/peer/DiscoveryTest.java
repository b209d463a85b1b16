package org.lankit.peer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.hub.HubConfig;
import org.lankit.pairing.FoundMaster;
import org.lankit.pairing.MasterBrowser;
import org.lankit.testkit.RunningMaster;

/** A master started here is heard by a client listening on the same (loopback) network. */
class DiscoveryTest {

    @TempDir
    Path masterDir;

    @Test
    void a_client_finds_a_running_master_by_itself() throws Exception {
        try (RunningMaster master = RunningMaster.start(masterDir, 0, HubConfig.defaults().withAnnouncement(true))) {
            LinkedBlockingQueue<FoundMaster> heard = new LinkedBlockingQueue<>();
            try (MasterBrowser browser = MasterBrowser.start(InetAddress.getByName("127.0.0.1"), heard::add)) {
                FoundMaster found = heard.poll(Duration.ofSeconds(20).toMillis(), TimeUnit.MILLISECONDS);
                assertThat(found).as("a master was heard within 20 s").isNotNull();
                assertThat(found.deviceId()).isEqualTo(master.kit().identity().deviceId());
                assertThat(found.name()).isEqualTo("Test team");
                assertThat(found.url()).isEqualTo(master.baseUrl());
                assertThat(new MasterClient(found.url(), null).info().role()).isEqualTo("master");
            }
        }
    }
}
