package org.lankit.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lankit.upstream.UploadTesting.KIT;
import static org.lankit.upstream.UploadTesting.await;
import static org.lankit.upstream.UploadTesting.fast;
import static org.lankit.upstream.UploadTesting.refusalOf;
import static org.lankit.upstream.UploadTesting.seed;
import static org.lankit.upstream.UploadTesting.stateOf;

import io.objectbox.Box;
import io.objectbox.BoxStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.store.EntryRecord;
import org.lankit.store.KitStore;
import org.lankit.store.MyObjectBox;
import org.lankit.sync.Entry;
import org.lankit.sync.Json;
import org.lankit.testkit.FakeTeamApi;
import org.lankit.testkit.FakeTeamApi.Received;

/**
 * A data folder of a Lankit that kept one upload state per entry for its one API: after the move
 * to per-server bookkeeping, nothing the API holds goes again, nothing it lacks is skipped, a
 * refusal stays a refusal with its reason, and the batch that was under way goes first with its
 * key and bytes.
 */
class OlderUploadStateTest {

    private static final Duration LIMIT = Duration.ofSeconds(20);
    private static final int PENDING = 0;
    private static final int SYNCING = 1;
    private static final int SYNCED = 2;
    private static final int FAILED = 3;

    @TempDir
    Path dataDir;

    @Test
    void what_the_one_api_held_refused_and_had_under_way_carries_over_to_the_main_server() throws Exception {
        try (FakeTeamApi api = FakeTeamApi.start()) {
            List<Entry> e;
            String oldBatch;
            try (KitStore store = KitStore.open(dataDir)) {
                e = seed(store, 7);
                store.settings().put(ApiSettings.URL, api.url());
                TargetSettings json = UploadTesting.json(api.url(), null);
                oldBatch = new JsonApiTarget(json, KIT, new TeamApi(Duration.ofSeconds(5)), AttachmentFiles.NONE)
                        .prepare(List.of(new Outgoing(e.get(5), null)));
                Batch underWay = new Batch("lankit-batch-under-way", List.of(new Batch.Item(e.get(5).uuid(), e.get(5).seq())), oldBatch);
                store.settings().put("upstream.inFlight", Json.MAPPER.writeValueAsString(underWay));
                store.settings().put("upstream.batchNo", "41");
            }
            // as the older Lankit left them: 0-2 and 4 held, 3 refused, 5 under way, 6 waiting
            writeOldStates(Map.of(e.get(0).uuid(), SYNCED, e.get(1).uuid(), SYNCED, e.get(2).uuid(), SYNCED,
                    e.get(3).uuid(), FAILED, e.get(4).uuid(), SYNCED, e.get(5).uuid(), SYNCING, e.get(6).uuid(), PENDING));

            try (KitStore store = KitStore.open(dataDir); Uploads uploads = UploadTesting.start(store, null, null, fast())) {
                await("the waiting entries sent", LIMIT, () -> uploads.status().synced() == 6 && uploads.status().pending() == 0);
                assertThat(uploads.targets()).extracting(TargetSettings::id, TargetSettings::kind)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple(TargetSettings.MAIN, TargetKind.JSON));
                assertThat(stateOf(uploads, store, e.get(3).uuid())).isEqualTo(EntryUpload.State.REFUSED);
                assertThat(refusalOf(uploads, store, e.get(3).uuid())).isEqualTo("the village is unknown");
                for (int i : new int[] {0, 1, 2, 4, 5, 6}) {
                    assertThat(stateOf(uploads, store, e.get(i).uuid())).as("entry " + i).isEqualTo(EntryUpload.State.UPLOADED);
                }
            }
            List<Received> requests = api.requests();
            assertThat(requests.get(0).key()).isEqualTo("lankit-batch-under-way");
            assertThat(requests.get(0).uuids()).containsExactly(e.get(5).uuid());
            assertThat(requests.stream().flatMap(r -> r.uuids().stream()))
                    .containsExactlyInAnyOrder(e.get(5).uuid(), e.get(6).uuid());
        }
    }

    private void writeOldStates(Map<String, Integer> states) {
        BoxStore raw = MyObjectBox.builder().directory(dataDir.resolve("db").toFile()).build();
        try {
            Box<EntryRecord> box = raw.boxFor(EntryRecord.class);
            List<EntryRecord> records = box.getAll();
            for (EntryRecord r : records) {
                r.upstreamState = states.get(r.uuid);
                r.upstreamSeq = r.upstreamState == SYNCED ? r.seq : 0;
                r.upstreamError = r.upstreamState == FAILED ? "the village is unknown" : null;
            }
            box.put(records);
        } finally {
            raw.close();
        }
    }
}
