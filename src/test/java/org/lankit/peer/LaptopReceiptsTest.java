package org.lankit.peer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.store.KitStore;
import org.lankit.sync.Entry;
import org.lankit.testkit.Eventually;
import org.lankit.testkit.FakeTeamApi;
import org.lankit.testkit.RunningClient;
import org.lankit.testkit.RunningMaster;
import org.lankit.upstream.ApiTarget;
import org.lankit.upstream.TargetKind;
import org.lankit.upstream.TargetSettings;

/** A laptop started away from its master still shows which of its entries the team's server holds. */
class LaptopReceiptsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path masterDir;
    @TempDir
    Path laptopDir;

    @Test
    void the_second_receipt_is_remembered_across_a_restart_without_the_master() throws Exception {
        Entry saved;
        try (FakeTeamApi api = FakeTeamApi.start(); RunningMaster master = RunningMaster.start(masterDir)) {
            master.kit().uploads().configure(List.of(new TargetSettings(TargetSettings.MAIN, TargetKind.JSON,
                    ApiTarget.of(api.url(), null).orElseThrow(), Map.of())));
            try (RunningClient laptop = RunningClient.start(laptopDir, master, "Laptop A")) {
                saved = laptop.saveHousehold("Grace", 4);
                Eventually.within(WAIT, "the laptop hears that the team's server holds its entry", () -> {
                    long seq = laptop.store().find(saved.uuid()).orElseThrow().entry().seq();
                    return laptop.kit().sync().receipts().holds(saved.uuid(), seq);
                });
            }
        }
        try (KitStore store = KitStore.open(laptopDir);
             PeerSync offline = new PeerSync(store, PeerLink.load(store).orElseThrow(),
                     Duration.ofMillis(500), Duration.ofSeconds(30))) {
            long seq = store.find(saved.uuid()).orElseThrow().entry().seq();
            assertThat(offline.receipts().holds(saved.uuid(), seq)).isTrue();
        }
    }
}
