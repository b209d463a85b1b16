package org.lankit.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lankit.upstream.UploadTesting.await;
import static org.lankit.upstream.UploadTesting.fast;
import static org.lankit.upstream.UploadTesting.seed;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.store.KitStore;
import org.lankit.sync.Entry;
import org.lankit.testkit.FakeTeamApi;

/**
 * A team that sends to its own server and to a mirror: each server gets every entry once and has
 * its own receipts, and devices are told an entry is at the team's servers only once both hold it.
 */
class TwoServersTest {

    private static final Duration LIMIT = Duration.ofSeconds(20);

    @TempDir
    Path dataDir;

    @Test
    void each_server_has_its_own_receipts_and_devices_see_what_both_hold() throws Exception {
        try (FakeTeamApi main = FakeTeamApi.start(); FakeTeamApi mirror = FakeTeamApi.start();
             KitStore store = KitStore.open(dataDir);
             Uploads uploads = UploadTesting.start(store, main.url(), null, fast())) {
            List<Entry> entries = seed(store, 20);
            await("the main server has all", LIMIT, () -> main.storedRevisions() == 20 && uploads.status().pending() == 0);
            assertThat(uploads.receipts().through()).isEqualTo(entries.get(19).seq());

            mirror.answerAfter(Duration.ofSeconds(3));
            uploads.configure(List.of(uploads.targets().get(0), new TargetSettings("mirror", TargetKind.JSON,
                    ApiTarget.of(mirror.url(), "mirror-token").orElseThrow(), Map.of())));
            await("the mirror got a batch", LIMIT, () -> mirror.requestCount() > 0);
            Map<String, UploaderStatus> each = uploads.statuses();
            assertThat(each.keySet()).containsExactly(TargetSettings.MAIN, "mirror");
            assertThat(each.get(TargetSettings.MAIN).synced()).isEqualTo(20);
            assertThat(each.get("mirror").pending()).isEqualTo(20);
            // the mirror lacks them all: no entry is at "the team's servers" yet
            assertThat(uploads.receipts().through()).isZero();
            assertThat(uploads.receipts().holds(entries.get(0).uuid(), entries.get(0).seq())).isFalse();

            mirror.answerAfter(Duration.ZERO);
            await("the mirror has all", LIMIT, () -> mirror.storedRevisions() == 20 && uploads.status().pending() == 0);
            assertThat(uploads.receipts().through()).isEqualTo(entries.get(19).seq());
            assertThat(main.mostTimesAnyRevisionWasStored()).isEqualTo(1);
            assertThat(mirror.mostTimesAnyRevisionWasStored()).isEqualTo(1);
            assertThat(main.requests()).allSatisfy(r -> assertThat(r.authorization()).isNull());
            assertThat(mirror.requests()).allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer mirror-token"));
        }
    }
}
