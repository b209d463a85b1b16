package org.lankit.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lankit.upstream.UploadTesting.KIT;
import static org.lankit.upstream.UploadTesting.await;
import static org.lankit.upstream.UploadTesting.awaitValue;
import static org.lankit.upstream.UploadTesting.fast;
import static org.lankit.upstream.UploadTesting.seed;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.store.KitStore;
import org.lankit.testkit.FakeTeamApi;
import org.lankit.testkit.FakeTeamApi.Received;

class UploaderRetryTest {

    private static final Duration LIMIT = Duration.ofSeconds(20);

    @TempDir
    Path dataDir;

    @Test
    void after_503s_the_batch_goes_up_once_with_the_same_key_and_growing_waits_between_tries() throws Exception {
        UploaderConfig config = fast().withRetryDelays(Duration.ofMillis(150), Duration.ofSeconds(5), 0.1);
        try (FakeTeamApi api = FakeTeamApi.start(); KitStore store = KitStore.open(dataDir)) {
            api.failNext(4, 503);
            seed(store, 50);
            try (Uploads uploader = UploadTesting.start(store, api.url(), null, config)) {
                await("synced", LIMIT, () -> uploader.status().synced() == 50);
            }
            List<Received> tries = api.requests();
            assertThat(tries).hasSize(5);
            assertThat(tries.stream().map(Received::key).distinct()).hasSize(1);
            assertThat(tries.stream().map(Received::bodyHash).distinct()).hasSize(1);
            assertThat(tries).extracting(Received::status).containsExactly(503, 503, 503, 503, 200);
            List<Long> gaps = gapsMillis(tries);
            // backoff 150, 300, 600, 1200 ms, each ±10 %: a gap is never shorter than its wait, and the waits
            // grow. A busy machine adds its own delay to any gap, so neighbours are not compared (their order
            // can flip), only the first with the last, which is 8 times longer.
            for (int i = 0; i < gaps.size(); i++) {
                assertThat(gaps.get(i)).as("gap %d of %s", i, gaps).isGreaterThanOrEqualTo((long) (150 * (1 << i) * 0.9) - 5);
            }
            assertThat(gaps.get(0)).as("gaps %s", gaps).isLessThan(gaps.get(3) / 2);
            assertThat(api.mostTimesAnyRevisionWasStored()).isEqualTo(1);
            assertThat(api.storedUuids()).hasSize(50);
        }
    }

    @Test
    void a_429_is_retried_no_sooner_than_its_retry_after() throws Exception {
        try (FakeTeamApi api = FakeTeamApi.start(); KitStore store = KitStore.open(dataDir)) {
            api.throttleNext(1, 1);
            seed(store, 10);
            try (Uploads uploader = UploadTesting.start(store, api.url(), null, fast())) {
                // one snapshot: once the second try is under way, the status no longer says why it waited
                UploaderStatus throttled = backingOff(uploader);
                assertThat(throttled.lastError()).contains("slow down").contains("429");
                await("synced", LIMIT, () -> uploader.status().synced() == 10);
            }
            List<Received> tries = api.requests();
            assertThat(tries).extracting(Received::status).containsExactly(429, 200);
            // the backoff alone would wait 20 ms
            assertThat(gapsMillis(tries).get(0)).isGreaterThanOrEqualTo(1000);
            assertThat(api.mostTimesAnyRevisionWasStored()).isEqualTo(1);
        }
    }

    @Test
    void while_the_api_fails_the_status_says_backing_off_and_until_when() throws Exception {
        try (FakeTeamApi api = FakeTeamApi.start(); KitStore store = KitStore.open(dataDir)) {
            api.failNext(1_000_000, 500);
            seed(store, 3);
            try (Uploads uploader = UploadTesting.start(store, api.url(), null,
                    fast().withRetryDelays(Duration.ofMillis(300), Duration.ofSeconds(1), 0.1))) {
                // one snapshot: each new try shows "uploading" without an until
                UploaderStatus status = backingOff(uploader);
                assertThat(status.until()).isNotNull().isGreaterThan(System.currentTimeMillis() - 1000);
                assertThat(status.toProtocol().until()).isEqualTo(status.until());
                assertThat(status.toProtocol().state()).isEqualTo("backing_off");
                assertThat(status.lastError()).contains("HTTP 500");
                assertThat(status.pending()).isEqualTo(3);
                assertThat(status.synced()).isZero();

                api.failNext(0, 500);
                await("synced", LIMIT, () -> uploader.status().synced() == 3);
                await("idle", LIMIT, () -> uploader.status().state() == UploaderStatus.State.IDLE);
                assertThat(uploader.status().until()).isNull();
                assertThat(uploader.status().lastError()).isNull();
            }
        }
    }

    @Test
    void a_request_that_times_out_is_sent_again_with_the_same_key_and_stored_once() throws Exception {
        try (FakeTeamApi api = FakeTeamApi.start(); KitStore store = KitStore.open(dataDir)) {
            api.answerAfter(Duration.ofSeconds(3));
            seed(store, 5);
            try (Uploads uploader = UploadTesting.start(store, api.url(), null, fast().withRequestTimeout(Duration.ofMillis(400)))) {
                await("first try", LIMIT, () -> api.requests().size() == 1);
                await("timed out", LIMIT, () -> uploader.status().lastError() != null);
                assertThat(uploader.status().lastError()).contains("did not answer in time");
                api.answerAfter(Duration.ZERO);
                await("synced", LIMIT, () -> uploader.status().synced() == 5);
            }
            assertThat(api.requests().stream().map(Received::key).distinct()).hasSize(1);
            assertThat(api.requests().size()).isGreaterThanOrEqualTo(2);
            assertThat(api.mostTimesAnyRevisionWasStored()).isEqualTo(1);
        }
    }

    private static UploaderStatus backingOff(Uploads uploader) {
        return awaitValue("backing off", LIMIT, () -> {
            UploaderStatus s = uploader.status();
            return s.state() == UploaderStatus.State.BACKING_OFF ? s : null;
        });
    }

    private static List<Long> gapsMillis(List<Received> tries) {
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < tries.size(); i++) gaps.add((tries.get(i).atNanos() - tries.get(i - 1).atNanos()) / 1_000_000);
        return gaps;
    }
}
