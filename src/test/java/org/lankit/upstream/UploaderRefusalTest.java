package org.lankit.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lankit.upstream.UploadTesting.KIT;
import static org.lankit.upstream.UploadTesting.await;
import static org.lankit.upstream.UploadTesting.fast;
import static org.lankit.upstream.UploadTesting.json;
import static org.lankit.upstream.UploadTesting.refusalOf;
import static org.lankit.upstream.UploadTesting.seed;
import static org.lankit.upstream.UploadTesting.stateOf;

import ch.qos.logback.classic.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.store.KitStore;
import org.lankit.sync.Entry;
import org.lankit.testkit.CapturedLog;
import org.lankit.testkit.FakeTeamApi;
import org.lankit.testkit.FakeTeamApi.Received;

class UploaderRefusalTest {

    private static final Duration LIMIT = Duration.ofSeconds(20);
    private static final String REASON = "household_size must be at most 50";

    @TempDir
    Path dataDir;

    /** The uploader logs each refusal; kept here and checked, not printed. */
    private final CapturedLog log = CapturedLog.of("org.lankit.upstream.Uploader");

    @AfterEach
    void putTheLogBack() {
        log.close();
    }

    @Test
    void an_entry_the_api_rejects_is_failed_with_its_reason_the_others_synced_and_a_retry_sends_it_again() throws Exception {
        try (FakeTeamApi api = FakeTeamApi.start(); KitStore store = KitStore.open(dataDir)) {
            List<Entry> entries = seed(store, 30);
            Entry bad = entries.get(14);
            api.rejectEntry(bad.uuid(), REASON);
            try (Uploads uploader = UploadTesting.start(store, api.url(), null, fast().withBatch(10, 1 << 20))) {
                await("settled", LIMIT, () -> uploader.status().synced() == 29 && uploader.status().failed() == 1);
                assertThat(stateOf(uploader, store, bad.uuid())).isEqualTo(EntryUpload.State.REFUSED);
                assertThat(refusalOf(uploader, store, bad.uuid())).isEqualTo(REASON);
                assertThat(uploader.status().lastError()).contains(REASON);
                assertThat(api.requests()).hasSize(3);

                api.forgiveAll();
                assertThat(uploader.retryFailed()).isEqualTo(1);
                await("synced", LIMIT, () -> uploader.status().synced() == 30);
                assertThat(stateOf(uploader, store, bad.uuid())).isEqualTo(EntryUpload.State.UPLOADED);
                assertThat(refusalOf(uploader, store, bad.uuid())).isNull();
            }
            List<Received> withBad = api.requests().stream().filter(r -> r.uuids().contains(bad.uuid())).toList();
            assertThat(withBad).hasSize(2);
            assertThat(withBad.get(0).key()).isNotEqualTo(withBad.get(1).key());
            assertThat(withBad.get(1).uuids()).containsExactly(bad.uuid());
            assertThat(api.mostTimesAnyRevisionWasStored()).isEqualTo(1);
            assertThat(api.storedUuids()).hasSize(30);
        }
    }

    @Test
    void a_batch_refused_whole_with_422_is_sent_again_entry_by_entry_so_only_the_bad_one_fails() throws Exception {
        try (FakeTeamApi api = FakeTeamApi.start(); KitStore store = KitStore.open(dataDir)) {
            List<Entry> entries = seed(store, 10);
            Entry bad = entries.get(6);
            api.refuseBatchesWith(bad.uuid(), REASON);
            try (Uploads uploader = UploadTesting.start(store, api.url(), null, fast())) {
                await("settled", LIMIT, () -> uploader.status().synced() == 9 && uploader.status().failed() == 1);
                assertThat(refusalOf(uploader, store, bad.uuid())).isEqualTo("HTTP 422: " + REASON);
                assertThat(log.lines(Level.WARN)).as("the uploader's log")
                        .anyMatch(line -> line.contains("refused (HTTP 422: " + REASON + "); sending its 10 entries one by one"))
                        .anyMatch(line -> line.contains("refused for good: HTTP 422: " + REASON));
                await("idle", LIMIT, () -> uploader.status().state() == UploaderStatus.State.IDLE);
            }
            List<Received> requests = api.requests();
            assertThat(requests.get(0).uuids()).hasSize(10);
            assertThat(requests.get(0).status()).isEqualTo(422);
            assertThat(requests.subList(1, requests.size())).hasSize(10).allSatisfy(r -> assertThat(r.uuids()).hasSize(1));
            assertThat(api.storedUuids()).hasSize(9).doesNotContain(bad.uuid());
        }
    }

    @Test
    void a_wrong_token_fails_the_entries_without_endless_retries_and_after_fixing_it_a_retry_uploads_them() throws Exception {
        try (FakeTeamApi api = FakeTeamApi.start(); KitStore store = KitStore.open(dataDir)) {
            api.requireToken("right-token");
            seed(store, 15);
            try (Uploads uploader = UploadTesting.start(store, api.url(), "wrong-token", fast().withBatch(10, 1 << 20))) {
                await("failed", LIMIT, () -> uploader.status().failed() == 15);
                assertThat(api.requests()).hasSize(2).allSatisfy(r -> assertThat(r.status()).isEqualTo(401));
                assertThat(uploader.status().lastError()).contains("HTTP 401").doesNotContain("wrong-token");
                assertThat(log.lines(Level.WARN)).as("the uploader's log").hasSize(2)
                        .allMatch(line -> line.contains("refused for good: HTTP 401"))
                        .noneMatch(line -> line.contains("wrong-token"));
                UploadTesting.sleep(300);
                assertThat(api.requests()).hasSize(2);

                uploader.configure(List.of(json(api.url(), "right-token")));
                assertThat(uploader.retryFailed()).isEqualTo(15);
                await("synced", LIMIT, () -> uploader.status().synced() == 15);
                assertThat(uploader.status().failed()).isZero();
            }
        }
    }
}
