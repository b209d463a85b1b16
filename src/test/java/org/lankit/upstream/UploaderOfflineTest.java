package org.lankit.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lankit.upstream.UploadTesting.KIT;
import static org.lankit.upstream.UploadTesting.await;
import static org.lankit.upstream.UploadTesting.awaitValue;
import static org.lankit.upstream.UploadTesting.fast;
import static org.lankit.upstream.UploadTesting.seed;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.store.KitStore;
import org.lankit.testkit.FakeTeamApi;

class UploaderOfflineTest {

    private static final Duration LIMIT = Duration.ofSeconds(20);

    @TempDir
    Path dataDir;

    @Test
    void when_the_api_comes_back_uploads_resume_at_once_without_waiting_out_the_open_circuit() throws Exception {
        int port = FakeTeamApi.freePort();
        String url = "http://127.0.0.1:" + port + FakeTeamApi.PATH;
        // the breaker alone would wait 30 s before trying again; only the connectivity wake-up can be faster
        UploaderConfig config = fast().withBreaker(3, Duration.ofSeconds(30)).withProbeInterval(Duration.ofMillis(100));
        try (KitStore store = KitStore.open(dataDir)) {
            seed(store, 20);
            try (Uploads uploader = UploadTesting.start(store, url, null, config)) {
                // the breaker opens inside the failing try, which still shows "uploading"; the retry
                // scheduled next says "offline": wait for both, and judge that one snapshot
                UploaderStatus offline = awaitValue("circuit open while offline", LIMIT, () -> {
                    UploaderStatus s = uploader.status();
                    return s.breaker().equals("open") && s.state() != UploaderStatus.State.UPLOADING ? s : null;
                });
                assertThat(offline.state()).isEqualTo(UploaderStatus.State.OFFLINE);
                assertThat(offline.toProtocol().state()).isEqualTo("offline");
                assertThat(offline.lastError()).contains("cannot reach 127.0.0.1:" + port);
                assertThat(offline.pending()).isEqualTo(20);
                // the connectivity check (every 100 ms) must see the host down before it can see it come back;
                // nothing shows that it has, so give it twenty turns
                UploadTesting.sleep(2_000);

                long upAt = System.nanoTime();
                try (FakeTeamApi api = FakeTeamApi.startOn(port)) {
                    await("synced", LIMIT, () -> uploader.status().synced() == 20);
                    assertThat(Duration.ofNanos(System.nanoTime() - upAt)).isLessThan(Duration.ofSeconds(10));
                    assertThat(uploader.status().breaker()).isEqualTo("closed");
                    assertThat(api.mostTimesAnyRevisionWasStored()).isEqualTo(1);
                    assertThat(api.storedUuids()).hasSize(20);
                }
            }
        }
    }

    @Test
    void an_open_circuit_lets_a_probe_through_after_its_delay_and_closes_when_it_succeeds() throws Exception {
        int port = FakeTeamApi.freePort();
        String url = "http://127.0.0.1:" + port + FakeTeamApi.PATH;
        // no connectivity checks here: only the breaker's own probe can bring the uploads back
        UploaderConfig config = fast().withBreaker(2, Duration.ofMillis(400)).withProbeInterval(Duration.ofHours(1));
        try (KitStore store = KitStore.open(dataDir)) {
            seed(store, 5);
            try (Uploads uploader = UploadTesting.start(store, url, null, config)) {
                await("circuit open", LIMIT, () -> uploader.status().breaker().equals("open"));
                try (FakeTeamApi api = FakeTeamApi.startOn(port)) {
                    await("synced", LIMIT, () -> uploader.status().synced() == 5);
                    assertThat(uploader.status().breaker()).isEqualTo("closed");
                    assertThat(api.requests()).hasSize(1);
                }
            }
        }
    }

    @Test
    void a_failing_api_opens_the_circuit_and_is_not_hammered_while_it_is_open() throws Exception {
        try (FakeTeamApi api = FakeTeamApi.start(); KitStore store = KitStore.open(dataDir)) {
            api.failNext(1_000_000, 503);
            seed(store, 5);
            // open for 5 s: the 1.2 s looked at below stay inside it even when this thread is slow to notice
            UploaderConfig config = fast().withBreaker(3, Duration.ofSeconds(5));
            try (Uploads uploader = UploadTesting.start(store, api.url(), null, config)) {
                await("circuit open", LIMIT, () -> uploader.status().breaker().equals("open"));
                int triesWhenOpened = api.requests().size();
                UploadTesting.sleep(1200);
                // retries every 20-200 ms would have made several more tries by now
                assertThat(api.requests().size()).isEqualTo(triesWhenOpened);
                assertThat(uploader.status().state()).isEqualTo(UploaderStatus.State.BACKING_OFF);

                api.failNext(0, 503);
                await("synced", LIMIT, () -> uploader.status().synced() == 5);
                assertThat(uploader.status().breaker()).isEqualTo("closed");
            }
        }
    }
}
