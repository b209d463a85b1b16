package org.lankit.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.store.KitStore;
import org.lankit.sync.Entry;
import org.lankit.sync.HlcClock;
import org.lankit.testkit.CouchDatabase;
import org.lankit.testkit.CouchServer;
import org.lankit.testkit.Entries;
import org.lankit.testkit.Eventually;
import org.lankit.testkit.FlakyProxy;
import org.lankit.testkit.FlakyProxy.Fault;
import org.lankit.upstream.ApiTarget;
import org.lankit.upstream.KitRef;
import org.lankit.upstream.TargetKind;
import org.lankit.upstream.TargetSettings;
import org.lankit.upstream.UploaderConfig;
import org.lankit.upstream.UploaderStatus;
import org.lankit.upstream.Uploads;

/**
 * A CouchDB-protocol server (express-pouchdb from npm) flaps behind a proxy (500s, resets before
 * the request and after the server stored the batch, slow answers past the timeout) while the real
 * uploader sends entries and then edits of some of them: every entry ends up as one document,
 * each revision written once, the edits as new revs of the same documents.
 */
class CouchUploadFlappingTest {

    private static final int ENTRIES = 6_000;
    private static final int EDITED = 1_000;
    private static final long SEED = 20261203L;

    @TempDir
    Path dataDir;

    @Test
    void every_entry_and_every_edit_reaches_a_flapping_couchdb_once_as_one_document_per_entry() throws Exception {
        System.out.println("CouchUploadFlappingTest seed " + SEED);
        UploaderConfig config = UploaderConfig.defaults()
                .withRetryDelays(Duration.ofMillis(20), Duration.ofMillis(200), 0.1)
                .withRequestTimeout(Duration.ofSeconds(1))
                .withBreaker(50, Duration.ofMillis(300))
                .withProbeInterval(Duration.ofMillis(100))
                .withBatch(25, 1024 * 1024);
        HlcClock phone = HlcClock.system("phone1");
        try (CouchServer couch = CouchServer.start(); KitStore store = KitStore.open(dataDir)) {
            CouchDatabase db = couch.database("survey").create();
            FlakyProxy flaky = couch.faultyProxy(SEED).faultRate(0.5).slowBy(700);
            TargetSettings target = new TargetSettings(TargetSettings.MAIN, TargetKind.COUCHDB,
                    new ApiTarget(URI.create(flaky.baseUrl() + "/survey"), "", "", ""), Map.of());
            List<Entry> entries = seed(store, phone, ENTRIES);
            Map<String, Long> latestSeq = new HashMap<>();
            try (Uploads uploads = Uploads.start(store, new KitRef("master01", "Flap team"), Optional.of(target), config)) {
                awaitAllHeld(uploads, store);
                for (Entry e : entries.subList(0, EDITED)) latestSeq.put(e.uuid(), edit(store, phone, e));
                awaitAllHeld(uploads, store);
                UploaderStatus status = uploads.status();
                System.out.printf("faults: reset-before %d, reset-after-request %d, 500 %d, slow %d, clean %d%n",
                        flaky.count(Fault.RESET_BEFORE), flaky.count(Fault.RESET_AFTER_REQUEST), flaky.count(Fault.ERROR_500),
                        flaky.count(Fault.SLOW), flaky.count(Fault.NONE));
                assertThat(status.failed()).isZero();
                assertThat(status.pending()).isZero();
                assertThat(uploads.receipts().refused()).isEmpty();
            }
            assertThat(flaky.count(Fault.RESET_AFTER_REQUEST)).as("answers lost after the server stored the batch").isPositive();
            assertThat(flaky.count(Fault.RESET_BEFORE)).isPositive();
            assertThat(flaky.count(Fault.ERROR_500)).isPositive();
            assertThat(flaky.count(Fault.SLOW)).isPositive();

            Map<String, JsonNode> docs = new HashMap<>();
            for (JsonNode doc : db.docs()) docs.put(doc.path("_id").asText(), doc);
            assertThat(docs).as("one document per entry, none lost, none extra").hasSize(ENTRIES);
            for (Entry e : entries) {
                JsonNode doc = docs.get(e.uuid());
                assertThat(doc).as("document of " + e.uuid()).isNotNull();
                boolean edited = latestSeq.containsKey(e.uuid());
                assertThat(doc.path("lankit").path("seq").asLong()).isEqualTo(edited ? latestSeq.get(e.uuid()) : e.seq());
                assertThat(db.revisions(e.uuid())).as("revisions of " + e.uuid() + ", each written once").hasSize(edited ? 2 : 1);
                if (edited) assertThat(doc.path("fields").path("respondent").path("value").asText()).isEqualTo("Edited");
            }
        }
    }

    /** Waits until the server holds every change the master has committed. */
    private static void awaitAllHeld(Uploads uploads, KitStore store) {
        long last = store.lastSeq();
        Eventually.within(Duration.ofSeconds(240), () -> "all changes through seq " + last + " held; now " + uploads.status(),
                () -> uploads.receipts().through() >= last);
    }

    private static List<Entry> seed(KitStore store, HlcClock phone, int n) {
        return store.write(w -> {
            List<Entry> out = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Entry e = Entries.household(phone, "Respondent " + i, 1 + i % 50);
                out.add(e.withSeq(w.commitMasterChange(e, "phone1")));
            }
            return out;
        });
    }

    /** A later revision of the entry from the same phone, committed on the master; its seq. */
    private static long edit(KitStore store, HlcClock phone, Entry entry) {
        Entry edited = entry.withFields(Entries.household(phone, "Edited", 7).fields(), null);
        return store.write(w -> w.commitMasterChange(edited, "phone1"));
    }
}
