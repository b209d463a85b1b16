package org.lankit.peer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.app.KitChoices;
import org.lankit.store.AuditEvent;
import org.lankit.store.KitStore;
import org.lankit.store.StoredEntry;
import org.lankit.sync.Entry;
import org.lankit.sync.HlcClock;
import org.lankit.sync.LocalEdits;
import org.lankit.testkit.ConflictingEdits;
import org.lankit.testkit.Entries;
import org.lankit.testkit.Eventually;
import org.lankit.testkit.PairedDevice;
import org.lankit.testkit.PastClocks;
import org.lankit.testkit.RunningClient;
import org.lankit.testkit.RunningMaster;

/** The team's retention on a client laptop: old settled copies go, everything of the laptop's own stays. */
class LaptopRetentionTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration THREE_DAYS = Duration.ofDays(3);

    @TempDir
    Path masterDir;
    @TempDir
    Path laptopDir;

    @Test
    void old_acknowledged_entries_leave_the_laptop_audited_while_refused_conflicting_and_recent_ones_stay_and_a_master_edit_brings_one_back()
            throws Exception {
        try (RunningMaster master = RunningMaster.start(masterDir)) {
            // a tablet that worked three days ago, and another that edited one of its entries a day later
            PairedDevice tablet = PastClocks.pairClient(master, "Old tablet");
            HlcClock tabletClock = PastClocks.behind(tablet.deviceId(), THREE_DAYS);
            Entry oldA = Entries.household(tabletClock, "Old A", 3);
            Entry oldB = Entries.household(tabletClock, "Old B", 4);
            Entry refused = Entries.household(tabletClock, "Old refused", 5);
            Entry disputed = Entries.household(tabletClock, "Old disputed", 6);
            tablet.client().push(List.of(oldA, oldB, refused, disputed));
            PairedDevice other = PastClocks.pairClient(master, "Other tablet");
            Entry onMaster = master.store().find(disputed.uuid()).orElseThrow().entry();
            other.client().push(List.of(ConflictingEdits.blindEdit(onMaster,
                    PastClocks.behind(other.deviceId(), Duration.ofDays(2)), "respondent", TextNode.valueOf("Old disputed (2)"))));
            assertThat(master.store().find(disputed.uuid()).orElseThrow().entry().conflicts()).hasSize(1);

            try (RunningClient laptop = RunningClient.start(laptopDir, master, "Laptop")) {
                String laptopId = laptop.kit().sync().link().deviceId();
                Entry recent = laptop.saveHousehold("Recent", 2);
                Eventually.within(WAIT, "the laptop holds all five, its own acknowledged",
                        () -> laptop.store().entryCount() == 5 && laptop.kit().sync().state().pending() == 0);
                refusedEdit(laptop, laptopId, refused.uuid());
                Eventually.within(WAIT, "the master refused the laptop's edit", () -> laptop.kit().sync().state().rejected() == 1);
                long checkpoint = checkpoint(laptop.store());

                new KitChoices(master.store()).retentionDays(1);

                Eventually.within(WAIT, "the old settled entries left the laptop",
                        () -> laptop.store().find(oldA.uuid()).isEmpty() && laptop.store().find(oldB.uuid()).isEmpty());
                assertThat(laptop.store().find(refused.uuid())).as("refused edit").isPresent();
                assertThat(laptop.store().find(disputed.uuid())).as("open conflict").isPresent();
                assertThat(laptop.store().find(recent.uuid())).as("recent").isPresent();
                assertThat(laptop.store().find(refused.uuid()).orElseThrow().entry().fields().get("household_size").value().asInt())
                        .isEqualTo(500);
                assertThat(master.store().find(oldA.uuid())).as("the master still holds it").isPresent();
                assertThat(master.store().find(oldB.uuid())).isPresent();
                List<AuditEvent> removals = removals(laptop.store());
                assertThat(removals).extracting(AuditEvent::entryUuid).containsExactlyInAnyOrder(oldA.uuid(), oldB.uuid());
                assertThat(removals).allSatisfy(e -> {
                    assertThat(e.deviceId()).isEqualTo(laptopId);
                    assertThat(e.summary()).isEqualTo(
                            "removed from this laptop by the team's retention: unchanged for 1 day, the master holds it");
                });
                assertThat(checkpoint(laptop.store())).as("removing moves no checkpoint").isGreaterThanOrEqualTo(checkpoint);

                // new work on the master is pulled; the removed entries are not pulled again
                Entry fresh = Entries.household(tablet.clock(), "New today", 1);
                tablet.client().push(List.of(fresh));
                Eventually.within(WAIT, "the laptop got the new entry", () -> laptop.store().find(fresh.uuid()).isPresent());
                assertThat(laptop.store().find(oldA.uuid())).isEmpty();
                assertThat(removals(laptop.store())).hasSize(2);

                // the coordinator edits a removed entry: it comes back to the laptop like any change
                Entry coordinatorEdit = LocalEdits.edit(master.store().find(oldA.uuid()).orElseThrow().entry().forPush(),
                        "village", TextNode.valueOf("Busia"), master.kit().identity().clock());
                master.kit().hub().pushService().push(master.kit().identity().deviceId(), List.of(coordinatorEdit));
                Eventually.within(WAIT, "the edited entry is back on the laptop", () -> laptop.store().find(oldA.uuid()).isPresent());
                Entry back = laptop.store().find(oldA.uuid()).orElseThrow().entry();
                assertThat(back.fields().get("village").value().asText()).isEqualTo("Busia");
                assertThat(back.fields().get("respondent").value().asText()).isEqualTo("Old A");
                assertThat(back).isEqualTo(master.store().find(oldA.uuid()).orElseThrow().entry());
            }
        }
    }

    @Test
    void an_old_entry_with_an_edit_the_master_has_not_acknowledged_stays_while_a_settled_one_as_old_goes() throws Exception {
        String laptopId;
        Entry waiting;
        Entry settled;
        try (RunningMaster master = RunningMaster.start(masterDir)) {
            PairedDevice tablet = PastClocks.pairClient(master, "Old tablet");
            HlcClock tabletClock = PastClocks.behind(tablet.deviceId(), THREE_DAYS);
            waiting = Entries.household(tabletClock, "Edited offline", 3);
            settled = Entries.household(tabletClock, "Settled", 4);
            tablet.client().push(List.of(waiting, settled));
            try (RunningClient laptop = RunningClient.start(laptopDir, master, "Laptop")) {
                laptopId = laptop.kit().sync().link().deviceId();
                Eventually.within(WAIT, "the laptop holds both", () -> laptop.store().entryCount() == 2);
            }
        }
        // away from the master, the laptop's owner (with a clock as old) edits one entry
        try (KitStore offline = KitStore.open(laptopDir)) {
            new LocalEntries(offline, PastClocks.behind(laptopId, THREE_DAYS), () -> { })
                    .edit(waiting.uuid(), Map.of("village", TextNode.valueOf("Not sent yet")));

            long removed = new LaptopRetention(offline, HlcClock.system(laptopId)).removeUnchangedFor(1);

            assertThat(removed).isEqualTo(1);
            assertThat(offline.find(settled.uuid())).isEmpty();
            StoredEntry kept = offline.find(waiting.uuid()).orElseThrow();
            assertThat(kept.isLocallyPending()).isTrue();
            assertThat(kept.entry().fields().get("village").value().asText()).isEqualTo("Not sent yet");
            assertThat(removals(offline)).extracting(AuditEvent::entryUuid).containsExactly(settled.uuid());
        }
    }

    @Test
    void an_entry_removed_by_retention_while_its_user_had_it_open_is_saved_from_what_they_saw() throws Exception {
        try (RunningMaster master = RunningMaster.start(masterDir)) {
            PairedDevice tablet = PastClocks.pairClient(master, "Old tablet");
            Entry old = Entries.household(PastClocks.behind(tablet.deviceId(), THREE_DAYS), "Opened", 3);
            tablet.client().push(List.of(old));
            try (RunningClient laptop = RunningClient.start(laptopDir, master, "Laptop")) {
                Eventually.within(WAIT, "the laptop holds the entry", () -> laptop.store().find(old.uuid()).isPresent());
                Entry seen = laptop.store().find(old.uuid()).orElseThrow().entry();

                new KitChoices(master.store()).retentionDays(1);
                Eventually.within(WAIT, "retention removed the laptop's copy", () -> laptop.store().find(old.uuid()).isEmpty());
                laptop.kit().sync().entries().edit(seen, Map.of("village", TextNode.valueOf("Kisumu")));

                Eventually.within(WAIT, "the master has the change", () -> master.store().find(old.uuid()).orElseThrow()
                        .entry().fields().containsKey("village"));
                Entry onMaster = master.store().find(old.uuid()).orElseThrow().entry();
                assertThat(onMaster.fields().get("village").value().asText()).isEqualTo("Kisumu");
                assertThat(onMaster.fields().get("respondent").value().asText()).isEqualTo("Opened");
                assertThat(onMaster.conflicts()).as("a plain edit of what the master holds").isEmpty();
                Eventually.within(WAIT, "the laptop holds the changed entry, acknowledged",
                        () -> laptop.kit().sync().state().pending() == 0 && laptop.store().find(old.uuid()).isPresent());
                assertThat(laptop.store().find(old.uuid()).orElseThrow().entry()).isEqualTo(onMaster);
            }
        }
    }

    /** An edit as a laptop with an older form (household size up to 500) would send: the master refuses it. */
    private static void refusedEdit(RunningClient laptop, String laptopId, String uuid) {
        Entry local = laptop.store().find(uuid).orElseThrow().entry();
        Entry edited = LocalEdits.edit(local, "household_size", IntNode.valueOf(500), PastClocks.behind(laptopId, THREE_DAYS));
        laptop.store().write(w -> {
            w.putReplica(edited, LocalEdits.pending(edited), laptopId, "edit");
            return null;
        });
        laptop.kit().sync().requestSync();
    }

    private static List<AuditEvent> removals(KitStore store) {
        return store.auditLog(0, 10_000).stream().filter(e -> e.action().equals("remove")).toList();
    }

    private static long checkpoint(KitStore store) {
        return store.syncState().getLong("peer.checkpoint").orElse(0L);
    }
}
