package org.lankit.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lankit.testkit.FieldTeam.MASTER;
import static org.lankit.testkit.FieldTeam.PHONE_A;

import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.store.AuditEvent;
import org.lankit.store.KitStore;
import org.lankit.testkit.Entries;
import org.lankit.testkit.FieldTeam;
import org.lankit.testkit.StoreDump;
import org.lankit.testkit.TeamServerReceipts;
import org.lankit.upstream.ServerHoldings;

class RetentionTest {

    private static final long IN_100_DAYS = System.currentTimeMillis() + Duration.ofDays(100).toMillis();

    @TempDir
    Path temp;

    @Test
    void only_entries_the_api_holds_unchanged_and_old_enough_are_removed_each_with_an_audit_event() {
        Path data = temp.resolve("data");
        List<String> h;
        long lastSeqBefore;
        long highestRemovedSeq;
        try (KitStore store = KitStore.open(data)) {
            FieldTeam team = new FieldTeam(store);
            h = team.createHouseholds(6, PHONE_A);
            synced(store, team, h.get(3));
            team.edit(h.get(3), PHONE_A, "village", TextNode.valueOf("edited after the upload"));
            synced(store, team, h.get(5));
            team.editConcurrently(h.get(5), "respondent", TextNode.valueOf("A"), TextNode.valueOf("B"));
            synced(store, team, h.get(5));
            String newest = team.createHouseholds(1, PHONE_A).get(0);
            for (String uuid : List.of(h.get(0), h.get(1), newest)) synced(store, team, uuid);
            // h2 and h4 never reached the API, h3 changed since its upload, h5 waits for review
            lastSeqBefore = store.lastSeq();
            highestRemovedSeq = team.entry(newest).seq();
            assertThat(highestRemovedSeq).isEqualTo(lastSeqBefore);

            assertThat(new Retention(store, MASTER, System::currentTimeMillis, ServerHoldings.heldByAll(store)).removeUnchangedFor(Duration.ofDays(30))).isZero();
            long removed = new Retention(store, MASTER, () -> IN_100_DAYS, ServerHoldings.heldByAll(store)).removeUnchangedFor(Duration.ofDays(30));

            assertThat(removed).isEqualTo(3);
            assertThat(store.find(h.get(0))).isEmpty();
            assertThat(store.find(h.get(1))).isEmpty();
            assertThat(store.find(newest)).isEmpty();
            for (int i = 2; i < 6; i++) assertThat(store.find(h.get(i))).as("entry " + i).isPresent();
            List<AuditEvent> removals = StoreDump.audit(store).stream().filter(a -> a.action().equals("remove")).toList();
            assertThat(removals).extracting(AuditEvent::entryUuid).containsExactlyInAnyOrder(h.get(0), h.get(1), newest);
            assertThat(removals).allSatisfy(a -> {
                assertThat(a.deviceId()).isEqualTo(MASTER);
                assertThat(a.summary()).contains("synced to the team API").contains("30 day(s)");
            });
        }
        try (KitStore reopened = KitStore.open(data)) {
            assertThat(reopened.lastSeq()).isEqualTo(lastSeqBefore);
            long next = reopened.write(w -> w.commitMasterChange(Entries.household(new FieldTeam(reopened).clock(PHONE_A), "New", 2), PHONE_A));
            assertThat(next).isGreaterThan(highestRemovedSeq);
        }
    }

    private static void synced(KitStore store, FieldTeam team, String uuid) {
        TeamServerReceipts.held(store, uuid);
    }
}
