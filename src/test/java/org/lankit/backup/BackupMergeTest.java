package org.lankit.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lankit.testkit.FieldTeam.MASTER;
import static org.lankit.testkit.FieldTeam.PHONE_A;
import static org.lankit.testkit.FieldTeam.PHONE_B;

import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.store.KitStore;
import org.lankit.sync.Entry;
import org.lankit.sync.Hlc;
import org.lankit.testkit.FieldTeam;
import org.lankit.testkit.StoreDump;
import org.lankit.testkit.TeamServerReceipts;
import org.lankit.upstream.ServerHoldings;

class BackupMergeTest {

    private static final String PHONE_C = "phoneC";
    private static final BackupOrigin ORIGIN = new BackupOrigin("Test team", MASTER, "test");

    @TempDir
    Path temp;

    @Test
    void importing_an_older_backup_into_a_master_that_moved_on_gives_what_syncing_gives_without_duplicates() {
        try (KitStore master = TestRecovery.open(temp.resolve("master"))) {
            FieldTeam team = new FieldTeam(master);
            List<String> households = team.createHouseholds(300, PHONE_A);
            List<String> wells = team.createWaterPoints(100, PHONE_B);
            for (int i = 0; i < 10; i++) {
                team.editConcurrently(households.get(i), "respondent", TextNode.valueOf("A" + i), TextNode.valueOf("B" + i));
            }
            Path backup = temp.resolve("backup.zip");
            new BackupExporter(master, ORIGIN).export(backup);
            String openInBackup = team.entry(households.get(0)).conflicts().get(0).key();

            // since the backup: edits, new entries, deletes, resolved and new conflicts
            for (int i = 10; i < 60; i++) team.edit(households.get(i), PHONE_A, "village", TextNode.valueOf("Village " + i));
            List<String> added = team.createHouseholds(20, PHONE_B);
            for (int i = 0; i < 5; i++) team.delete(wells.get(i), PHONE_B);
            for (int i = 0; i < 3; i++) team.resolve(households.get(i), "respondent", TextNode.valueOf("Chosen " + i));
            team.editConcurrently(households.get(100), "village", TextNode.valueOf("North"), TextNode.valueOf("South"));
            // syncing the backup's history into this master changes nothing: it has seen all of it
            List<Entry> whatSyncingGives = StoreDump.entries(master);

            // retention removed 30 entries the team API holds and nobody touched since the backup
            List<String> removedLater = households.subList(200, 230);
            for (String uuid : removedLater) TeamServerReceipts.held(master, uuid);
            long later = System.currentTimeMillis() + Duration.ofDays(100).toMillis();
            assertThat(new Retention(master, MASTER, () -> later, ServerHoldings.heldByAll(master)).removeUnchangedFor(Duration.ofDays(30))).isEqualTo(30);
            assertThat(master.entryCount()).isEqualTo(whatSyncingGives.size() - 30);

            ImportReport report = new BackupImporter(master, MASTER).importFrom(backup);

            assertThat(report.created()).isEqualTo(30);
            assertThat(report.updated()).isZero();
            assertThat(report.unchanged()).isEqualTo(370);
            assertThat(report.withNewConflicts()).isZero();
            List<Entry> after = StoreDump.entries(master);
            assertThat(after).isEqualTo(whatSyncingGives);
            assertThat(new HashSet<>(after.stream().map(Entry::uuid).toList())).hasSize(after.size());
            assertThat(master.entryCount()).isEqualTo(300 + 100 + added.size());
            // the resolved conflicts stay resolved although the backup still had them open
            assertThat(team.entry(households.get(0)).conflicts()).isEmpty();
            assertThat(team.entry(households.get(0)).settled()).contains(openInBackup);
            assertThat(StoreDump.audit(master)).filteredOn(a -> a.action().equals("import")).hasSize(30 + 1);
        }
    }

    @Test
    void a_newer_backup_brings_each_devices_later_edits_and_keeps_a_concurrent_value_as_a_conflict() {
        try (KitStore oldLaptop = TestRecovery.open(temp.resolve("old"));
             KitStore newLaptop = TestRecovery.open(temp.resolve("new"))) {
            FieldTeam team = new FieldTeam(oldLaptop);
            List<String> h = team.createHouseholds(30, PHONE_A);
            Path first = temp.resolve("first.zip");
            new BackupExporter(oldLaptop, ORIGIN).export(first);
            new BackupImporter(newLaptop, MASTER).importFrom(first);
            FieldTeam restoredTeam = new FieldTeam(newLaptop);

            for (int i = 0; i < 10; i++) team.edit(h.get(i), PHONE_A, "respondent", TextNode.valueOf("A again " + i));
            for (int i = 15; i < 20; i++) restoredTeam.edit(h.get(i), PHONE_C, "respondent", TextNode.valueOf("C on new " + i));
            restoredTeam.edit(h.get(20), PHONE_C, "respondent", TextNode.valueOf("C first"));
            Entry onNew20 = restoredTeam.entry(h.get(20));
            team.clock(PHONE_A).observe(Hlc.parse(onNew20.fields().get("respondent").hlc()));
            team.edit(h.get(20), PHONE_A, "respondent", TextNode.valueOf("A later"));
            Path second = temp.resolve("second.zip");
            new BackupExporter(oldLaptop, ORIGIN).export(second);

            ImportReport report = new BackupImporter(newLaptop, MASTER).importFrom(second);

            for (int i = 0; i < 10; i++) {
                assertThat(restoredTeam.entry(h.get(i))).isEqualTo(team.entry(h.get(i)).withSeq(restoredTeam.entry(h.get(i)).seq()));
            }
            for (int i = 15; i < 20; i++) {
                Entry e = restoredTeam.entry(h.get(i));
                assertThat(e.fields().get("respondent").value().asText()).isEqualTo("C on new " + i);
                assertThat(e.conflicts()).isEmpty();
            }
            Entry merged = restoredTeam.entry(h.get(20));
            assertThat(merged.fields().get("respondent").value().asText()).isEqualTo("A later");
            assertThat(merged.conflicts()).singleElement().satisfies(c -> {
                assertThat(c.value().asText()).isEqualTo("C first");
                assertThat(c.hlc()).isEqualTo(onNew20.fields().get("respondent").hlc());
            });
            assertThat(report.updated()).isEqualTo(11);
            assertThat(report.withNewConflicts()).isEqualTo(1);
            assertThat(newLaptop.entryCount()).isEqualTo(30);
        }
    }
}
