package org.lankit.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.hub.HubConfig;
import org.lankit.peer.FormerMasterException;
import org.lankit.peer.Handover;
import org.lankit.peer.MasterClient;
import org.lankit.peer.MasterError;
import org.lankit.store.KitStore;
import org.lankit.sync.Entry;
import org.lankit.sync.HlcClock;
import org.lankit.sync.Protocol.PairResponse;
import org.lankit.testkit.Entries;
import org.lankit.testkit.Eventually;
import org.lankit.testkit.RunningClient;

/**
 * The old master comes back after a laptop took over: it learns it was replaced, refuses every
 * write with plain words, stays replaced across a restart, and its last entries (which no laptop
 * had) reach the new master once.
 */
class FormerMasterTest {

    private static final String JOIN = "FORMER-MASTER-CODE";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path masterDir;
    @TempDir
    Path laptopDir;
    @TempDir
    Path otherLaptopDir;

    @Test
    void the_old_master_started_again_refuses_writes_and_hands_its_last_entries_over_once() throws Exception {
        KitStore oldStore = KitStore.open(masterDir);
        MasterKit old = startMaster(oldStore);
        String oldBase = "http://127.0.0.1:" + old.hub().port();
        MasterClient phone = new MasterClient(oldBase, null);
        PairResponse paired = phone.pair(JOIN, "Phone", "phone");
        HlcClock phoneClock = HlcClock.system(paired.deviceId());
        phone.push(List.of(Entries.household(phoneClock, "Seen by the laptop", 2)));
        RunningClient laptop = RunningClient.start(laptopDir, oldBase, "Laptop one", old.laptopJoinCode());
        RunningClient other = RunningClient.start(otherLaptopDir, oldBase, "Laptop two", old.laptopJoinCode());
        Eventually.within(WAIT, "both laptops hold the entry, laptop one a bundle that names laptop two",
                () -> laptop.store().entryCount() == 1 && other.store().entryCount() == 1
                        && laptop.kit().sync().succession().bundle().map(b -> b.devices().size()).orElse(0) == 4);
        laptop.close();
        Entry last1 = Entries.household(phoneClock, "Only the old master has it 1", 3);
        Entry last2 = Entries.household(phoneClock, "Only the old master has it 2", 4);
        phone.push(List.of(last1, last2));
        other.close();
        old.close();

        KitStore newStore = KitStore.open(laptopDir);
        Promotion.promote(newStore);
        MasterKit successor = startMaster(newStore);
        String newBase = "http://127.0.0.1:" + successor.hub().port();
        try (RunningClient follows = RunningClient.start(otherLaptopDir, newBase, "Laptop two", null)) {
            Eventually.within(WAIT, "laptop two follows the new master", () -> follows.kit().sync().state().connected());
        }
        try {
            assertThat(successor.store().find(last1.uuid())).isEmpty();

            old = startMaster(oldStore);
            oldBase = "http://127.0.0.1:" + old.hub().port();
            successor.takeOverDuties().runNow();
            assertThat(old.superseded()).hasValueSatisfying(s -> assertThat(s.successorUrl()).startsWith("https://127.0.0.1:"));
            Eventually.within(WAIT, "the old master's last entries reach the new master",
                    () -> successor.store().find(last1.uuid()).isPresent() && successor.store().find(last2.uuid()).isPresent());

            MasterClient stale = new MasterClient(oldBase, paired.token());
            assertThatThrownBy(() -> stale.push(List.of(Entries.household(phoneClock, "Too late", 1))))
                    .isInstanceOfSatisfying(MasterError.class, e -> {
                        assertThat(e.status()).isEqualTo(409);
                        assertThat(e.error()).isEqualTo("superseded");
                        assertThat(e.getMessage()).contains("former master").contains("new master's address");
                    });
            long entriesAtOld = oldStore.entryCount();
            assertThat(entriesAtOld).isEqualTo(3);

            long lastSeq = successor.store().lastSeq();
            long handedAgain = Handover.send(oldStore, old.superseded().orElseThrow().successorUrl(),
                    oldStore.secrets().get("takeover.selfToken").orElseThrow(), old.authorityPin().pin());
            assertThat(handedAgain).isEqualTo(3);
            assertThat(successor.store().lastSeq()).as("a second hand-over changes nothing").isEqualTo(lastSeq);

            old.close();
            old = startMaster(oldStore);
            assertThat(old.superseded()).as("still replaced after a restart").isPresent();
            String restartedBase = "http://127.0.0.1:" + old.hub().port();
            assertThatThrownBy(() -> new MasterClient(restartedBase, paired.token()).push(List.of(Entries.household(phoneClock, "Again", 1))))
                    .isInstanceOfSatisfying(MasterError.class, e -> assertThat(e.status()).isEqualTo(409));

            assertThatThrownBy(() -> RunningClient.start(otherLaptopDir, restartedBase, "Laptop two", null))
                    .isInstanceOf(FormerMasterException.class).hasMessageContaining("former master");
        } finally {
            old.close();
            oldStore.close();
            successor.close();
            newStore.close();
        }
    }

    private static MasterKit startMaster(KitStore store) {
        KitOptions options = new KitOptions(true, null, 0, store.dataDir(), "Test team", JOIN, null, null, null).withBind("127.0.0.1");
        return MasterKit.start(store, options, HubConfig.defaults().withAddress("127.0.0.1", 0).withAnnouncement(false));
    }
}
