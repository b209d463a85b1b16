package org.lankit.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.app.KitOptions;
import org.lankit.app.MasterKit;
import org.lankit.hub.HubConfig;
import org.lankit.peer.MasterClient;
import org.lankit.store.KitStore;
import org.lankit.sync.Entry;
import org.lankit.sync.HlcClock;
import org.lankit.sync.Protocol.UpstreamStatus;
import org.lankit.testkit.Entries;
import org.lankit.testkit.Eventually;
import org.lankit.testkit.FakeTeamApi;
import org.lankit.testkit.FlakyProxy;
import org.lankit.testkit.FlakyProxy.Fault;
import org.lankit.upstream.UploaderConfig;

/** The team API flaps (500s, resets before and after the request, slow answers past the timeout) during a big upload. */
class UploadFlappingTest {

    private static final int ENTRIES = 10_000;
    private static final long SEED = 20261125L;

    @TempDir
    Path dataDir;

    @Test
    void every_one_of_10000_entries_reaches_a_flapping_api_exactly_once_and_nothing_stays_pending() throws Exception {
        System.out.println("UploadFlappingTest seed " + SEED);
        UploaderConfig config = UploaderConfig.defaults()
                .withRetryDelays(Duration.ofMillis(20), Duration.ofMillis(200), 0.1)
                .withRequestTimeout(Duration.ofSeconds(1))
                .withBreaker(50, Duration.ofMillis(300))
                .withProbeInterval(Duration.ofMillis(100))
                .withBatch(25, 1024 * 1024);
        try (FakeTeamApi api = FakeTeamApi.start();
             FlakyProxy flaky = FlakyProxy.to(api.port(), SEED).faultRate(0.5).slowBy(700);
             KitStore store = KitStore.open(dataDir)) {
            seed(store, ENTRIES);
            KitOptions options = new KitOptions(true, null, 0, dataDir, "Flap team", "TEST-CODE", null,
                    flaky.baseUrl() + FakeTeamApi.PATH, null).withBind("127.0.0.1");
            try (MasterKit kit = MasterKit.start(store, options, HubConfig.defaults().withAnnouncement(false)
                    .withAddress("127.0.0.1", 0), config)) {
                MasterClient device = new MasterClient("http://127.0.0.1:" + kit.hub().port(), null);
                device.pair("TEST-CODE", "Watcher", "phone");
                Eventually.within(Duration.ofSeconds(180), "all entries synced",
                        () -> kit.uploads().status().synced() == ENTRIES);
                UpstreamStatus upstream = device.status().upstream();
                System.out.printf("faults: reset-before %d, reset-after-request %d, 500 %d, slow %d, clean %d; requests seen by the API %d%n",
                        flaky.count(Fault.RESET_BEFORE), flaky.count(Fault.RESET_AFTER_REQUEST), flaky.count(Fault.ERROR_500),
                        flaky.count(Fault.SLOW), flaky.count(Fault.NONE), api.requestCount());
                assertThat(upstream.pending()).isZero();
                assertThat(upstream.failed()).isZero();
                assertThat(upstream.synced()).isEqualTo(ENTRIES);
            }
            assertThat(flaky.count(Fault.RESET_AFTER_REQUEST)).as("answers lost after the API stored the batch").isPositive();
            assertThat(flaky.count(Fault.ERROR_500)).isPositive();
            assertThat(flaky.count(Fault.SLOW)).isPositive();
            assertThat(api.storedUuids()).hasSize(ENTRIES);
            assertThat(api.storedRevisions()).isEqualTo(ENTRIES);
            assertThat(api.mostTimesAnyRevisionWasStored()).as("no entry stored twice").isEqualTo(1);
        }
    }

    private static void seed(KitStore store, int n) {
        HlcClock phone = HlcClock.system("phone1");
        store.write(w -> {
            List<Long> seqs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Entry e = Entries.household(phone, "Respondent " + i, 1 + i % 50);
                seqs.add(w.commitMasterChange(e, "phone1"));
            }
            return seqs;
        });
    }
}
