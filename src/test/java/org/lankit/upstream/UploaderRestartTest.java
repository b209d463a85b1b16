package org.lankit.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lankit.upstream.UploadTesting.KIT;
import static org.lankit.upstream.UploadTesting.await;
import static org.lankit.upstream.UploadTesting.fast;
import static org.lankit.upstream.UploadTesting.refusalOf;
import static org.lankit.upstream.UploadTesting.seed;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.store.KitStore;
import org.lankit.sync.Entry;
import org.lankit.testkit.FakeTeamApi;
import org.lankit.testkit.FakeTeamApi.Received;

/**
 * A master that stops in the middle of an upload. Here the "kill" is in-process: the uploader is
 * closed while the API holds its answer, and {@link Uploader#close()} writes nothing, so the
 * store is left exactly as a killed process leaves it (the batch recorded as in flight, its
 * entries syncing). UploadKillIT does the same with the real jar and SIGKILL.
 */
class UploaderRestartTest {

    private static final Duration LIMIT = Duration.ofSeconds(20);

    @TempDir
    Path dataDir;

    @Test
    void a_batch_in_flight_when_the_master_stopped_is_sent_again_with_the_same_key_and_stored_once() throws Exception {
        List<Entry> entries;
        try (FakeTeamApi api = FakeTeamApi.start()) {
            api.answerAfter(Duration.ofSeconds(30));
            try (KitStore store = KitStore.open(dataDir)) {
                entries = seed(store, 25);
                // no try may time out while the API holds its answer: a second request would be counted below
                Uploads uploader = UploadTesting.start(store, api.url(), null, fast().withRequestTimeout(Duration.ofSeconds(60)));
                await("batch received by the API", LIMIT, () -> api.requests().size() == 1);
                uploader.close();
                assertThat(new UploadLedger(store, UploadTesting.KIT, TargetSettings.MAIN, AttachmentFiles.NONE).inFlight().orElseThrow().batch().size()).isEqualTo(25);
            }
            api.answerAfter(Duration.ZERO);
            try (KitStore store = KitStore.open(dataDir);
                 Uploads uploader = UploadTesting.start(store, null, null, fast())) {
                seed(store, 5); // new work must not jump the queue nor join the old batch
                await("all synced", LIMIT, () -> uploader.status().synced() == 30);
                assertThat(new UploadState(store.syncState(), TargetSettings.MAIN).inFlight()).isEmpty();
            }
            List<Received> requests = api.requests();
            assertThat(requests).hasSize(3);
            assertThat(requests.get(1).key()).isEqualTo(requests.get(0).key());
            assertThat(requests.get(1).bodyHash()).isEqualTo(requests.get(0).bodyHash());
            assertThat(requests.get(1).uuids()).isEqualTo(entries.stream().map(Entry::uuid).toList());
            assertThat(requests.get(2).key()).isNotEqualTo(requests.get(0).key());
            assertThat(requests.get(2).uuids()).hasSize(5);
            assertThat(api.mostTimesAnyRevisionWasStored()).isEqualTo(1);
            assertThat(api.storedRevisions()).isEqualTo(30);
        }
    }

    @Test
    void failed_entries_and_their_reasons_survive_a_restart() throws Exception {
        try (FakeTeamApi api = FakeTeamApi.start()) {
            Entry bad;
            try (KitStore store = KitStore.open(dataDir)) {
                bad = seed(store, 3).get(1);
                api.rejectEntry(bad.uuid(), "respondent is required");
                try (Uploads uploader = UploadTesting.start(store, api.url(), null, fast())) {
                    await("settled", LIMIT, () -> uploader.status().failed() == 1 && uploader.status().synced() == 2);
                }
            }
            try (KitStore store = KitStore.open(dataDir);
                 Uploads uploader = UploadTesting.start(store, null, null, fast())) {
                UploadTesting.sleep(200);
                assertThat(uploader.status().failed()).isEqualTo(1);
                assertThat(refusalOf(uploader, store, bad.uuid())).isEqualTo("respondent is required");
                assertThat(api.requests()).hasSize(1);
            }
        }
    }
}
