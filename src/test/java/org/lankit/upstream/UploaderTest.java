package org.lankit.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lankit.upstream.UploadTesting.KIT;
import static org.lankit.upstream.UploadTesting.await;
import static org.lankit.upstream.UploadTesting.edit;
import static org.lankit.upstream.UploadTesting.fast;
import static org.lankit.upstream.UploadTesting.json;
import static org.lankit.upstream.UploadTesting.seed;
import static org.lankit.upstream.UploadTesting.stateOf;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.store.KitStore;
import org.lankit.store.StoredEntry;
import org.lankit.sync.Entry;
import org.lankit.testkit.FakeTeamApi;
import org.lankit.testkit.FakeTeamApi.Received;

class UploaderTest {

    private static final Duration LIMIT = Duration.ofSeconds(20);

    @TempDir
    Path dataDir;

    @Test
    void a_thousand_pending_entries_reach_a_healthy_api_each_exactly_once_in_seq_order() throws Exception {
        try (FakeTeamApi api = FakeTeamApi.start(); KitStore store = KitStore.open(dataDir)) {
            List<Entry> entries = seed(store, 1000);
            try (Uploads uploader = UploadTesting.start(store, api.url(), "team-secret-1", fast())) {
                await("all synced", LIMIT, () -> uploader.status().synced() == 1000);
                await("idle", LIMIT, () -> uploader.status().state() == UploaderStatus.State.IDLE);

                UploaderStatus status = uploader.status();
                assertThat(status.pending()).isZero();
                assertThat(status.failed()).isZero();
                assertThat(status.lastError()).isNull();
                assertThat(status.toProtocol().state()).isEqualTo("idle");
            }
            assertThat(api.storedUuids()).hasSize(1000);
            assertThat(api.mostTimesAnyRevisionWasStored()).isEqualTo(1);
            List<Received> requests = api.requests();
            assertThat(requests).hasSize(10).allSatisfy(r -> {
                assertThat(r.authorization()).isEqualTo("Bearer team-secret-1");
                assertThat(r.uuids()).hasSize(100);
            });
            assertThat(requests.stream().map(Received::key).distinct()).hasSize(10);
            List<Long> sentSeqs = new ArrayList<>();
            requests.forEach(r -> sentSeqs.addAll(r.seqs()));
            assertThat(sentSeqs).isSorted().hasSize(1000);
            for (Entry e : entries) {
                assertThat(ServerHoldings.of(store, List.of(TargetSettings.MAIN), store.find(e.uuid()).orElseThrow()).state()).isEqualTo(EntryUpload.State.UPLOADED);
                assertThat(deliveredSeq(store, e.uuid())).isEqualTo(e.seq());
            }
        }
    }

    @Test
    void entries_committed_while_the_uploader_runs_go_up_without_a_restart() throws Exception {
        try (FakeTeamApi api = FakeTeamApi.start(); KitStore store = KitStore.open(dataDir);
             Uploads uploader = UploadTesting.start(store, api.url(), null, fast())) {
            await("idle", LIMIT, () -> uploader.status().state() == UploaderStatus.State.IDLE);
            seed(store, 5);
            await("synced", LIMIT, () -> uploader.status().synced() == 5);
            seed(store, 3);
            await("synced", LIMIT, () -> uploader.status().synced() == 8);
            assertThat(api.requests()).allSatisfy(r -> assertThat(r.authorization()).isNull());
            assertThat(api.mostTimesAnyRevisionWasStored()).isEqualTo(1);
        }
    }

    @Test
    void an_entry_edited_while_its_batch_is_under_way_stays_pending_and_goes_up_again_at_its_new_revision() throws Exception {
        try (FakeTeamApi api = FakeTeamApi.start(); KitStore store = KitStore.open(dataDir)) {
            api.answerAfter(Duration.ofMillis(800));
            List<Entry> entries = seed(store, 3);
            Entry edited = entries.get(0);
            try (Uploads uploader = UploadTesting.start(store, api.url(), null, fast())) {
                await("first batch sent", LIMIT, () -> api.requests().size() == 1);
                long newSeq = edit(store, edited);
                api.answerAfter(Duration.ZERO);
                await("all synced", LIMIT, () -> uploader.status().synced() == 3 && uploader.status().pending() == 0);

                assertThat(api.requests()).hasSize(2);
                assertThat(api.requests().get(1).uuids()).containsExactly(edited.uuid());
                assertThat(api.timesStored(edited.uuid(), edited.seq())).isEqualTo(1);
                assertThat(api.timesStored(edited.uuid(), newSeq)).isEqualTo(1);
                assertThat(deliveredSeq(store, edited.uuid())).isEqualTo(newSeq);
            }
        }
    }

    @Test
    void an_edit_after_upload_makes_the_entry_pending_again() throws Exception {
        try (FakeTeamApi api = FakeTeamApi.start(); KitStore store = KitStore.open(dataDir);
             Uploads uploader = UploadTesting.start(store, api.url(), null, fast())) {
            Entry entry = seed(store, 1).get(0);
            await("synced", LIMIT, () -> uploader.status().synced() == 1);
            long newSeq = edit(store, entry);
            await("synced again", LIMIT, () -> deliveredSeq(store, entry.uuid()) == newSeq);
            assertThat(stateOf(uploader, store, entry.uuid())).isEqualTo(EntryUpload.State.UPLOADED);
            assertThat(api.timesStored(entry.uuid(), entry.seq())).isEqualTo(1);
            assertThat(api.timesStored(entry.uuid(), newSeq)).isEqualTo(1);
        }
    }

    @Test
    void batches_keep_under_the_byte_cap_and_every_entry_still_goes_up() throws Exception {
        try (FakeTeamApi api = FakeTeamApi.start(); KitStore store = KitStore.open(dataDir)) {
            seed(store, 40);
            try (Uploads uploader = UploadTesting.start(store, api.url(), null, fast().withBatch(100, 3000))) {
                await("synced", LIMIT, () -> uploader.status().synced() == 40);
            }
            assertThat(api.requests()).hasSizeGreaterThan(1).allSatisfy(r -> assertThat(r.bodyBytes()).isLessThanOrEqualTo(3000));
            Set<String> sent = new HashSet<>();
            api.requests().forEach(r -> sent.addAll(r.uuids()));
            assertThat(sent).hasSize(40);
        }
    }

    @Test
    void without_an_api_address_the_uploader_is_disabled_until_one_is_set() throws Exception {
        try (FakeTeamApi api = FakeTeamApi.start(); KitStore store = KitStore.open(dataDir);
             Uploads uploader = UploadTesting.start(store, null, null, fast())) {
            seed(store, 4);
            UploaderStatus status = uploader.status();
            assertThat(status.state()).isEqualTo(UploaderStatus.State.DISABLED);
            assertThat(status.toProtocol().state()).isEqualTo("disabled");
            assertThat(status.pending()).isEqualTo(4);

            uploader.configure(List.of(json(api.url(), "tok-123456")));
            await("synced", LIMIT, () -> uploader.status().synced() == 4);
            assertThat(ApiSettings.load(store)).extracting(t -> t.server().url().toString()).containsExactly(api.url());
        }
    }

    @Test
    void the_address_and_token_are_remembered_and_the_token_is_only_ever_shown_masked() throws Exception {
        try (FakeTeamApi api = FakeTeamApi.start()) {
            try (KitStore store = KitStore.open(dataDir);
                 Uploads uploader = UploadTesting.start(store, api.url(), "verysecrettoken", fast())) {
                assertThat(uploader.targets().get(0).toString()).doesNotContain("verysecrettoken").contains("•••oken");
            }
            try (KitStore store = KitStore.open(dataDir);
                 Uploads uploader = UploadTesting.start(store, null, null, fast())) {
                seed(store, 1);
                await("synced", LIMIT, () -> uploader.status().synced() == 1);
                assertThat(api.requests().get(0).authorization()).isEqualTo("Bearer verysecrettoken");
                assertThat(uploader.status().toString()).doesNotContain("verysecrettoken");
            }
        }
    }

    private static long deliveredSeq(KitStore store, String uuid) {
        return store.deliveries().find(TargetSettings.MAIN, uuid).map(d -> d.deliveredSeq()).orElse(0L);
    }
}
