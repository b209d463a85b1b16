package org.lankit.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lankit.upstream.UploadTesting.await;
import static org.lankit.upstream.UploadTesting.fast;
import static org.lankit.upstream.UploadTesting.seed;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.store.KitStore;
import org.lankit.sync.Entry;
import org.lankit.testkit.FakeTeamApi;

/** Devices are never told a refused entry is at the team's server, however many the server refused. */
class RefusedReceiptsTest {

    @TempDir
    Path dataDir;

    @Test
    void with_more_refusals_than_the_list_carries_the_receipt_stops_before_the_first_left_out() throws Exception {
        int refusedCount = UploadReceipts.MAX_REFUSED + 5;
        try (FakeTeamApi api = FakeTeamApi.start(); KitStore store = KitStore.open(dataDir)) {
            List<Entry> entries = seed(store, refusedCount + 10);
            for (Entry e : entries.subList(0, refusedCount)) api.rejectEntry(e.uuid(), "the village is unknown");
            try (Uploads uploads = UploadTesting.start(store, api.url(), null, fast())) {
                await("settled", Duration.ofSeconds(60), () -> uploads.status().pending() == 0);
                UploadReceipts receipts = uploads.receipts();
                assertThat(receipts.refused()).hasSize(UploadReceipts.MAX_REFUSED);
                for (Entry e : entries) {
                    boolean refused = entries.indexOf(e) < refusedCount;
                    if (refused) assertThat(receipts.holds(e.uuid(), e.seq())).as("refused " + e.uuid()).isFalse();
                }
                // the ten held entries come after the refused ones: they wait for their ✓✓ until fewer are refused
                assertThat(receipts.through()).isLessThan(entries.get(UploadReceipts.MAX_REFUSED).seq());

                api.forgiveAll();
                uploads.retryFailed();
                await("all held", Duration.ofSeconds(60), () -> uploads.status().failed() == 0 && uploads.status().pending() == 0);
                Entry last = entries.get(entries.size() - 1);
                assertThat(uploads.receipts().refused()).isEmpty();
                assertThat(uploads.receipts().holds(last.uuid(), last.seq())).isTrue();
            }
        }
    }
}
